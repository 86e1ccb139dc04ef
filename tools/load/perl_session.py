"""Load generator: a long-running perl session (perl_session.pl: Debian's perl 5.36, system
malloc) aggregating a log stream in phases, captured by `mempred capture` as
traces/perl-session-long-sites.trace.gz.

Each request writes a batch of 5-80 log lines (service, user, path, latency, bytes and a message
of 3-25 words drawn from a vocabulary that drifts with the request index, so the word index
keeps growing); by the clock, `#report` every 3 s, `#rotate` every 10 s, `#reindex` every 25 s.
Usage: python3 tools/load/perl_session.py [--seed N] [--seconds S] [--peak RATE] [--cut S] [--out DIR]
"""

import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadlib  # noqa: E402

NAME = "perl-session-long-sites"
SERVICES = ("auth", "cart", "search", "media", "billing", "feed")
LEVELS = ("INFO",) * 8 + ("WARN", "ERROR")
COMMANDS = (("#report", 3.0), ("#rotate", 10.0), ("#reindex", 25.0))


def main():
    args = loadlib.main_args(default_seed=24005, default_seconds=150, default_peak=8.0)
    phases = loadlib.schedule(args.seed, args.seconds, args.peak)
    loadlib.print_schedule(NAME, args.seed, phases)
    script = str(Path(__file__).resolve().parent / "perl_session.pl")
    capture = loadlib.Capture(NAME, ["perl", script], args.out, stdin=True)
    capture.wait_for_program()
    start = time.monotonic()
    lock = threading.Lock()
    last = {command: start for command, _ in COMMANDS}

    def fire(i, rng):
        now = time.monotonic()
        ms = int((now - start) * 1000)
        lines = []
        for _ in range(rng.randint(5, 80)):
            words = " ".join("w%d" % int(rng.paretovariate(1.2) * (1 + i // 50)) for _ in range(rng.randint(3, 25)))
            lines.append('%d %s service=%s user=u%d path=/%s/%d latency=%d bytes=%d msg="%s"\n' % (
                ms, rng.choice(LEVELS), rng.choice(SERVICES), rng.randrange(5000), rng.choice(SERVICES),
                rng.randrange(40), int(rng.lognormvariate(3, 1)), rng.randrange(100, 200_000), words))
        with lock:
            for command, every in COMMANDS:
                if now - last[command] >= every:
                    last[command] = now
                    lines.append(command + "\n")
            capture.stdin.write("".join(lines))
            capture.stdin.flush()

    sent, skipped, failed = loadlib.drive(phases, args.seed, fire, workers=1)
    print("%s: %d batches sent, %d skipped (backlog full), %d failed" % (NAME, sent, skipped, failed), flush=True)
    capture.wait(args.cut)


if __name__ == "__main__":
    main()
