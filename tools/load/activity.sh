#!/bin/sh
# Prints the time structure of a mempred trace (plain or gzip): per window of SECONDS (default 5),
# the events in it and the live bytes at its end (requests rounded up to 16-byte granules, as the
# heap counts them), then the smallest and largest of each over the whole windows after the first
# (the first holds the program's start-up: imports, tables, caches filled before any load).
#
#   tools/load/activity.sh TRACE [SECONDS]
set -eu
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: activity.sh TRACE [SECONDS]" >&2; exit 2; }
window="${2:-5}"
case "$window" in
  ''|*[!0-9]*|0) echo "activity.sh: SECONDS='$window' is not a positive whole number" >&2; exit 2 ;;
esac
[ -r "$1" ] || { echo "activity.sh: cannot read TRACE='$1'" >&2; exit 1; }
gzip -cdf "$1" | awk -v w="${window}000000000" '
  function close_window() {
    printf "%8.0f s %10d events %12d live bytes\n", (cur + 1) * w / 1e9, n, live
    if (full == 1 || (full > 1 && n < minn)) minn = n; if (full > 0 && n > maxn) maxn = n
    if (full == 1 || (full > 1 && live < minl)) minl = live; if (full > 0 && live > maxl) maxl = live
    full++
  }
  /^#/ { next }
  {
    b = int($1 / w)
    while (b > cur) { close_window(); n = 0; cur++ }
    n++
    if ($2 == "a") { s = int(($4 + 15) / 16) * 16; size[$3] = s; live += s }
    else if ($3 in size) { live -= size[$3]; delete size[$3] }
  }
  END {
    if (n > 0) printf "%8s   %10d events %12d live bytes (last, partial window)\n", "end", n, live
    if (full < 2) printf "whole %d s windows: %d; none after the first\n", w / 1e9, full
    else printf "whole %d s windows: %d; after the first: events per window %d..%d; live bytes at their ends %d..%d\n", w / 1e9, full, minn, maxn, minl, maxl
  }'
