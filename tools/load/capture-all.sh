#!/bin/sh
# Regenerates the long traces: runs a program under its load script and `mempred capture`, and
# writes traces/long/<trace name>.trace.gz (or --out DIR). Captures run in real time, one at a time.
#
#   tools/load/capture-all.sh NAME [--seed N] [--seconds S] [--peak RATE] [--cut S] [--out DIR]
#   tools/load/capture-all.sh all                 every trace, with the defaults of its script
#
# NAME          load script              trace
# httpd         httpd.py                 python-httpd-long-sites
# sqlite        sqlite_ingest.py         sqlite-ingest-long-sites
# redis         redis_cache.py           redis-cache-long-sites
# perl          perl_session.py          perl-session-long-sites
# workers       workers.py               python-workers-long-sites
# postgres      postgres_oltp.py         postgres-oltp-long-sites
#
# Needs /usr/bin/python3 (the load scripts use only the standard library) and the program
# itself (sqlite3, redis-server, postgresql-15: apt-get install sqlite3 redis-server postgresql-15;
# perl; python3); postgres runs as the `postgres` user the package creates, through runuser.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
python=/usr/bin/python3
[ -x "$python" ] || python=python3
script_of() {
  case "$1" in
    httpd) echo httpd.py ;;
    sqlite) echo sqlite_ingest.py ;;
    redis) echo redis_cache.py ;;
    perl) echo perl_session.py ;;
    workers) echo workers.py ;;
    postgres) echo postgres_oltp.py ;;
    *) echo "capture-all.sh: unknown trace '$1': expected httpd, sqlite, redis, perl, workers, postgres or all" >&2; exit 2 ;;
  esac
}
[ $# -ge 1 ] || { sed -n '2,18p' "$0" >&2; exit 2; }
name="$1"
shift
if [ "$name" = all ]; then
  for each in httpd sqlite redis perl workers postgres; do
    "$python" "$here/$(script_of "$each")" "$@"
  done
else
  script="$(script_of "$name")"
  exec "$python" "$here/$script" "$@"
fi
