"""A worker pool draining a job queue: the program tools/load/workers.py captures (CPython 3 with
PYTHONMALLOC=malloc, so its objects, and zlib's buffers through PyMem_RawMalloc, reach malloc).

The main thread reads one job a line from stdin, `<id> <kind> <seed> <size>`, builds the job's
input from its seed (the payload a producer would enqueue) and puts it on a queue.Queue; WORKERS
threads take jobs off it, work on the input, wait 300-700 ms as if on a remote call, and keep a
small result; the newest RESULTS_KEPT results are kept (a dict in insertion order, oldest
dropped). When jobs arrive faster than the workers finish them, the queue and its payloads grow;
quiet gaps drain it.

    compress  a text of 100 x <size> words: zlib.compress, zlib.decompress, compare
    tokenize  a text of 20 x <size> words: re.findall, collections.Counter, the top 20
    json      <size> records: json.dumps, json.loads, an index of names
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


def prepare(kind, rng, size):
    """The job's input, built when it is enqueued."""
    if kind == "compress":
        return " ".join(rng.choices(WORDS, k=100 * size))
    if kind == "tokenize":
        return " ".join(rng.choices(WORDS, k=20 * size))
    if kind == "json":
        return [{"id": i, "name": rng.choice(WORDS) + str(rng.randrange(100)), "score": rng.random(),
                 "tags": rng.sample(WORDS, rng.randint(0, 5))} for i in range(size)]
    return [(rng.randrange(1000), rng.choice(WORDS), rng.random()) for _ in range(size)]


def run(kind, payload, rng):
    if kind == "compress":
        data = payload.encode()
        packed = zlib.compress(data, rng.choice((1, 6, 9)))
        return len(packed) if zlib.decompress(packed) == data else -1
    if kind == "tokenize":
        counts = collections.Counter(re.findall(r"[a-z]+", payload))
        return counts.most_common(20)
    if kind == "json":
        back = json.loads(json.dumps(payload))
        index = collections.defaultdict(list)
        for record in back:
            index[record["name"]].append(record["id"])
        return len(index)
    by_key = sorted(payload)
    by_name = sorted(payload, key=lambda r: (r[1], -r[2]))
    groups = [(name, len(list(group))) for name, group in itertools.groupby(by_name, key=lambda r: r[1])]
    return groups[:10] + by_key[:3]


def worker(jobs):
    while True:
        job = jobs.get()
        if job is None:
            return
        job_id, kind, rng, size, payload = job
        result = run(kind, payload, rng)
        time.sleep(rng.uniform(0.3, 0.7))
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
        rng = random.Random(int(seed))
        jobs.put((int(job_id), kind, rng, int(size), prepare(kind, rng, int(size))))
    for _ in threads:
        jobs.put(None)
    for thread in threads:
        thread.join()
    print("workers_app: %d results kept" % len(results), flush=True)


if __name__ == "__main__":
    main()
