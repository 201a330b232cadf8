#!/usr/bin/env bash
# Checks the SARIF, JUnit, Checkstyle and GitHub reports of the real binary with the tools that
# read them (check-machine-formats.mjs). The inputs: the sample article; a copy under a name with
# a comma, a colon, spaces, '%' and non-ASCII letters; the article on standard input and by an
# absolute path; and a house rule whose message holds commas, colons, quotes, <&>, '%' and a line
# break.
# Usage: machine-formats.sh PATH/TO/translint
set -euo pipefail

if (($# != 1)); then
  echo "usage: $0 PATH/TO/translint" >&2
  exit 2
fi
translint="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

for tool in node xmllint; do
  if ! command -v "$tool" >/dev/null; then
    echo "machine-formats: $tool is missing; ci/setup installs it" >&2
    exit 1
  fi
done
if [ ! -d "$here/node_modules/@actions/core" ]; then
  echo "machine-formats: the consumers are not installed in $here/node_modules; run ci/setup" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

mkdir -p house-rules/it
cat >house-rules/it/escapes.yaml <<'EOF'
rules:
  - id: it.house.escapes
    kind: substitution
    category: typography
    severity: info
    message: "'{match}': 100% \"wrong\", <&> here;\nwrite '{suggestion}'"
    description: A house rule whose message needs every escape the reports have.
    options:
      swap:
        "Funzionari": "Funzionàri, sì: 50%"
EOF
cat >.translint.yaml <<'EOF'
rule_paths: [house-rules]
EOF

cp "$repo/examples/article.it.txt" article.it.txt
odd='città, prova: 100% «sì».it.txt'
cp "$repo/examples/article.it.txt" "$odd"

for format in json sarif junit checkstyle github; do
  status=0
  case "$format" in
  junit | checkstyle) out="report.$format.xml" ;;
  github) out="report.$format.txt" ;;
  *) out="report.$format" ;;
  esac
  # Exit status 1 only says that there are findings.
  "$translint" check --lang it --format "$format" article.it.txt "$odd" - "$work/article.it.txt" \
    <"$repo/examples/article.it.txt" >"$out" || status=$?
  if ((status > 1)); then
    echo "machine-formats: translint check --format $format failed with status $status" >&2
    exit 1
  fi
  if [ ! -s "$out" ]; then
    echo "machine-formats: translint check --format $format wrote nothing" >&2
    exit 1
  fi
done

node "$here/check-machine-formats.mjs" "$work"
