package org.mempred.lab.trace;

import java.io.Closeable;
import java.util.Set;
import org.mempred.lab.workload.Characteristic;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.EventStream;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lab.workload.PinSchedule;

/**
 * A trace's {@code ALLOCATE}/{@code FREE} stream made into a lab workload stream: time scaled by
 * {@code 1 / speed}, a seeded share of allocations marked {@code atomic}, and a seeded share
 * pinned right after allocation for an exponential time (as the stressor does), so every policy
 * replaying with the same seed sees the identical stream.
 *
 * <pre>
 *   trace:   t=10 a 7 64            t=30 f 7
 *   replay:  t'=10/speed ALLOCATE 7 (atomic?)  PIN 7  ...  UNPIN 7 (due, or just before the free)  FREE 7
 * </pre>
 *
 * <p><b>Determinism</b>: the marks of the k-th allocation are pure functions of (seed, k) through
 * a SplitMix64 mix, independent of what came before, so they do not depend on the policy, the
 * heap or the order of evaluation.
 *
 * <p><b>Contract kept</b> ({@link EventStream}): times are non-decreasing; a pin ends before its
 * id's free (the unpin is emitted at the free's time when not yet due); unpins due after the last
 * trace event are dropped with the stream's end. The stream ends after the trace or at the first
 * event past {@code endNanos}. Cost: O(1) per trace event plus O(log pins) per pin; nothing
 * allocated per event. The trace is closed when the stream ends, and by {@link #close} when a
 * run stops earlier.
 */
public final class ReplayStream implements EventStream, Closeable {
    private static final double UNIT = 0x1.0p-53;
    private static final long ATOMIC_SALT = 0x5DEECE66DL;
    private static final long PIN_SALT = 0x2545F4914F6CDD1DL;
    private static final long DURATION_SALT = 0x632BE59BD9B4E019L;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final TraceSource trace;
    private final double speed;
    private final ReplayMarks marks;
    private final long seed;
    private final long endNanos;
    private final PinSchedule pins = new PinSchedule();

    private boolean pending;
    /** The next trace event, its time already scaled, held until pins due before it are out. */
    private final HeapEvent pendingEvent = new HeapEvent();

    private boolean ended;
    private long allocationIndex;
    private long pinUntilNanos = -1;

    private final HeapEvent event = new HeapEvent();

    /**
     * Replays {@code trace} at {@code speed} (2 = twice as fast), marked by {@code marks} from
     * {@code seed}, up to {@code endNanos} of replayed time.
     */
    public ReplayStream(TraceSource trace, double speed, ReplayMarks marks, long seed, long endNanos) {
        this.trace = trace;
        this.speed = ReplaySizing.requireSpeed(speed);
        this.marks = marks;
        this.seed = seed;
        this.endNanos = endNanos;
    }

    @Override
    public boolean next() {
        if (pinUntilNanos >= 0) {
            long id = event.id();
            event.other(event.timeNanos(), EventKind.PIN, id);
            pins.pin(id, pinUntilNanos);
            pinUntilNanos = -1;
            return true;
        }
        if (!pending && !fetch()) {
            return false;
        }
        long due = pins.peekDueNanos();
        long pendingTimeNanos = pendingEvent.timeNanos();
        if (due <= pendingTimeNanos) {
            event.other(Math.max(due, event.timeNanos()), EventKind.UNPIN, pins.popDue());
            return true;
        }
        if (pendingEvent.kind() == EventKind.FREE && pins.isPinned(pendingEvent.id())) {
            pins.unpinEarly(pendingEvent.id());
            event.other(pendingTimeNanos, EventKind.UNPIN, pendingEvent.id());
            return true;
        }
        pending = false;
        event.copyOf(pendingEvent);
        if (event.kind() == EventKind.ALLOCATE) {
            markAllocation();
        }
        return true;
    }

    @Override
    public HeapEvent event() {
        return event;
    }

    /** The trace's: {@code SITES} for a v2 trace, none for v1 or an AOSP dump. */
    @Override
    public Set<Characteristic> characteristics() {
        return trace.characteristics();
    }

    /** The trace underneath (for its counters: unknown frees, events read; they outlive the close). */
    public TraceSource trace() {
        return trace;
    }

    /** Closes the trace; idempotent. */
    @Override
    public void close() {
        trace.close();
    }

    /**
     * Reads the next trace event into the pending slot; false at the end, which closes the trace
     * (the end of the file or the first event past {@code endNanos}: nothing more is read).
     */
    private boolean fetch() {
        if (ended) {
            return false;
        }
        if (trace.next()) {
            long scaled = (long) (trace.event().timeNanos() / speed);
            if (scaled <= endNanos) {
                pending = true;
                pendingEvent.copyOf(trace.event()).at(scaled);
                return true;
            }
        }
        ended = true;
        trace.close();
        return false;
    }

    private void markAllocation() {
        long k = allocationIndex++;
        event.atomic(uniform(k, ATOMIC_SALT) < marks.atomicShare());
        if (uniform(k, PIN_SALT) < marks.pinShare()) {
            double pinNanos = -Math.log(1.0 - uniform(k, DURATION_SALT)) * marks.meanPinNanos();
            pinUntilNanos = event.timeNanos() + (long) pinNanos;
        }
    }

    /** A uniform double in [0, 1) from (seed, index, salt): two rounds of SplitMix64's finaliser. */
    private double uniform(long index, long salt) {
        long z = mix(mix(seed + salt) + index * GOLDEN_GAMMA);
        return (z >>> 11) * UNIT;
    }

    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
