#!/bin/sh
# Builds libmempred-alloctrace.so (the LD_PRELOAD allocation tracer) with the system C compiler.
#
#   tools/alloctrace/build.sh [OUT_DIR]     default OUT_DIR: tools/alloctrace/build
#
# Prints the path of the library on its last line and exits 0. Where no C compiler exists it
# prints "alloctrace: SKIPPED: ..." and still exits 0 (nothing to build is not a failure of the
# build; callers check that the library exists). Exits 1 when a compiler exists but fails.
# CC overrides the compiler (default: cc, then gcc, then clang).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
out_dir="${1:-$here/build}"
compiler="${CC:-}"
if [ -z "$compiler" ]; then
  for candidate in cc gcc clang; do
    if command -v "$candidate" >/dev/null 2>&1; then
      compiler="$candidate"
      break
    fi
  done
fi
if [ -z "$compiler" ] || ! command -v "$compiler" >/dev/null 2>&1; then
  echo "alloctrace: SKIPPED: no C compiler found (looked for \$CC, cc, gcc, clang); install one (e.g. apt-get install gcc) to capture traces" >&2
  exit 0
fi
mkdir -p "$out_dir"
lib="$out_dir/libmempred-alloctrace.so"
tmp="$lib.tmp.$$"
"$compiler" -std=gnu11 -O2 -g0 -fPIC -shared -fvisibility=hidden -ftls-model=initial-exec \
  -Wall -Wextra -o "$tmp" "$here/alloctrace.c" -ldl -pthread
mv -f "$tmp" "$lib"
echo "$lib"
