package org.mempred.lab.workload;

/**
 * A workload as a cursor over timed heap events, read without allocating an object per event:
 *
 * <pre>
 *   while (stream.next()) {
 *       switch (stream.kind()) { case ALLOCATE -&gt; ...stream.id(), stream.sizeBytes(), stream.atomic() }
 *   }
 * </pre>
 *
 * <p>Contract: times are non-decreasing nanoseconds from 0; an {@code id} names one block from
 * its {@code ALLOCATE} to its {@code FREE} and may be reused afterwards; a stream never frees or
 * unpins an id it has not allocated and pinned, and never frees a pinned id. The stream is open
 * loop: it does not know whether the heap served an allocation, so a simulator treats the later
 * events of a failed allocation's id as no-ops. The accessors describe the event of the last
 * {@link #next()} that returned true. Generated streams (stressors) and trace replay implement it.
 */
public interface EventStream {
    /** Moves to the next event; false when the stream has ended. */
    boolean next();

    /** Time of the current event in nanoseconds. */
    long timeNanos();

    /** Kind of the current event. */
    EventKind kind();

    /** Block id of the current event. */
    long id();

    /** Requested bytes of the current {@code ALLOCATE} (0 for other kinds). */
    int sizeBytes();

    /** Whether the current {@code ALLOCATE} may not wait for compaction. */
    boolean atomic();
}
