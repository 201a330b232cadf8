#!/usr/bin/env bash
# Neovim with plugin/nvim runs `translint lsp` on an Italian article, shows "Ilon" as a garbled
# name at the right columns, fixes it with :TranslintFix, and exercises hover, the rule switch,
# the word list and :TranslintRestart (tests/editors/neovim_roundtrip.lua).
# Usage: tests/editors/neovim.sh path/to/translint
set -euo pipefail

translint=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
command -v nvim >/dev/null || { echo "FAIL: no nvim on PATH (ci/setup installs neovim)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Non-ASCII text (à, «) before "Ilon" on its line: the server's UTF-16 columns are not bytes.
cp "$here/articolo.it.txt" "$work/articolo.it.txt"
printf 'language: it\nword_lists: [parole.txt]\n' > "$work/.translint.yaml"
: > "$work/parole.txt"

# Neovim's state, logs and swap files stay in the temporary directory.
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
       XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
export TRANSLINT="$translint" ARTICLE="$work/articolo.it.txt" WORD_LIST="$work/parole.txt"
cd "$work"
status=0
limit=$((100 * ${TRANSLINT_TEST_TIMEOUT_SCALE:-1}))
timeout "$limit" nvim --headless -u NONE -i NONE -n --cmd "set rtp+=$repo/plugin/nvim" \
  -c "luafile $here/neovim_roundtrip.lua" </dev/null || status=$?
if [ "$status" -ne 0 ]; then
  [ "$status" -eq 124 ] && echo "FAIL: Neovim did not finish in $limit s" >&2
  for log in "$work"/cache/nvim/lsp.log; do [ -f "$log" ] && tail -n 40 "$log" >&2; done
  exit 1
fi
echo "neovim: ok"
