#!/bin/sh
# Keeps the first SECONDS of a mempred trace (plain or gzip): the header, comments and every event
# with t < SECONDS; writes OUT gzip-compressed. Events are in time order, so the kept events are a
# prefix and every free in it is of an id allocated in it; blocks still live at the cut stay live.
#
#   tools/load/cut-trace.sh IN SECONDS OUT          e.g. cut-trace.sh big.trace.gz 60 cut.trace.gz
set -eu
[ $# -eq 3 ] || { echo "usage: cut-trace.sh IN SECONDS OUT" >&2; exit 2; }
in="$1"
seconds="$2"
out="$3"
case "$seconds" in
  ''|*[!0-9]*) echo "cut-trace.sh: SECONDS='$seconds' is not a whole number of seconds" >&2; exit 2 ;;
esac
[ -r "$in" ] || { echo "cut-trace.sh: cannot read IN='$in'" >&2; exit 1; }
limit="${seconds}000000000"
tmp="$out.tmp.$$"
# gzip -cdf passes plain text through unchanged; awk stops reading at the first event past the cut.
gzip -cdf "$in" | awk -v limit="$limit" '
  /^#/ { print; next }
  { if ($1 + 0 >= limit + 0) exit; print }' | gzip -9 > "$tmp"
mv -f "$tmp" "$out"
