#!/usr/bin/env bash
# Copies two tables of docs/reproduce/report.md (a full `mempred reproduce` run) into README.md
# between its markers, so the README shows generated figures only: the summary's "Where does
# prediction pay?" table (pays markers) and section 1's "Against the baselines" table (summary
# markers). A test (ReadmeSummaryTest) fails when the README and the report differ.
set -euo pipefail
cd "$(dirname "$0")/.."
report=docs/reproduce/report.md

# copy MARKER TITLE: the first table after the bold line starting with TITLE goes between the markers
copy() {
  local marker=$1 title=$2 table
  table=$(awk -v title="**$title" 'index($0, title) == 1 {found=1; next} found && /^\|/ {print; intable=1; next} intable {exit}' "$report")
  [ -n "$table" ] || { echo "no table '$title' in $report" >&2; exit 1; }
  awk -v table="$table" -v start="<!-- $marker:start -->" -v end="<!-- $marker:end -->" '
    $0 == start {print; print table; skip=1; next}
    $0 == end {skip=0}
    !skip {print}' README.md > README.md.tmp
  mv README.md.tmp README.md
}

copy pays "Where does prediction pay?"
copy summary "Against the baselines"
echo "README.md: tables refreshed from $report"
