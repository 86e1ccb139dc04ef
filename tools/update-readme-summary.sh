#!/usr/bin/env bash
# Copies the section-1 "Against the baselines" table of docs/reproduce/report.md (a full `mempred reproduce` run)
# into README.md between its summary markers, so the README shows generated figures only.
# A test (ReadmeSummaryTest) fails when the two differ.
set -euo pipefail
cd "$(dirname "$0")/.."
report=docs/reproduce/report.md
table=$(awk '/^\*\*Against the baselines/{found=1; next} found && /^\|/{print; intable=1; next} intable{exit}' "$report")
[ -n "$table" ] || { echo "no section-1 'Against the baselines' table in $report" >&2; exit 1; }
awk -v table="$table" '
  /<!-- summary:start -->/ {print; print table; skip=1; next}
  /<!-- summary:end -->/ {skip=0}
  !skip {print}' README.md > README.md.tmp
mv README.md.tmp README.md
echo "README.md: summary table refreshed from $report"
