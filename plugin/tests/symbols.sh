#!/bin/sh
# The library exports exactly the functions that translint.h declares, all named translint_*,
# and names itself libtranslint.so.0.
# usage: symbols.sh LIBRARY HEADER
set -eu
library=$1 header=$2
exported=$(nm -D --defined-only "$library" | awk '{print $NF}' | sort)
stray=$(printf '%s\n' "$exported" | grep -v '^translint_' || true)
if [ -n "$stray" ]; then
  echo "exported symbols without the translint_ prefix:" >&2
  printf '%s\n' "$stray" >&2
  exit 1
fi
# Each declaration that begins with TRANSLINT_API, joined up to its semicolon.
declared=$(awk '/^TRANSLINT_API/ { decl = ""; open = 1 }
                open { decl = decl " " $0; if ($0 ~ /;/) { open = 0; print decl } }' "$header" |
  sed -n 's/^ TRANSLINT_API [^(]*[ *]\(translint_[a-z_]*\)(.*/\1/p' | sort)
if [ "$exported" != "$declared" ]; then
  echo "exported and declared functions differ (< exported, > declared):" >&2
  printf '%s\n' "$exported" >"${TMPDIR:-/tmp}/translint-exported.$$"
  printf '%s\n' "$declared" | diff "${TMPDIR:-/tmp}/translint-exported.$$" - >&2 || true
  rm -f "${TMPDIR:-/tmp}/translint-exported.$$"
  exit 1
fi
soname=$(objdump -p "$library" | awk '$1 == "SONAME" {print $2}')
[ "$soname" = libtranslint.so.0 ] || { echo "SONAME is '$soname'" >&2; exit 1; }
echo "$(printf '%s\n' "$exported" | wc -l) symbols, all declared in translint.h:"
printf '  %s\n' $exported
