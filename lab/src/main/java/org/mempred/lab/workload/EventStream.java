package org.mempred.lab.workload;

import java.util.Set;

/**
 * A workload as a cursor over timed heap events, read without allocating an object per event:
 *
 * <pre>
 *   HeapEvent e = stream.event();            // one reusable value, overwritten by next()
 *   while (stream.next()) {
 *       switch (e.kind()) { case ALLOCATE -&gt; ...e.id(), e.sizeBytes(), e.atomic(), e.site() }
 *   }
 * </pre>
 *
 * <p>Contract: times are non-decreasing nanoseconds from 0; an {@code id} names one block from
 * its {@code ALLOCATE} to its {@code FREE} and may be reused afterwards; a stream never frees or
 * unpins an id it has not allocated and pinned, and never frees a pinned id. The stream is open
 * loop: it does not know whether the heap served an allocation, so a simulator treats the later
 * events of a failed allocation's id as no-ops. {@link #event()} always returns the same value,
 * which describes the event of the last {@link #next()} that returned true. Generated streams
 * (stressors) and trace replay implement it.
 *
 * <p><b>Closing</b>: whoever opens a stream closes it ({@code try (EventStream s = workload.open(..))}),
 * so a replayed file is released when its run ends, whether the stream was drained, cut at the
 * run's duration or abandoned by a crash. Closing is idempotent and never throws a checked
 * exception; a generated stream holds nothing and closes as a no-op.
 */
public interface EventStream extends AutoCloseable {
    /** Moves to the next event; false when the stream has ended. */
    boolean next();

    /** The stream's one event value, describing the current event. */
    HeapEvent event();

    /** What the stream's events carry beyond time, kind, id, size and the atomic mark. */
    Set<Characteristic> characteristics();

    /** Releases what the stream holds (a trace file); a no-op for generated streams. Idempotent. */
    @Override
    default void close() {}
}
