#!/usr/bin/env bash
# Debian's pre-commit runs translint's hook from this repository: `try-repo` fails on a staged
# "Ilon Musk" and passes clean text, and an installed hook blocks the commit.
# Usage: tests/integrations/pre-commit.sh path/to/translint
set -euo pipefail

translint=$(realpath "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# The hook finds translint on PATH; pre-commit keeps its clones in PRE_COMMIT_HOME.
mkdir "$work/bin"
ln -s "$translint" "$work/bin/translint"
export PATH="$work/bin:$PATH" PRE_COMMIT_HOME="$work/cache" HOME="$work"
git config --global user.email newsroom@example.org
git config --global user.name Newsroom
git config --global init.defaultBranch main
# A clean CI clone is owned by the runner; the test's own repositories are ours.
git config --global --add safe.directory '*'

cd "$work"
git init -q articles
cd articles
cat > articles.it.txt <<'TEXT'
Il presidente francese Emmanuel Macron ha incontrato i ministri a Parigi.
TEXT
git add articles.it.txt
git commit -qm "An article"

# A clean change passes.
echo "Il vertice si è chiuso giovedì sera con un documento di 14 pagine." >> articles.it.txt
git add articles.it.txt
pre-commit try-repo "$repo" translint > "$work/clean.log" 2>&1 ||
  { cat "$work/clean.log"; fail "try-repo rejected a clean change"; }
grep -q "translint.*Passed" "$work/clean.log" || { cat "$work/clean.log"; fail "hook did not run"; }
git commit -qm "A clean change"

# "Ilon Musk" is blocked, with the finding and its fix in the output.
echo "Ilon Musk ha parlato con i giornalisti." >> articles.it.txt
git add articles.it.txt
if pre-commit try-repo "$repo" translint > "$work/bad.log" 2>&1; then
  cat "$work/bad.log"; fail "try-repo let 'Ilon Musk' through"
fi
grep -q "translint.*Failed" "$work/bad.log" || { cat "$work/bad.log"; fail "no failed hook"; }
grep -q "articles.it.txt:3:1: error: 'Ilon'" "$work/bad.log" || { cat "$work/bad.log"; fail "no finding"; }
grep -q "suggestions\?: Elon" "$work/bad.log" || { cat "$work/bad.log"; fail "no suggestion"; }

# Installed as a git hook from a pinned revision, it stops the commit itself.
rev=$(git -C "$repo" rev-parse HEAD)
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: translint
YAML
pre-commit install > /dev/null
before=$(git rev-parse HEAD)
if git commit -qm "Ilon" > "$work/commit.log" 2>&1; then
  cat "$work/commit.log"; fail "the commit with 'Ilon Musk' went through"
fi
[ "$(git rev-parse HEAD)" = "$before" ] || fail "HEAD moved"
grep -q "'Ilon'" "$work/commit.log" || { cat "$work/commit.log"; fail "no finding in the commit"; }
echo "pre-commit: clean change passed, 'Ilon Musk' blocked by try-repo and by the installed hook"
