package org.mempred.lab.sim;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.mempred.govern.Governor;
import org.mempred.heap.Allocation;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.DirectCompactions;
import org.mempred.heap.HeapStats;
import org.mempred.lab.VirtualClock;
import org.mempred.lab.workload.EventApplier;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.EventStream;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lifetime.LifetimePredictor;
import org.mempred.telemetry.Sample;

/**
 * One run in progress: replays an event stream against a heap on a virtual clock, ticking the
 * governor every {@code tickNanos} of virtual time, one event per {@link #step()}.
 *
 * <p><b>Time model.</b> Events happen at their stream times. Before an event at {@code t}, every
 * governor tick due at or before {@code t} runs with the clock set to the tick time. The heap
 * lock is a single server: an allocation request arriving at {@code a} starts at
 * {@code s = max(a, busyUntil)}, is served in {@code requestNanos} plus the model time of any
 * direct compaction it triggered, and its response time is {@code finish - a} (waiting included).
 * A proactive compaction at tick {@code T} occupies the server from {@code max(busyUntil, T)}, so
 * requests arriving during it wait: proactive compaction is not free. A reserve wake-up raised by
 * an allocation (its outcome says so) is answered right after it, at the same virtual time, by the governor (as
 * kcompactd runs as soon as the allocator wakes it), and its compaction occupies the server in
 * the same way. Frees, pins and unpins
 * take no modelled time.
 *
 * <p><b>Open loop.</b> Events reach the heap through an {@link EventApplier}: a failed allocation
 * (an OOM event) leaves its id unmapped, so the id's later free, pin and unpin are no-ops.
 *
 * <p><b>Pressure.</b> Peak = highest used/capacity after any event; mean = time-weighted over
 * {@code [0, duration]}. Optionally the pressure at every tick goes to a {@link PressureTrace}, and
 * the state at every tick to a {@link Timeline} (charts).
 *
 * <p><b>Cost</b> per step: one heap operation, two hash-map operations, one histogram record,
 * amortised ticks; nothing is allocated except by ticks (the governor's sample).
 */
public final class Simulation {
    private static final long MAX_RESPONSE_NANOS = TimeUnit.HOURS.toNanos(1);

    private final EventStream stream;
    private final CompactingHeap heap;
    private final Governor governor;
    private final VirtualClock clock;
    private final SimulationOptions options;
    private final CompactionCostModel costModel;
    private final PressureTrace trace;
    private final Timeline timeline;
    private final EventApplier applier;
    private final Histogram responseNanos = new Histogram(MAX_RESPONSE_NANOS, 2);
    private long nextTickNanos;
    private long busyUntilNanos;
    private long lastEventNanos;
    private double usedByteNanos;
    private double fragmentationNanos;
    private final long[] trueLifetimes;
    private int allocationIndex;
    private int peakUsedBytes;
    private long allocationRequests;
    private long events;
    private long modelNanos;
    private long wallNanos;
    private boolean ended;

    Simulation(
            EventStream stream,
            CompactingHeap heap,
            Governor governor,
            VirtualClock clock,
            SimulationOptions options,
            PressureTrace trace,
            Timeline timeline,
            long[] trueLifetimes) {
        this.trueLifetimes = trueLifetimes;
        this.stream = stream;
        this.heap = heap;
        this.governor = governor;
        this.clock = clock;
        this.options = options;
        this.costModel = options.costModel();
        this.trace = trace;
        this.timeline = timeline;
        this.applier = new EventApplier(heap);
        this.nextTickNanos = options.tickNanos();
    }

    /**
     * Processes the next event (and the ticks before it); false once the stream has ended, which
     * closes the stream (a replayed trace's file is released as soon as its last event is read).
     */
    public boolean step() {
        if (ended) {
            return false;
        }
        if (!stream.next()) {
            ended = true;
            stream.close();
            return false;
        }
        HeapEvent event = stream.event();
        long t = event.timeNanos();
        tickUntil(t);
        clock.advanceTo(t);
        accumulatePressure(t);
        events++;
        if (event.kind() == EventKind.ALLOCATE) {
            allocate(event);
        } else {
            applier.apply(event);
        }
        return true;
    }

    /** Closes the stream whether or not it ended (a run that crashed part-way). Idempotent. */
    public void close() {
        ended = true;
        stream.close();
    }

    /** Runs the remaining ticks and accounts pressure up to the run's duration. */
    void finish() {
        tickUntil(options.durationNanos());
        clock.advanceTo(Math.max(clock.nanoTime(), options.durationNanos()));
        accumulatePressure(Math.max(lastEventNanos, options.durationNanos()));
    }

    private void allocate(HeapEvent event) {
        long arrivalNanos = event.timeNanos();
        long startNanos = Math.max(arrivalNanos, busyUntilNanos);
        long lifetime = trueLifetimes == null || allocationIndex >= trueLifetimes.length
                ? LifetimePredictor.UNKNOWN
                : trueLifetimes[allocationIndex];
        allocationIndex++;
        Allocation outcome = applier.allocate(event, lifetime);
        allocationRequests++;
        long serviceNanos = options.requestNanos();
        DirectCompactions direct = outcome.directCompactions();
        for (int i = 0; i < direct.count(); i++) {
            serviceNanos += charge(direct.get(i));
        }
        busyUntilNanos = startNanos + serviceNanos;
        responseNanos.recordValue(Math.min(MAX_RESPONSE_NANOS, busyUntilNanos - arrivalNanos));
        if (outcome.succeeded()) {
            peakUsedBytes = Math.max(peakUsedBytes, heap.usedBytes());
        }
        if (outcome.wakeupRaised()) {
            occupyWithProactiveWork(arrivalNanos, governor.onReserveWakeup());
        }
    }

    private void tickUntil(long timeNanos) {
        while (nextTickNanos <= timeNanos && nextTickNanos <= options.durationNanos()) {
            clock.advanceTo(nextTickNanos);
            occupyWithProactiveWork(nextTickNanos, governor.tick());
            if (trace != null) {
                Sample sample = governor.lastSample().orElseThrow();
                trace.record(nextTickNanos, heap.pressure(), sample.largestRequestFraction(), sample.volumeFraction());
            }
            if (timeline != null) {
                HeapStats stats = heap.stats();
                timeline.record(
                        nextTickNanos,
                        heap.pressure(),
                        governor.lastPrediction(),
                        stats.oomEvents(),
                        governor.stats().proactiveCompactions(),
                        stats.directCompactions());
            }
            nextTickNanos += options.tickNanos();
        }
    }

    /** Queues the model time of the governor's compaction just run at {@code atNanos}, if any, on the heap lock. */
    private void occupyWithProactiveWork(long atNanos, Optional<CompactionResult> compaction) {
        if (compaction.isPresent()) {
            long proactiveNanos = charge(compaction.get());
            if (proactiveNanos > 0) {
                busyUntilNanos = Math.max(busyUntilNanos, atNanos) + proactiveNanos;
            }
        }
    }

    /**
     * The virtual duration of {@code compaction} under the run's cost model, added with its wall
     * time to the run's totals; every compaction of the run passes here once, handed back by the
     * request or governor call that ran it.
     */
    private long charge(CompactionResult compaction) {
        long nanos = costModel.durationNanos(compaction.bytesMoved(), compaction.blocksMoved());
        modelNanos += nanos;
        wallNanos += compaction.wallNanos();
        return nanos;
    }

    /** Mean model duration of the run's compactions in µs; NaN without compactions. */
    double meanModelMicros() {
        long count = heap.stats().compactions();
        return count == 0 ? Double.NaN : modelNanos / 1e3 / count;
    }

    /** Mean measured wall duration of the run's compactions in µs; NaN without compactions. */
    double meanWallMicros() {
        long count = heap.stats().compactions();
        return count == 0 ? Double.NaN : wallNanos / 1e3 / count;
    }

    private void accumulatePressure(long timeNanos) {
        long dt = timeNanos - lastEventNanos;
        if (dt > 0) {
            usedByteNanos += (double) heap.usedBytes() * dt;
            fragmentationNanos += heap.fragmentation() * dt;
        }
        lastEventNanos = timeNanos;
    }

    /** Time-weighted mean of the heap's fragmentation {@code 1 - largest free / free} over the run. */
    double meanFragmentation() {
        return lastEventNanos == 0 ? heap.fragmentation() : fragmentationNanos / lastEventNanos;
    }

    /** Events processed so far. */
    public long events() {
        return events;
    }

    long allocationRequests() {
        return allocationRequests;
    }

    double peakPressure() {
        return (double) peakUsedBytes / heap.capacityBytes();
    }

    /** Time-weighted mean pressure over {@code [0, lastEvent]}. */
    double meanPressure() {
        return lastEventNanos == 0 ? heap.pressure() : usedByteNanos / lastEventNanos / heap.capacityBytes();
    }

    Histogram responseNanos() {
        return responseNanos;
    }
}
