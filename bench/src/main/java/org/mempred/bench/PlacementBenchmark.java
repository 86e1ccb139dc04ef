package org.mempred.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mempred.govern.Placement;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.AllocationRequest;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.Granules;
import org.mempred.heap.Handles;
import org.mempred.lifetime.LifetimeClass;
import org.mempred.lifetime.LifetimePredictor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of placement by lifetime. {@code freeThenAllocate}: {@link AllocateFreeBenchmark}'s
 * stream (100 KiB heap at ~70 %, sizes 16 B - 4 KiB, a random victim freed then a request
 * served), with a request carrying one of 64 sites and a clock advancing 1 ms a step, under each
 * placement; the goal is within 1.3 times {@code tlsf}. {@code predictorStep}: one prediction and
 * one observation of each learned predictor alone, the work placement adds per allocation (goal
 * at most 30 ns and, run with {@code -prof gc}, 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlacementBenchmark {
    private static final int SCRIPT = 1 << 16;
    private static final int CAPACITY = 102_400;
    private static final long MS = 1_000_000L;

    @Param({"tlsf", "site-table", "size-class", "neural-lifetime"})
    public String placement;

    private CompactingHeap heap;
    private LifetimePredictor predictor;
    private final AllocationRequest request = new AllocationRequest();
    private long[] live;
    private int[] sizes;
    private int[] victims;
    private long[] sites;
    private int[] classes;
    private int step;

    @Setup(Level.Trial)
    public void fill() {
        Placement where = Placement.parse(placement);
        heap = new CompactingHeap(CAPACITY);
        heap.setPlacement(where.createPredictor());
        predictor = where == Placement.TLSF ? Placement.SITE_TABLE.createPredictor() : where.createPredictor();
        SplittableRandom random = new SplittableRandom(42);
        sizes = new int[SCRIPT];
        sites = new long[SCRIPT];
        classes = new int[SCRIPT];
        for (int i = 0; i < SCRIPT; i++) {
            sizes[i] = random.nextInt(10) < 9 ? 16 + random.nextInt(497) : 1024 + random.nextInt(3073);
            sites[i] = 1 + random.nextInt(64);
            classes[i] = (int) (sites[i] % LifetimeClass.COUNT);
        }
        live = new long[CAPACITY / Granules.BYTES];
        int count = 0;
        while (heap.pressure() < 0.70) {
            live[count] = allocate(count % SCRIPT);
            count++;
        }
        victims = new int[SCRIPT];
        for (int i = 0; i < SCRIPT; i++) {
            victims[i] = random.nextInt(count);
        }
    }

    private long allocate(int i) {
        return heap.allocate(request.of(sizes[i], AllocationMode.ATOMIC)
                        .site(sites[i])
                        .at(step * MS))
                .handle();
    }

    /** Frees a random live block and allocates one of a scripted size and site in its place. */
    @Benchmark
    public long freeThenAllocate() {
        int i = step++ & (SCRIPT - 1);
        int victim = victims[i];
        long old = live[victim];
        if (old != Handles.NONE) {
            heap.free(old, step * MS);
        }
        long handle = allocate(i);
        live[victim] = handle;
        return handle;
    }

    /** One prediction and one observation of the predictor alone ({@code tlsf} measures site-table's). */
    @Benchmark
    public int predictorStep() {
        int i = step++ & (SCRIPT - 1);
        int predicted = predictor.predict(sites[i], sizes[i], LifetimePredictor.UNKNOWN);
        predictor.observe(sites[i], sizes[i], classes[i]);
        return predicted;
    }
}
