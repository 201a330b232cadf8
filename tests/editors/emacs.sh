#!/usr/bin/env bash
# Emacs with Eglot and plugin/emacs/translint.el runs `translint lsp` on an Italian article,
# shows "Ilon" through Flymake over exactly that word, fixes it with Eglot's code action, and
# disables a rule through the server's command (tests/editors/emacs-roundtrip.el).
# Usage: tests/editors/emacs.sh path/to/translint
set -euo pipefail

translint=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
command -v emacs >/dev/null ||
  { echo "FAIL: no emacs on PATH (ci/setup installs emacs-nox and elpa-eglot)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Non-ASCII text (à, «) before "Ilon" on its line: the server's UTF-16 columns are not bytes.
cp "$here/articolo.it.txt" "$work/articolo.it.txt"

export HOME="$work" ARTICLE="$work/articolo.it.txt"
cd "$work"
# --batch without -Q: Debian's site-start puts the elpa-eglot package on the load path.
status=0
limit=$((100 * ${TRANSLINT_TEST_TIMEOUT_SCALE:-1}))
timeout "$limit" emacs --batch --eval "(setq create-lockfiles nil make-backup-files nil)" \
  -l "$repo/plugin/emacs/translint.el" \
  --eval "(setq translint-command '(\"$translint\" \"lsp\"))" \
  -l "$here/emacs-roundtrip.el" </dev/null || status=$?
if [ "$status" -ne 0 ]; then
  [ "$status" -eq 124 ] && echo "FAIL: Emacs did not finish in $limit s" >&2
  exit 1
fi
echo "emacs: ok"
