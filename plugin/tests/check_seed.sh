#!/bin/sh
# Writes the command line's JSON report of the sample article, then has check_seed compare the C
# interface's report with it. Both run from the source directory with the same relative path,
# because the report names the file as it was given.
# usage: check_seed.sh TRANSLINT CHECK_SEED SOURCE_DIR WORK_DIR
set -eu
translint=$1 check_seed=$2 source_dir=$3 work=$4
mkdir -p "$work"
cd "$source_dir"
status=0
"$translint" check --format json --quiet examples/article.it.txt >"$work/article.json" || status=$?
# 1: the article has findings, as it should.
if [ "$status" -ne 1 ]; then
  echo "translint check exited $status, expected 1" >&2
  exit 1
fi
exec "$check_seed" examples/article.it.txt "$work/article.json"
