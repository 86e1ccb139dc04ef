"""A small shop API on the standard library's ThreadingHTTPServer: the program tools/load/httpd.py
captures (run with PYTHONMALLOC=malloc so CPython's objects reach malloc).

    GET  /search?q=WORD&n=N    filters and sorts a catalogue of products, returns N as JSON
    GET  /page?user=U          renders the user's session (cart, history) as HTML
    POST /cart?user=U          JSON body of items appended to the user's session (created on first use)
    POST /upload?user=U        a body of bytes, queued for processing (zlib) by a background thread
    POST /shutdown             stops serving; the process then exits normally

A session keeps its cart (up to 200 products) and its last PAGES_KEPT rendered pages. Sessions
idle for more than SESSION_TTL_S are dropped by a sweeper every second, so the live
heap follows the load with a lag: bursts of users grow it, quiet gaps let it shrink. An upload waits
UPLOAD_DELAY_S in the processing queue, is compressed, and its compressed form is kept for
UPLOAD_KEEP_S, so the bytes held follow the upload rate of the last seconds. A response
cache keeps the last CACHE_ENTRIES search results (a dict in insertion order, oldest evicted).
Usage: python3 httpd_app.py PORT
"""

import html
import json
import random
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SESSION_TTL_S = 5.0
PAGES_KEPT = 30
UPLOAD_DELAY_S = 1.0
UPLOAD_KEEP_S = 3.0
CACHE_ENTRIES = 200
WORDS = ("red blue green steel oak linen wool glass paper stone brass silk copper velvet "
         "chair lamp table shelf desk rug mirror vase clock bench stool cabinet").split()

catalogue_rng = random.Random(2024)
CATALOGUE = [
    {
        "id": i,
        "name": " ".join(catalogue_rng.choice(WORDS) for _ in range(catalogue_rng.randint(2, 4))),
        "price": round(catalogue_rng.uniform(3, 900), 2),
        "stock": catalogue_rng.randint(0, 500),
        "tags": catalogue_rng.sample(WORDS, catalogue_rng.randint(1, 5)),
    }
    for i in range(3000)
]

sessions = {}
sessions_lock = threading.Lock()
cache = {}
cache_lock = threading.Lock()
uploads = []  # (time received, user, body), oldest first
processed = []  # (time processed, user, compressed body), oldest first
uploads_lock = threading.Lock()


def process_uploads(stop):
    while not stop.wait(0.25):
        now = time.monotonic()
        with uploads_lock:
            ready = [u for u in uploads if now - u[0] >= UPLOAD_DELAY_S]
            del uploads[:len(ready)]
        for _, user, body in ready:
            packed = zlib.compress(body, 1)
            with uploads_lock:
                processed.append((time.monotonic(), user, packed))
        with uploads_lock:
            while processed and now - processed[0][0] > UPLOAD_KEEP_S:
                del processed[0]


def sweep_sessions(stop):
    while not stop.wait(1.0):
        now = time.monotonic()
        with sessions_lock:
            for user in [u for u, s in sessions.items() if now - s["seen"] > SESSION_TTL_S]:
                del sessions[user]


def session(user):
    with sessions_lock:
        s = sessions.get(user)
        if s is None:
            s = sessions[user] = {"cart": [], "history": [], "seen": 0.0}
        s["seen"] = time.monotonic()
        return s


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, format, *args):
        pass

    def reply(self, status, body, kind="application/json"):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        if url.path == "/search":
            word = query.get("q", [""])[0]
            n = int(query.get("n", ["20"])[0])
            key = (word, n)
            with cache_lock:
                body = cache.get(key)
            if body is None:
                hits = [p for p in CATALOGUE if word in p["name"] or word in p["tags"]]
                hits.sort(key=lambda p: (-p["stock"], p["price"]))
                body = json.dumps({"q": word, "total": len(hits), "items": hits[:n]})
                with cache_lock:
                    cache[key] = body
                    while len(cache) > CACHE_ENTRIES:
                        del cache[next(iter(cache))]
            self.reply(200, body)
        elif url.path == "/page":
            s = session(query.get("user", ["anon"])[0])
            rows = "".join(
                "<tr><td>%d</td><td>%s</td><td>%.2f</td></tr>" % (item["id"], html.escape(item["name"]), item["price"])
                for item in s["cart"])
            page = "<html><body><table>%s</table><p>%d visits</p></body></html>" % (rows, len(s["history"]) + 1)
            s["history"].append((url.query, page))
            del s["history"][:-PAGES_KEPT]
            self.reply(200, page, "text/html")
        else:
            self.reply(404, json.dumps({"error": "no such path", "path": url.path}))

    def do_POST(self):
        url = urlparse(self.path)
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length) if length else b""
        if url.path == "/cart":
            s = session(parse_qs(url.query).get("user", ["anon"])[0])
            for wanted in json.loads(body or b"[]"):
                product = dict(CATALOGUE[wanted["id"] % len(CATALOGUE)])
                product["note"] = wanted.get("note", "")
                s["cart"].append(product)
            del s["cart"][:-200]
            self.reply(200, json.dumps({"cart": len(s["cart"])}))
        elif url.path == "/upload":
            with uploads_lock:
                uploads.append((time.monotonic(), parse_qs(url.query).get("user", ["anon"])[0], body))
            self.reply(200, json.dumps({"queued": len(body)}))
        elif url.path == "/shutdown":
            self.reply(200, "{}")
            threading.Thread(target=self.server.shutdown).start()
        else:
            self.reply(404, "{}")


def main():
    port = int(sys.argv[1])
    stop = threading.Event()
    threading.Thread(target=sweep_sessions, args=(stop,), daemon=True).start()
    threading.Thread(target=process_uploads, args=(stop,), daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.serve_forever(poll_interval=0.2)
    stop.set()
    server.server_close()
    print("httpd_app: served until shutdown; %d sessions left" % len(sessions), flush=True)


if __name__ == "__main__":
    main()
