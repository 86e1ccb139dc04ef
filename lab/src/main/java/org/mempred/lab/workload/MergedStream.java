package org.mempred.lab.workload;

/**
 * Several event streams merged by time into one, as if their subsystems shared one heap. Ties go
 * to the stream listed first, so the merge is deterministic. Sub-streams must use disjoint id
 * ranges (the {@link SubsystemMix} gives each an id base of {@code index << 32}).
 *
 * <p>Cost per event: O(k) for k streams (k is small); nothing is allocated. The accessors
 * delegate to the stream that produced the current event.
 */
public final class MergedStream implements EventStream {
    private final EventStream[] streams;
    private final boolean[] hasEvent;
    private int current = -1;
    private boolean started;

    /** Merges {@code streams} (at least one). */
    public MergedStream(EventStream... streams) {
        if (streams.length == 0) {
            throw new IllegalArgumentException("a merged stream needs at least one stream, got 0");
        }
        this.streams = streams.clone();
        this.hasEvent = new boolean[streams.length];
    }

    @Override
    public boolean next() {
        if (!started) {
            for (int i = 0; i < streams.length; i++) {
                hasEvent[i] = streams[i].next();
            }
            started = true;
        } else if (current >= 0) {
            hasEvent[current] = streams[current].next();
        }
        current = -1;
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < streams.length; i++) {
            if (hasEvent[i] && streams[i].timeNanos() < earliest) {
                earliest = streams[i].timeNanos();
                current = i;
            }
        }
        return current >= 0;
    }

    @Override
    public long timeNanos() {
        return streams[current].timeNanos();
    }

    @Override
    public EventKind kind() {
        return streams[current].kind();
    }

    @Override
    public long id() {
        return streams[current].id();
    }

    @Override
    public int sizeBytes() {
        return streams[current].sizeBytes();
    }

    @Override
    public boolean atomic() {
        return streams[current].atomic();
    }
}
