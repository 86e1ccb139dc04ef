"""Load generator: a worker pool (workers_app.py: CPython 3, queue.Queue, 2 threads,
PYTHONMALLOC=malloc) draining a queue that fills in waves, captured by `mempred capture` as
traces/python-workers-long-sites.trace.gz.

Each request puts 1-4 jobs on the pool's stdin; each job's kind (compress 30 %, json 25 %,
tokenize 25 %, sort 20 %), seed and size (10-100) are drawn from the request's own seeded
Random. At the peak rate jobs arrive faster than the 2 workers finish them, so the queue grows
during bursts and drains in quiet gaps.
Usage: python3 tools/load/workers.py [--seed N] [--seconds S] [--peak RATE] [--cut S] [--out DIR]
"""

import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadlib  # noqa: E402

NAME = "python-workers-long-sites"
KINDS = ("compress", "json", "tokenize", "sort")
WEIGHTS = (30, 25, 25, 20)


def main():
    args = loadlib.main_args(default_seed=24004, default_seconds=150, default_peak=3.5)
    phases = loadlib.schedule(args.seed, args.seconds, args.peak)
    loadlib.print_schedule(NAME, args.seed, phases)
    app = str(Path(__file__).resolve().parent / "workers_app.py")
    capture = loadlib.Capture(NAME, ["/usr/bin/python3", app, "2"], args.out,
                              env={"PYTHONMALLOC": "malloc"}, stdin=True)
    capture.wait_for_program()
    lock = threading.Lock()

    def fire(i, rng):
        lines = "".join("%d %s %d %d\n" % (i * 10 + j, rng.choices(KINDS, WEIGHTS)[0], rng.randrange(2 ** 31),
                                           int(10 * 10 ** rng.random()))
                        for j in range(rng.randint(1, 4)))
        with lock:
            capture.stdin.write(lines)
            capture.stdin.flush()

    sent, skipped, failed = loadlib.drive(phases, args.seed, fire, workers=1)
    print("%s: %d requests sent, %d skipped (backlog full), %d failed" % (NAME, sent, skipped, failed), flush=True)
    capture.wait(args.cut)


if __name__ == "__main__":
    main()
