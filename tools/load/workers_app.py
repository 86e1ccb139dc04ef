"""A worker pool draining a job queue: the program tools/load/workers.py captures (CPython 3 with
PYTHONMALLOC=malloc, so its objects, and zlib's buffers through PyMem_RawMalloc, reach malloc).

The main thread reads one job a line from stdin, `<id> <kind> <seed> <size>`, and puts it on a
queue.Queue; WORKERS threads take jobs off it. Each job builds its input from its seed, works on
it, waits 150-350 ms as if on a remote call, and keeps a small result; the newest RESULTS_KEPT
results are kept (a dict in insertion order, oldest dropped). When jobs arrive faster than the
workers finish them the queue, and every queued job's input, grows; quiet gaps drain it.

    compress  text of <size> words: zlib.compress, zlib.decompress, compare
    json      <size> records: json.dumps, json.loads, an index of names
    tokenize  text of <size> words: re.findall, collections.Counter, the top 20
    sort      <size> tuples: sorted twice by different keys, grouped with itertools.groupby

End of stdin: the workers finish the queue and the process exits normally.
Usage: python3 workers_app.py WORKERS
"""

import collections
import itertools
import json
import queue
import random
import re
import sys
import threading
import time
import zlib

RESULTS_KEPT = 400
WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda omicron sigma omega "
         "north south east west river stone cloud light iron salt").split()

results = {}
results_lock = threading.Lock()


def text(rng, words):
    return " ".join(rng.choice(WORDS) + (str(rng.randrange(100)) if rng.random() < 0.3 else "")
                    for _ in range(words))


def run(kind, rng, size):
    if kind == "compress":
        data = text(rng, size).encode()
        packed = zlib.compress(data, rng.choice((1, 6, 9)))
        return len(packed) if zlib.decompress(packed) == data else -1
    if kind == "json":
        records = [{"id": i, "name": text(rng, 2), "score": rng.random(), "tags": text(rng, rng.randint(0, 6)).split()}
                   for i in range(size)]
        back = json.loads(json.dumps(records))
        index = collections.defaultdict(list)
        for record in back:
            index[record["name"].split()[0]].append(record["id"])
        return len(index)
    if kind == "tokenize":
        counts = collections.Counter(re.findall(r"[a-z]+\d*", text(rng, size)))
        return counts.most_common(20)
    rows = [(rng.randrange(1000), text(rng, 1), rng.random()) for _ in range(size)]
    by_key = sorted(rows)
    by_name = sorted(rows, key=lambda r: (r[1], -r[2]))
    return [(name, len(list(group))) for name, group in itertools.groupby(by_name, key=lambda r: r[1])][:10] + by_key[:3]


def worker(jobs):
    while True:
        job = jobs.get()
        if job is None:
            return
        job_id, kind, seed, size = job
        rng = random.Random(seed)
        result = run(kind, rng, size)
        time.sleep(rng.uniform(0.15, 0.35))
        with results_lock:
            results[job_id] = (kind, size, result)
            while len(results) > RESULTS_KEPT:
                del results[next(iter(results))]


def main():
    workers = int(sys.argv[1])
    jobs = queue.Queue()
    threads = [threading.Thread(target=worker, args=(jobs,)) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for line in sys.stdin:
        job_id, kind, seed, size = line.split()
        jobs.put((int(job_id), kind, int(seed), int(size)))
    for _ in threads:
        jobs.put(None)
    for thread in threads:
        thread.join()
    print("workers_app: %d results kept" % len(results), flush=True)


if __name__ == "__main__":
    main()
