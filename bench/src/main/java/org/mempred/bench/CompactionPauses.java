package org.mempred.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;

/**
 * What compaction costs the threads that allocate beside it: {@value #THREADS} threads replace
 * blocks of a live-set stream ({@link RequestScript}, as {@link PeerAllocatorBenchmark}, one
 * free plus one allocate an operation, headroom 1.4) for a few seconds while another thread
 * compacts the heap every {@value #COMPACT_EVERY_MILLIS} ms — a full slide, then an evacuation
 * for 16 KiB, in turn — or does not. Each operation's latency goes into an HdrHistogram, and so
 * does each compaction's own wall time ({@link CompactionResult#wallNanos}); a table row gives
 * their percentiles, for a heap of one sub-arena (one lock) and of one sub-arena per thread.
 *
 * <p>The machine has two cores and five threads run, so the largest latencies include time a
 * thread waits for a core, with or without compaction; compare the rows, not the maxima alone.
 * Each run warms up for one second unrecorded.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.mempred.bench.CompactionPauses [STREAM [SECONDS]]}
 * (default {@code mix}, 5 s a row).
 */
public final class CompactionPauses {
    static final int THREADS = 4;
    static final int COMPACT_EVERY_MILLIS = 10;
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private CompactionPauses() {}

    public static void main(String[] args) throws InterruptedException {
        String stream = args.length > 0 ? args[0] : "mix";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.println("| stream | sub-arenas | compacting | op p50 (µs) | op p99 | op p99.9 | op max"
                + " | M ops/s | compactions | compaction p50 (µs) | p99 | max | MB moved |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int subArenas : new int[] {1, THREADS}) {
            for (boolean compacting : new boolean[] {false, true}) {
                run(stream, subArenas, compacting, seconds);
            }
        }
    }

    private static void run(String stream, int subArenas, boolean compacting, int seconds) throws InterruptedException {
        int slots = PeerAllocatorBenchmark.LIVE_SLOTS;
        int capacity = new RequestScript(stream, slots, PeerAllocatorBenchmark.SEED).mempredCapacityBytes(slots, 1.4);
        MempredPool pool = new MempredPool(capacity, true, subArenas);
        AtomicBoolean recording = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        Histogram[] ops = new Histogram[THREADS];
        Thread[] workers = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            Histogram own = new Histogram(HIGHEST_NANOS, 3);
            ops[t] = own;
            long seed = PeerAllocatorBenchmark.SEED + t;
            workers[t] = new Thread(() -> replace(pool, stream, seed, own, recording, running), "allocating-" + t);
            workers[t].start();
        }
        Histogram compactions = new Histogram(HIGHEST_NANOS, 3);
        long[] moved = new long[1];
        Thread compactor = new Thread(
                () -> {
                    if (compacting) {
                        compact(pool.heap(), compactions, moved, recording, running);
                    }
                },
                "compacting");
        compactor.start();
        Thread.sleep(1000);
        recording.set(true);
        Thread.sleep(seconds * 1000L);
        running.set(false);
        compactor.join();
        Histogram all = new Histogram(HIGHEST_NANOS, 3);
        for (Thread worker : workers) {
            worker.join();
        }
        for (Histogram own : ops) {
            all.add(own);
        }
        row(stream, subArenas, compacting, all, seconds, compactions, moved[0]);
    }

    /** One thread's share: fills its slots, then replaces blocks until told to stop, timing each. */
    private static void replace(
            MempredPool pool,
            String stream,
            long seed,
            Histogram latencies,
            AtomicBoolean recording,
            AtomicBoolean running) {
        int count = PeerAllocatorBenchmark.LIVE_SLOTS / THREADS;
        RequestScript script = new RequestScript(stream, count, seed);
        PeerSlots slots = pool.slots(count);
        script.fill(slots);
        while (running.get()) {
            long start = System.nanoTime();
            script.replaceOne(slots);
            long nanos = System.nanoTime() - start;
            if (recording.get()) {
                latencies.recordValue(Math.min(nanos, HIGHEST_NANOS));
            }
        }
        slots.freeAll();
    }

    /** Compacts every {@value #COMPACT_EVERY_MILLIS} ms, a full slide and an evacuation in turn, timing each. */
    private static void compact(
            CompactingHeap heap, Histogram walls, long[] moved, AtomicBoolean recording, AtomicBoolean running) {
        long round = 0;
        while (running.get()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(COMPACT_EVERY_MILLIS));
            CompactionResult result = round++ % 2 == 0 ? heap.compact() : heap.compactFor(16 * 1024, 256 * 1024);
            if (recording.get()) {
                walls.recordValue(Math.min(result.wallNanos(), HIGHEST_NANOS));
                moved[0] += result.bytesMoved();
            }
        }
    }

    private static void row(
            String stream,
            int subArenas,
            boolean compacting,
            Histogram ops,
            int seconds,
            Histogram compactions,
            long moved) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %s | %.2f | %.2f | %.2f | %.0f | %.2f | %d | %s | %s | %s | %.1f |%n",
                stream,
                subArenas,
                compacting ? "yes" : "no",
                micros(ops.getValueAtPercentile(50)),
                micros(ops.getValueAtPercentile(99)),
                micros(ops.getValueAtPercentile(99.9)),
                micros(ops.getMaxValue()),
                ops.getTotalCount() / (seconds * 1e6),
                compactions.getTotalCount(),
                compacting ? String.format(Locale.ROOT, "%.0f", micros(compactions.getValueAtPercentile(50))) : "–",
                compacting ? String.format(Locale.ROOT, "%.0f", micros(compactions.getValueAtPercentile(99))) : "–",
                compacting ? String.format(Locale.ROOT, "%.0f", micros(compactions.getMaxValue())) : "–",
                moved / 1e6);
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
