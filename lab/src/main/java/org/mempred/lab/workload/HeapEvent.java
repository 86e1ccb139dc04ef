package org.mempred.lab.workload;

/**
 * One heap event as a reusable value: each {@link EventStream} owns one and overwrites it on every
 * {@link EventStream#next()}, so reading a stream allocates nothing per event, and a field added
 * here (as the allocation site was) reaches every stream and every consumer in one place.
 *
 * <p>Fields: time in nanoseconds; kind; block id; requested bytes and whether the request is
 * atomic (for {@code ALLOCATE}; 0 and false otherwise); the allocation site ({@link #NO_SITE} when
 * the stream does not know it, or for other kinds); the thread that made the call ({@link
 * #NO_THREAD} when the stream does not record threads, as generated streams and {@code
 * mempred-trace} files do not; AOSP {@code memory_replay} dumps do). {@link #allocate} and {@link
 * #other} reset the thread to {@code NO_THREAD}; {@link #thread} sets it after them. A value is
 * valid until the next call of its stream's {@code next()}.
 */
public final class HeapEvent {
    /** The site of an event whose stream records none. */
    public static final long NO_SITE = 0;

    /** The thread of an event whose stream records none. */
    public static final int NO_THREAD = 0;

    private long timeNanos;
    private EventKind kind = EventKind.ALLOCATE;
    private long id;
    private int sizeBytes;
    private boolean atomic;
    private long site;
    private int threadId;

    /** Sets an {@code ALLOCATE} event. */
    public HeapEvent allocate(long time, long blockId, int size, boolean isAtomic, long allocationSite) {
        timeNanos = time;
        kind = EventKind.ALLOCATE;
        id = blockId;
        sizeBytes = size;
        atomic = isAtomic;
        site = allocationSite;
        threadId = NO_THREAD;
        return this;
    }

    /** Sets a {@code FREE}, {@code PIN} or {@code UNPIN} event (no size, no site). */
    public HeapEvent other(long time, EventKind eventKind, long blockId) {
        timeNanos = time;
        kind = eventKind;
        id = blockId;
        sizeBytes = 0;
        atomic = false;
        site = NO_SITE;
        threadId = NO_THREAD;
        return this;
    }

    /** Copies every field of {@code from}. */
    public HeapEvent copyOf(HeapEvent from) {
        timeNanos = from.timeNanos;
        kind = from.kind;
        id = from.id;
        sizeBytes = from.sizeBytes;
        atomic = from.atomic;
        site = from.site;
        threadId = from.threadId;
        return this;
    }

    /** Sets the time only (a replay scaling its trace's clock). */
    public HeapEvent at(long time) {
        timeNanos = time;
        return this;
    }

    /** Sets the thread only (after {@link #allocate} or {@link #other}, which reset it). */
    public HeapEvent thread(int thread) {
        threadId = thread;
        return this;
    }

    /** Sets the atomic mark only. */
    public HeapEvent atomic(boolean isAtomic) {
        atomic = isAtomic;
        return this;
    }

    /** Time of the event in nanoseconds. */
    public long timeNanos() {
        return timeNanos;
    }

    /** Kind of the event. */
    public EventKind kind() {
        return kind;
    }

    /** Block id of the event. */
    public long id() {
        return id;
    }

    /** Requested bytes of an {@code ALLOCATE} (0 for other kinds). */
    public int sizeBytes() {
        return sizeBytes;
    }

    /** Whether an {@code ALLOCATE} may not wait for compaction. */
    public boolean atomic() {
        return atomic;
    }

    /** The allocation site of an {@code ALLOCATE}, {@link #NO_SITE} when unknown. */
    public long site() {
        return site;
    }

    /** The thread that made the call, {@link #NO_THREAD} when the stream records none. */
    public int threadId() {
        return threadId;
    }

    @Override
    public String toString() {
        return timeNanos + " " + kind + " " + id
                + (kind == EventKind.ALLOCATE
                        ? " " + sizeBytes + (atomic ? " atomic" : "")
                                + (site == NO_SITE ? "" : " site=" + Long.toHexString(site))
                        : "")
                + (threadId == NO_THREAD ? "" : " thread=" + threadId);
    }
}
