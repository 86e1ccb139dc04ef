"""Shared pieces of the load generators in tools/load: a seeded schedule of load phases, an
open-loop driver that follows it, and the capture of the program under load.

    schedule(seed, seconds, peak)  -->  [Phase(kind, start_s, seconds, rate_from, rate_to)]
    drive(phases, fire, workers)   -->  calls fire(i, rng_i) at the phases' rates (Poisson arrivals)
    Capture(name, argv).wait()     -->  OUT_DIR/NAME.trace.gz, captured by `mempred capture`

Time structure is the point of these traces: a forecaster with a 5 s horizon must see load that
rises, falls and pauses. A schedule is a sequence of phases drawn from the seed:

    burst   2-8 s    at 0.7-1.0 x peak
    steady  6-15 s   at 0.2-0.5 x peak
    ramp    8-16 s   linear from 0.05 to 0.9 x peak (or down)
    quiet   2-7 s    at 0-0.03 x peak (a gap of seconds with almost no requests)

Request i draws its content from its own Random(seed * 1_000_003 + i), so what is asked does
not depend on thread timing; when requests are sent depends only on the seed and the clock.
Only 127.0.0.1 is ever contacted. The driver runs as a separate, untraced process.
"""

import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMPRED = ROOT / "mempred"

KINDS = (
    # kind, weight, seconds range, rate range as a share of peak
    ("burst", 3, (2.0, 8.0), (0.7, 1.0)),
    ("steady", 3, (6.0, 15.0), (0.2, 0.5)),
    ("ramp", 2, (8.0, 16.0), (0.05, 0.9)),
    ("quiet", 3, (2.0, 7.0), (0.0, 0.03)),
)


class Phase:
    def __init__(self, kind, start_s, seconds, rate_from, rate_to):
        self.kind = kind
        self.start_s = start_s
        self.seconds = seconds
        self.rate_from = rate_from
        self.rate_to = rate_to

    def rate_at(self, t_s):
        share = (t_s - self.start_s) / self.seconds if self.seconds > 0 else 0.0
        return self.rate_from + (self.rate_to - self.rate_from) * min(1.0, max(0.0, share))

    def __str__(self):
        return "%6.1f s  %-6s %5.1f s  %7.1f -> %7.1f /s" % (
            self.start_s, self.kind, self.seconds, self.rate_from, self.rate_to)


def schedule(seed, seconds, peak):
    """Phases covering [0, seconds), drawn from seed; no kind follows itself."""
    rng = random.Random(seed)
    phases = []
    t = 0.0
    last = None
    while t < seconds:
        kinds = [k for k in KINDS if k[0] != last]
        kind, _, (lo_s, hi_s), (lo_r, hi_r) = rng.choices(kinds, weights=[k[1] for k in kinds])[0]
        length = min(rng.uniform(lo_s, hi_s), seconds - t)
        if kind == "ramp":
            a, b = lo_r * peak, hi_r * peak
            if rng.random() < 0.5:
                a, b = b, a
        else:
            a = b = rng.uniform(lo_r, hi_r) * peak
        phases.append(Phase(kind, t, length, a, b))
        t += length
        last = kind
    return phases


def rate_at(phases, t_s):
    for phase in phases:
        if t_s < phase.start_s + phase.seconds:
            return phase.rate_at(t_s)
    return 0.0


def print_schedule(name, seed, phases):
    print("%s: seed %d, %d phases, %.0f s" % (name, seed, len(phases), sum(p.seconds for p in phases)),
          flush=True)
    for phase in phases:
        print("  " + str(phase), flush=True)


def drive(phases, seed, fire, workers, max_backlog=None):
    """Calls fire(i, rng) at the schedule's rate with Poisson arrivals on `workers` threads.

    A request that would find more than max_backlog requests waiting is skipped (counted), so an
    overloaded server sees a bounded queue instead of an ever longer one.
    Returns (sent, skipped, failed).
    """
    arrivals = random.Random(seed ^ 0x5EED)
    total = sum(p.seconds for p in phases)
    backlog = max_backlog if max_backlog is not None else workers * 4
    pending = threading.Semaphore(backlog)
    counts = {"sent": 0, "skipped": 0, "failed": 0}
    lock = threading.Lock()

    def run(i):
        try:
            fire(i, random.Random(seed * 1_000_003 + i))
        except Exception as e:  # a failed request is counted, the load goes on
            with lock:
                counts["failed"] += 1
                if counts["failed"] <= 5:
                    print("request %d failed: %r" % (i, e), file=sys.stderr, flush=True)
        finally:
            pending.release()

    start = time.monotonic()
    i = 0
    next_report = 10.0
    # Non-homogeneous Poisson arrivals by thinning: candidates at the highest rate, each kept
    # with probability rate(t) / highest, so a quiet phase cannot swallow the next burst.
    highest = max(max(p.rate_from, p.rate_to) for p in phases)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        t = 0.0
        while True:
            t += arrivals.expovariate(highest)
            if t >= total:
                break
            rate = rate_at(phases, t)
            if arrivals.random() * highest >= rate:
                continue
            delay = start + t - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            if t >= next_report:
                print("  t=%5.1f s  rate %6.1f /s  sent %d" % (t, rate, counts["sent"]), flush=True)
                next_report += 10.0
            if not pending.acquire(blocking=False):
                counts["skipped"] += 1
                continue
            counts["sent"] += 1
            pool.submit(run, i)
            i += 1
        remaining = start + total - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)
    return counts["sent"], counts["skipped"], counts["failed"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1.0):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("nothing listens on 127.0.0.1:%d after %.0f s" % (port, seconds))


class Capture:
    """`mempred capture --out STAGING -- argv` in the background; wait() renames its trace.

    The program's stdin is a pipe when stdin=True (self.stdin), else /dev/null. Its stdout and
    the capture's summary go to this process's stdout.
    """

    def __init__(self, name, argv, out_dir, env=None, stdin=False, all_processes=False, user=None):
        self.name = name
        self.argv = list(argv)
        self.out_dir = Path(out_dir)
        self.staging = self.out_dir / (".load-" + name)
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        command = [str(MEMPRED), "capture", "--out", str(self.staging)]
        if user is not None:
            # A program that refuses to run as root (PostgreSQL): capture runs as `user`, with a
            # library cache and a staging folder that user can write.
            self.staging.chmod(0o777)
            command = ["runuser", "-u", user, "--"] + command + ["--cache-dir", "/tmp/mempred-capture-cache-" + user]
        if all_processes:
            command.append("--all-processes")
        command += ["--"] + list(argv)
        full_env = dict(os.environ)
        full_env.update(env or {})
        print("capturing: " + " ".join(("%s=%s" % kv for kv in (env or {}).items())) + " "
              + " ".join(command), flush=True)
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=full_env,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, text=stdin)
        self.stdin = self.process.stdin

    def is_program(self, proc):
        try:
            first = (proc / "cmdline").read_bytes().split(b"\0", 1)[0].decode()
        except OSError:
            return False
        return first == self.argv[0]

    def wait_for_program(self, seconds=300.0):
        """Returns once `mempred capture` has started the program (the launcher may first build
        the jar), so that load sent to the program's stdin is not queued while nothing reads it."""
        deadline = time.monotonic() + seconds
        parent = str(self.process.pid)
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("mempred capture ended with status %d before the load" % self.process.returncode)
            for stat in Path("/proc").glob("[0-9]*/stat"):
                try:
                    fields = stat.read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if fields[1] == parent and self.is_program(stat.parent):
                    time.sleep(0.5)
                    return
            time.sleep(0.2)
        raise RuntimeError("mempred capture started no program within %.0f s" % seconds)

    def wait(self, cut_seconds=None, timeout=900, pid=None):
        """Waits for the capture; returns OUT_DIR/NAME.trace.gz: the largest trace, or process pid's.

        With cut_seconds the full capture goes to OUT_DIR/full/NAME.trace.gz (a folder no trace
        listing reads) and OUT_DIR/NAME.trace.gz keeps its first cut_seconds (cut-trace.sh).
        """
        if self.stdin is not None:
            try:
                self.stdin.close()
            except BrokenPipeError:
                pass
        status = self.process.wait(timeout=timeout)
        traces = sorted(self.staging.glob("mempred-*.trace.gz"), key=lambda p: p.stat().st_size, reverse=True)
        if pid is not None:
            # the trace of one process (a server's backend for the load's session), not the largest
            traces = [t for t in traces if t.name.endswith("-%d.trace.gz" % pid)]
        if not traces:
            raise RuntimeError("capture of %s wrote no trace (status %d)" % (self.name, status))
        target = self.out_dir / (self.name + ".trace.gz")
        if cut_seconds:
            full = self.out_dir / "full" / target.name
            full.parent.mkdir(exist_ok=True)
            traces[0].replace(full)
            subprocess.run([str(ROOT / "tools" / "load" / "cut-trace.sh"), str(full), "%d" % cut_seconds, str(target)],
                           check=True)
            print("%s: full capture %s, its first %d s in %s" % (self.name, full, cut_seconds, target), flush=True)
        else:
            traces[0].replace(target)
        shutil.rmtree(self.staging, ignore_errors=True)
        print("%s: capture exited with status %d; trace %s" % (self.name, status, target), flush=True)
        return target


def main_args(default_seed, default_seconds, default_peak, default_cut=0):
    """Command line of every load script: [--seed N] [--seconds S] [--peak RATE] [--cut S] [--out DIR]."""
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=default_seed,
                        help="seed of the schedule and of every request (default: %(default)s)")
    parser.add_argument("--seconds", type=float, default=default_seconds,
                        help="length of the load (default: %(default)s)")
    parser.add_argument("--peak", type=float, default=default_peak,
                        help="the highest request rate per second of the schedule (default: %(default)s)")
    parser.add_argument("--cut", type=int, default=default_cut,
                        help="ship only the first S seconds, the full capture in OUT/full (default: %(default)s, 0 = no cut)")
    parser.add_argument("--out", default=str(ROOT / "traces" / "long"),
                        help="where NAME.trace.gz is written (default: the repository's traces/long/)")
    return parser.parse_args()
