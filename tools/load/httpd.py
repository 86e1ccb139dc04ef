"""Load generator: the shop API of httpd_app.py (CPython 3, ThreadingHTTPServer, PYTHONMALLOC=malloc)
under bursty clients, captured by `mempred capture` as traces/python-httpd-long-sites.trace.gz.

Each request is, by its own seeded draw: a search (35 %), a session page (25 %), a cart post of
1-12 items (15 %) or an upload of 16-512 KB (25 %, log-uniform), for one of a pool of users that grows with the request count, so bursts bring
new sessions and quiet gaps let them expire. Clients: 6 threads, plain http.client to 127.0.0.1.
Usage: python3 tools/load/httpd.py [--seed N] [--seconds S] [--peak RATE] [--cut S] [--out DIR]
"""

import http.client
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadlib  # noqa: E402

NAME = "python-httpd-long-sites"


def main():
    args = loadlib.main_args(default_seed=24001, default_seconds=150, default_peak=7.0)
    phases = loadlib.schedule(args.seed, args.seconds, args.peak)
    loadlib.print_schedule(NAME, args.seed, phases)
    port = loadlib.free_port()
    app = str(Path(__file__).resolve().parent / "httpd_app.py")
    capture = loadlib.Capture(NAME, ["/usr/bin/python3", app, str(port)], args.out,
                              env={"PYTHONMALLOC": "malloc"})
    loadlib.wait_for_port(port)

    def request(method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            headers = {"Content-Type": "application/json"} if body is not None else {}
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
        finally:
            conn.close()

    def fire(i, rng):
        user = "u%d" % rng.randrange(10 + i // 15)
        roll = rng.random()
        if roll < 0.35:
            request("GET", "/search?q=%s&n=%d" % (rng.choice(loadlib_words), rng.choice((5, 10, 20, 50))))
        elif roll < 0.60:
            request("GET", "/page?user=%s&ref=%d" % (user, rng.randrange(10 ** 6)))
        elif roll < 0.75:
            items = [{"id": rng.randrange(3000), "note": "x" * rng.randrange(0, 400)}
                     for _ in range(rng.randint(1, 12))]
            request("POST", "/cart?user=%s" % user, json.dumps(items))
        else:
            request("POST", "/upload?user=%s" % user, rng.randbytes(int(16384 * 32 ** rng.random())))

    sent, skipped, failed = loadlib.drive(phases, args.seed, fire, workers=6)
    print("%s: %d requests sent, %d skipped (backlog full), %d failed" % (NAME, sent, skipped, failed), flush=True)
    time.sleep(1.0)
    request("POST", "/shutdown", "{}")
    capture.wait(args.cut)


loadlib_words = ("red blue green steel oak linen wool glass paper stone brass silk copper velvet "
                 "chair lamp table shelf desk rug mirror vase clock bench stool cabinet").split()

if __name__ == "__main__":
    main()
