"""Load generator: redis-server (7.0.15, Debian 12's package) as a cache with expiry waves,
captured by `mempred capture` as traces/redis-cache-long-sites.trace.gz.

Each request is one client call with its own seeded draw, pipelined on one of 4 connections:

    fill    (35 %)  SET of 5-40 keys with values of 16 B-8 KB and a TTL shared by the whole fill
                    (4, 8, 15 or 30 s): keys written in one burst expire together, a wave later
    read    (40 %)  MGET of 5-40 keys of recent fills (hits and misses)
    session (15 %)  HSET of a user's session hash (5-30 fields), EXPIRE 10 s
    feed    (10 %)  LPUSH of 1-20 entries to a feed list, LTRIM to 200, LRANGE of 50

redis-server runs with no persistence (--save "" --appendonly no) on a free 127.0.0.1 port and
is stopped with SHUTDOWN NOSAVE, so it exits normally and its trace is complete.
Usage: python3 tools/load/redis_cache.py [--seed N] [--seconds S] [--peak RATE] [--cut S] [--out DIR]
"""

import queue
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadlib  # noqa: E402

NAME = "redis-cache-long-sites"
CONNECTIONS = 4


def encode(*parts):
    out = [b"*%d\r\n" % len(parts)]
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(out)


class Connection:
    """A minimal RESP client: send pipelined commands, read back as many replies."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.buf = self.sock.makefile("rb")

    def call(self, commands):
        self.sock.sendall(b"".join(encode(*c) for c in commands))
        return [self.reply() for _ in commands]

    def reply(self):
        line = self.buf.readline()
        kind, rest = line[:1], line[1:-2]
        if kind in (b"+", b":"):
            return rest
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind == b"$":
            n = int(rest)
            return None if n < 0 else self.buf.read(n + 2)[:-2]
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self.reply() for _ in range(n)]
        raise RuntimeError("unexpected reply %r" % line)


def main():
    args = loadlib.main_args(default_seed=24003, default_seconds=150, default_peak=60.0)
    phases = loadlib.schedule(args.seed, args.seconds, args.peak)
    loadlib.print_schedule(NAME, args.seed, phases)
    port = loadlib.free_port()
    capture = loadlib.Capture(NAME, ["redis-server", "--port", str(port), "--bind", "127.0.0.1",
                                     "--save", "", "--appendonly", "no", "--daemonize", "no",
                                     "--loglevel", "warning"], args.out)
    loadlib.wait_for_port(port)
    pool = queue.Queue()
    for _ in range(CONNECTIONS):
        pool.put(Connection(port))

    def fire(i, rng):
        fill = i // 8
        if rng.random() < 0.35:
            ttl = rng.choice((4, 8, 15, 30))
            commands = [("SET", "k:%d:%d" % (fill, j), rng.randbytes(int(16 * 2 ** rng.uniform(0, 9))), "EX", ttl)
                        for j in range(rng.randint(5, 40))]
        else:
            roll = rng.random()
            if roll < 0.62:
                keys = ["k:%d:%d" % (max(0, fill - rng.randrange(60)), rng.randrange(40))
                        for _ in range(rng.randint(5, 40))]
                commands = [("MGET", *keys)]
            elif roll < 0.85:
                user = "s:%d" % rng.randrange(50 + i // 20)
                fields = []
                for f in range(rng.randint(5, 30)):
                    fields += ["f%d" % f, "v" * rng.randint(1, 200)]
                commands = [("HSET", user, *fields), ("EXPIRE", user, 10)]
            else:
                feed = "feed:%d" % rng.randrange(30)
                entries = ["e%d-%s" % (i, "x" * rng.randint(10, 300)) for _ in range(rng.randint(1, 20))]
                commands = [("LPUSH", feed, *entries), ("LTRIM", feed, 0, 199), ("LRANGE", feed, 0, 49)]
        conn = pool.get()
        try:
            conn.call(commands)
        finally:
            pool.put(conn)

    sent, skipped, failed = loadlib.drive(phases, args.seed, fire, workers=CONNECTIONS)
    print("%s: %d requests sent, %d skipped (backlog full), %d failed" % (NAME, sent, skipped, failed), flush=True)
    time.sleep(1.0)
    conn = pool.get()
    conn.sock.sendall(encode("SHUTDOWN", "NOSAVE"))
    capture.wait(args.cut)


if __name__ == "__main__":
    main()
