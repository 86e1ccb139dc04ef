"""Load generator: a metrics store in SQLite (the sqlite3 shell, 3.40.1 on Debian 12) with batch
ingest in waves, dashboard queries and retention purges, captured by `mempred capture` as
traces/sqlite-ingest-long-sites.trace.gz.

The shell reads SQL on its stdin, which this script writes over the run, one batch at a time:

    ingest (70 %)  BEGIN; INSERT of 20-300 readings (sensor, value, tag, payload of 16-600 B); COMMIT
    query  (25 %)  per-sensor aggregates over the last 20 s, or a tag search ordered by value
    report  (5 %)  GROUP BY with group_concat and ORDER BY over the whole window (a large sort)
    purge          every 15 s of the clock: DELETE readings older than 45 s, then PRAGMA incremental_vacuum

The database is a file in a fresh temporary directory (page cache of up to 32 MB, WAL journal,
incremental auto-vacuum), deleted afterwards. Writes come from one client (the shell runs one
statement at a time). Batch i draws its rows from its own seeded Random; timestamps are the
milliseconds since the start of the load.
The full capture (about 1.8 M events, 12 MB gzip) is larger than a shipped file should be: by
default OUT/sqlite-ingest-long-sites.trace.gz keeps its first 120 s (--cut 0 keeps it whole) and
the full capture is left in OUT/full/.
Usage: python3 tools/load/sqlite_ingest.py [--seed N] [--seconds S] [--peak RATE] [--cut S] [--out DIR]
"""

import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadlib  # noqa: E402

NAME = "sqlite-ingest-long-sites"
TAGS = ("cpu", "disk", "net", "mem", "temp", "fan", "psu", "io", "queue", "lat")
RETENTION_MS = 45_000
PURGE_EVERY_S = 15.0

SCHEMA = """.output /dev/null
PRAGMA auto_vacuum = INCREMENTAL;
PRAGMA journal_mode = WAL;
PRAGMA cache_size = -32000;
CREATE TABLE readings(id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, sensor INTEGER NOT NULL,
  value REAL NOT NULL, tag TEXT NOT NULL, payload BLOB);
CREATE INDEX readings_ts ON readings(ts);
CREATE INDEX readings_sensor ON readings(sensor, ts);
"""


def main():
    args = loadlib.main_args(default_seed=24002, default_seconds=150, default_peak=6.0, default_cut=120)
    phases = loadlib.schedule(args.seed, args.seconds, args.peak)
    loadlib.print_schedule(NAME, args.seed, phases)
    workdir = Path(tempfile.mkdtemp(prefix="mempred-sqlite-load-"))
    capture = loadlib.Capture(NAME, ["sqlite3", str(workdir / "metrics.db")], args.out, stdin=True)
    capture.wait_for_program()
    pipe = capture.stdin
    pipe.write(SCHEMA)
    pipe.flush()
    start = time.monotonic()
    state = {"purged": start}
    lock = threading.Lock()

    def now_ms():
        return int((time.monotonic() - start) * 1000)

    def fire(i, rng):
        ts = now_ms()
        roll = rng.random()
        if roll < 0.70:
            rows = ",".join(
                "(%d,%d,%.3f,'%s',randomblob(%d))" % (
                    ts + rng.randrange(1000), rng.randrange(400), rng.gauss(50, 15),
                    rng.choice(TAGS) + "-" + str(rng.randrange(50)), rng.randint(16, 600))
                for _ in range(rng.randint(20, 300)))
            sql = "BEGIN; INSERT INTO readings(ts, sensor, value, tag, payload) VALUES %s; COMMIT;\n" % rows
        elif roll < 0.95:
            if rng.random() < 0.5:
                sql = ("SELECT sensor, count(*), avg(value), max(value), sum(length(payload)) FROM readings"
                       " WHERE ts > %d GROUP BY sensor ORDER BY 3 DESC LIMIT 25;\n" % (ts - 20_000))
            else:
                sql = ("SELECT id, ts, value, tag FROM readings WHERE tag LIKE '%s%%' ORDER BY value DESC"
                       " LIMIT %d;\n" % (rng.choice(TAGS), rng.choice((10, 100, 1000))))
        else:
            sql = ("SELECT tag, count(*), group_concat(sensor), avg(value) FROM readings GROUP BY tag"
                   " ORDER BY 2 DESC;\n")
        with lock:
            if time.monotonic() - state["purged"] >= PURGE_EVERY_S:
                state["purged"] = time.monotonic()
                sql += "DELETE FROM readings WHERE ts < %d; PRAGMA incremental_vacuum;\n" % (ts - RETENTION_MS)
            pipe.write(sql)
            pipe.flush()

    sent, skipped, failed = loadlib.drive(phases, args.seed, fire, workers=1)
    print("%s: %d batches sent, %d skipped (backlog full), %d failed" % (NAME, sent, skipped, failed), flush=True)
    pipe.write(".quit\n")
    pipe.flush()
    capture.wait(args.cut)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
