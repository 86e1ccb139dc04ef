"""Load generator: a PostgreSQL 15 server (Debian's postgresql-15) with one client session doing
batch ingest, analytic queries, updates and retention purges in waves, captured by
`mempred capture --all-processes` as traces/postgres-oltp-long-sites.trace.gz: the trace of the
backend process that serves the load's session (its pid from pg_backend_pid()).

A fresh cluster is made with initdb in a temporary folder (trust authentication, fsync off,
listening on 127.0.0.1 only), owned by the `postgres` user: the server refuses to run as root,
so capture runs as that user. One psql session reads SQL on its stdin, one batch per request:

    ingest  (60 %)  INSERT of 20-300 rows (sensor, value, tag, a payload of 16-600 B)
    query   (25 %)  GROUP BY over the last 20 s, or a tag search ORDER BY value (sorts in work_mem)
    update  (10 %)  UPDATE of a random sensor's recent rows
    report   (5 %)  GROUP BY with string_agg and ORDER BY over the whole table
    purge           every 15 s of the clock: DELETE rows older than 45 s, then VACUUM

The server is stopped with a fast shutdown (pg_ctl stop -m fast), so every process exits normally
and its trace is complete.
Usage: python3 tools/load/postgres_oltp.py [--seed N] [--seconds S] [--peak RATE] [--cut S] [--out DIR]
"""

import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadlib  # noqa: E402

NAME = "postgres-oltp-long-sites"
BIN = Path("/usr/lib/postgresql/15/bin")
TAGS = ("cpu", "disk", "net", "mem", "temp", "fan", "psu", "io", "queue", "lat")
RETENTION_MS = 45_000
PURGE_EVERY_S = 15.0

SCHEMA = """CREATE TABLE readings(id bigserial PRIMARY KEY, ts bigint NOT NULL, sensor int NOT NULL,
  value double precision NOT NULL, tag text NOT NULL, payload text);
CREATE INDEX readings_ts ON readings(ts);
CREATE INDEX readings_sensor ON readings(sensor, ts);
"""


def as_postgres(*argv):
    subprocess.run(["runuser", "-u", "postgres", "--"] + [str(a) for a in argv], check=True,
                   stdout=subprocess.DEVNULL)


def main():
    args = loadlib.main_args(default_seed=24006, default_seconds=150, default_peak=12.0)
    phases = loadlib.schedule(args.seed, args.seconds, args.peak)
    loadlib.print_schedule(NAME, args.seed, phases)
    workdir = Path(tempfile.mkdtemp(prefix="mempred-pg-load-"))
    shutil.chown(workdir, "postgres", "postgres")
    data = workdir / "data"
    as_postgres(BIN / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
    port = loadlib.free_port()
    capture = loadlib.Capture(NAME, [str(BIN / "postgres"), "-D", str(data), "-p", str(port),
                                     "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + str(workdir),
                                     "-c", "fsync=off", "-c", "shared_buffers=32MB", "-c", "work_mem=8MB",
                                     "-c", "autovacuum=off", "-c", "logging_collector=off"],
                              args.out, all_processes=True, user="postgres")
    loadlib.wait_for_port(port)
    psql = subprocess.Popen(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres",
                             "-q", "-X", "-o", "/dev/null"], stdin=subprocess.PIPE, text=True)
    pid_file = workdir / "backend.pid"
    psql.stdin.write("\\o %s\n\\t on\n\\a\nSELECT pg_backend_pid();\n\\o /dev/null\n" % pid_file)
    psql.stdin.write(SCHEMA)
    psql.stdin.flush()
    start = time.monotonic()
    state = {"purged": start}
    lock = threading.Lock()

    def fire(i, rng):
        ts = int((time.monotonic() - start) * 1000)
        roll = rng.random()
        if roll < 0.60:
            rows = ",".join(
                "(%d,%d,%.3f,'%s','%s')" % (
                    ts + rng.randrange(1000), rng.randrange(400), rng.gauss(50, 15),
                    rng.choice(TAGS) + "-" + str(rng.randrange(50)), "p" * rng.randint(16, 600))
                for _ in range(rng.randint(20, 300)))
            sql = "INSERT INTO readings(ts, sensor, value, tag, payload) VALUES %s;\n" % rows
        elif roll < 0.85:
            if rng.random() < 0.5:
                sql = ("SELECT sensor, count(*), avg(value), max(value), sum(length(payload)) FROM readings"
                       " WHERE ts > %d GROUP BY sensor ORDER BY 3 DESC LIMIT 25;\n" % (ts - 20_000))
            else:
                sql = ("SELECT id, ts, value, tag FROM readings WHERE tag LIKE '%s%%' ORDER BY value DESC"
                       " LIMIT %d;\n" % (rng.choice(TAGS), rng.choice((10, 100, 1000))))
        elif roll < 0.95:
            sql = "UPDATE readings SET value = value * 1.01, tag = tag || '+' WHERE sensor = %d AND ts > %d;\n" % (
                rng.randrange(400), ts - 10_000)
        else:
            sql = ("SELECT tag, count(*), string_agg(sensor::text, ','), avg(value) FROM readings GROUP BY tag"
                   " ORDER BY 2 DESC;\n")
        with lock:
            if time.monotonic() - state["purged"] >= PURGE_EVERY_S:
                state["purged"] = time.monotonic()
                sql += "DELETE FROM readings WHERE ts < %d; VACUUM readings;\n" % (ts - RETENTION_MS)
            psql.stdin.write(sql)
            psql.stdin.flush()

    sent, skipped, failed = loadlib.drive(phases, args.seed, fire, workers=1)
    print("%s: %d batches sent, %d skipped (backlog full), %d failed" % (NAME, sent, skipped, failed), flush=True)
    psql.stdin.close()
    psql.wait(timeout=300)
    backend = int(pid_file.read_text().strip())
    as_postgres(BIN / "pg_ctl", "stop", "-D", data, "-m", "fast", "-w")
    capture.wait(args.cut, pid=backend)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
