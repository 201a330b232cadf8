#!/bin/sh
# Installs the build into a scratch prefix, then builds a C program against it twice, with
# pkg-config and with CMake's find_package, and runs both.
# usage: install.sh BUILD_DIR WORK_DIR LIBDIR
set -eu
build=$1 work=$2 libdir=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log"

for file in include/translint.h "$libdir/libtranslint.so" "$libdir/libtranslint.so.0" \
  "$libdir/pkgconfig/translint.pc" "$libdir/cmake/translint/translintConfig.cmake" \
  "$libdir/cmake/translint/translintConfigVersion.cmake"; do
  [ -e "$prefix/$file" ] || { echo "not installed: $file" >&2; exit 1; }
done
soname=$(objdump -p "$prefix/$libdir/libtranslint.so" | awk '$1 == "SONAME" {print $2}')
[ "$soname" = libtranslint.so.0 ] || { echo "SONAME is '$soname'" >&2; exit 1; }

# pkg-config, from the .pc file's own place in the prefix.
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
version=$(pkg-config --modversion translint)
echo "pkg-config: translint $version: $(pkg-config --cflags --libs translint)"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror -o "$work/hello-pkg-config" "$here/consumer/hello.c" \
  $(pkg-config --cflags --libs translint)
LD_LIBRARY_PATH="$prefix/$libdir" "$work/hello-pkg-config" >"$work/hello-pkg-config.json"
grep -q '"rule": "it.names.garbled"' "$work/hello-pkg-config.json"

# CMake's find_package and the imported target translint::translint.
cmake -S "$here/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" >"$work/consumer.log"
cmake --build "$work/consumer" >>"$work/consumer.log"
"$work/consumer/hello" >"$work/hello-cmake.json"
cmp "$work/hello-pkg-config.json" "$work/hello-cmake.json"
tail -n 1 "$work/hello-cmake.json"
