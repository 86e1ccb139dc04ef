package org.mempred.bench;

import java.util.Locale;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single-shot half of the peer comparison: memory held ÷ live bytes after a fixed number of
 * operations, for the streams of {@link PeerAllocatorBenchmark} and the traces of
 * {@link PeerTraceBenchmark}. Deterministic for one thread (seeded scripts); with four threads the
 * interleaving, and so Netty's figure, can vary a little from run to run.
 *
 * <ul>
 *   <li>Live-set streams: a fresh allocator, its {@value PeerAllocatorBenchmark#LIVE_SLOTS} slots
 *       filled, then {@value #OPERATIONS} replacements (split evenly over the threads); then,
 *       while every thread still holds its blocks and thread caches, held bytes
 *       ({@link PeerPool#heldBytes}) over the requested bytes of the live blocks.
 *   <li>Traces: one replay, held bytes sampled every {@value #TRACE_SAMPLE} events; the largest
 *       sample over the trace's peak live bytes.
 * </ul>
 *
 * <p>Run: {@code java -Dio.netty.leakDetection.level=disabled -cp bench/target/benchmarks.jar
 * org.mempred.bench.PeerFootprint [HEADROOM...]} from the repository root (default headroom 1.4, as the benchmarks).
 * Prints one Markdown row per allocator and stream.
 */
public final class PeerFootprint {
    static final int OPERATIONS = 4_000_000;
    static final int TRACE_SAMPLE = 1024;
    private static final String[] KINDS = {"mempred", "nettyDirect", "nettyHeap"};
    /** Clearing changes no block's place, so the memory held is measured with mempred's default, both clearing. */
    private static final boolean ZERO_FILL = true;

    private static final String[] TRACES = {"python-json", "sqlite-index", "gcc-cc1"};

    private PeerFootprint() {}

    public static void main(String[] args) throws Exception {
        double[] headrooms = args.length == 0 ? new double[] {1.4} : new double[args.length];
        for (int i = 0; i < args.length; i++) {
            headrooms[i] = Double.parseDouble(args[i]);
        }
        System.out.println("| allocator | stream | threads | held (MiB) | live (MiB) | held ÷ live "
                + "| with metadata ÷ live | failed requests |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (String stream : new String[] {"fixed256", "mix"}) {
            for (int threads : new int[] {1, 4}) {
                for (String kind : KINDS) {
                    for (double headroom : headroomsFor(kind, headrooms)) {
                        liveSet(kind, stream, threads, headroom);
                    }
                }
            }
        }
        for (String trace : TRACES) {
            TraceScript script = TraceScript.load(trace);
            for (String kind : KINDS) {
                for (double headroom : headroomsFor(kind, headrooms)) {
                    trace(kind, trace, script, headroom);
                }
            }
        }
    }

    private static double[] headroomsFor(String kind, double[] headrooms) {
        return kind.equals("mempred") ? headrooms : new double[] {headrooms[0]};
    }

    private static void liveSet(String kind, String stream, int threads, double headroom)
            throws InterruptedException, BrokenBarrierException {
        int slots = PeerAllocatorBenchmark.LIVE_SLOTS;
        int capacity =
                new RequestScript(stream, slots, PeerAllocatorBenchmark.SEED).mempredCapacityBytes(slots, headroom);
        try (PeerPool pool = PeerPool.create(kind, capacity, ZERO_FILL, threads)) {
            CyclicBarrier done = new CyclicBarrier(threads + 1);
            CyclicBarrier measured = new CyclicBarrier(threads + 1);
            AtomicLong live = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                long seed = PeerAllocatorBenchmark.SEED + t;
                workers[t] = new Thread(
                        () -> {
                            RequestScript script = new RequestScript(stream, slots / threads, seed);
                            PeerSlots own = pool.slots(slots / threads);
                            long misses = script.fill(own);
                            for (int i = 0; i < OPERATIONS / threads; i++) {
                                if (!script.replaceOne(own)) {
                                    misses++;
                                }
                            }
                            live.addAndGet(own.liveBytes());
                            failed.addAndGet(misses);
                            try {
                                done.await();
                                measured.await();
                            } catch (InterruptedException | BrokenBarrierException e) {
                                throw new IllegalStateException(e);
                            }
                            own.freeAll();
                        },
                        "footprint-" + t);
                workers[t].start();
            }
            done.await();
            long held = pool.heldBytes();
            row(kind, stream, threads, headroom, held, pool.metadataBytes(), live.get(), failed.get());
            measured.await();
            for (Thread worker : workers) {
                worker.join();
            }
        }
    }

    private static void trace(String kind, String trace, TraceScript script, double headroom) {
        long capacity = Math.max((long) Math.ceil(script.peakLiveBytes() * headroom), script.maxRequestBytes());
        try (PeerPool pool = PeerPool.create(kind, (int) ((capacity + 15) & ~15L), ZERO_FILL)) {
            SampledSlots slots = new SampledSlots(pool, pool.slots(script.slots()));
            long failed = script.replay(slots);
            row(kind, trace, 1, headroom, slots.maxHeld, pool.metadataBytes(), script.peakLiveBytes(), failed);
        }
    }

    private static void row(
            String kind,
            String stream,
            int threads,
            double headroom,
            long held,
            long metadata,
            long live,
            long failed) {
        String name = kind.equals("mempred") ? String.format(Locale.ROOT, "mempred (headroom %.2f)", headroom) : kind;
        String withMetadata =
                metadata == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) (held + metadata) / live);
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %d | %.2f | %.2f | %.2f | %s | %d |%n",
                name,
                stream,
                threads,
                held / 1048576.0,
                live / 1048576.0,
                (double) held / live,
                withMetadata,
                failed);
    }

    /** Slots that sample the pool's held bytes every {@value #TRACE_SAMPLE} calls and keep the largest. */
    private static final class SampledSlots implements PeerSlots {
        private final PeerPool pool;
        private final PeerSlots slots;
        private int calls;
        long maxHeld;

        SampledSlots(PeerPool pool, PeerSlots slots) {
            this.pool = pool;
            this.slots = slots;
        }

        private void sample() {
            if (++calls % TRACE_SAMPLE == 0) {
                maxHeld = Math.max(maxHeld, pool.heldBytes());
            }
        }

        @Override
        public boolean allocate(int slot, int sizeBytes) {
            boolean served = slots.allocate(slot, sizeBytes);
            sample();
            return served;
        }

        @Override
        public void free(int slot) {
            slots.free(slot);
            sample();
        }

        @Override
        public int count() {
            return slots.count();
        }

        @Override
        public long liveBytes() {
            return slots.liveBytes();
        }
    }
}
