#!/usr/bin/env bash
# Opens the HTML report of the real binary in headless Chromium and reads it through the DOM
# (html-report.mjs), against the JSON report of the same files: the sample article, a short
# article that names "Ilon Musk" and quotes markup (<, >, &, quotes), and the clean summary.
# Leaves a full-page screenshot in ARTIFACTS-DIRECTORY for a person to look at.
# Usage: html-report.sh PATH/TO/translint ARTIFACTS-DIRECTORY
set -euo pipefail

if (($# != 2)); then
  echo "usage: $0 PATH/TO/translint ARTIFACTS-DIRECTORY" >&2
  exit 2
fi
translint="$(realpath "$1")"
mkdir -p "$2"
artifacts="$(realpath "$2")"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
chromium=/usr/bin/chromium

if ! command -v node >/dev/null; then
  echo "html-report: node is missing; ci/setup installs it" >&2
  exit 1
fi
if [ ! -x "$chromium" ]; then
  echo "html-report: $chromium is missing; ci/setup installs Debian's chromium" >&2
  exit 1
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "html-report: playwright-core is not installed in $here/node_modules; run ci/setup" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# The files keep short relative names, as an editor would pass them.
mkdir examples newsroom
cp "$repo/examples/article.it.txt" "$repo/examples/summary.it.txt" examples/
cat >newsroom/musk.it.txt <<'EOF'
Ilon Musk visita la fabbrica di Berlino

Il fondatore di Tesla ha detto ai giornalisti che "la fabbrica <Giga Berlin> & il suo indotto" daranno lavoro a 12.000 persone entro il 2026.
EOF
files=(examples/article.it.txt newsroom/musk.it.txt examples/summary.it.txt)

# Exit status 1: the sample article has errors, which is what the report is for.
run() {
  local status=0
  "$translint" check "${files[@]}" "$@" 2>"$work/stderr" || status=$?
  if ((status != 1)); then
    echo "html-report: translint $* exited with $status, not 1" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
}
run --format json --output report.json
run --format html --output report.html

node "$here/html-report.mjs" \
  --report "$work/report.html" --json "$work/report.json" --chromium "$chromium" \
  --screenshot "$artifacts/html-report.png"
