package org.mempred.lab.workload;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Several event streams merged by time into one, as if their subsystems shared one heap. Ties go
 * to the stream listed first, so the merge is deterministic. Sub-streams must use disjoint id
 * ranges (the {@link SubsystemMix} gives each an id base of {@code index << 32}).
 *
 * <p>Cost per event: O(k) for k streams (k is small) and one copy of the winning stream's event
 * into the merged stream's own; nothing is allocated.
 */
public final class MergedStream implements EventStream {
    private final EventStream[] streams;
    private final boolean[] hasEvent;
    private int current = -1;
    private boolean started;
    private final HeapEvent event = new HeapEvent();
    private final Set<Characteristic> characteristics;

    /** Merges {@code streams} (at least one). */
    public MergedStream(EventStream... streams) {
        if (streams.length == 0) {
            throw new IllegalArgumentException("a merged stream needs at least one stream, got 0");
        }
        this.streams = streams.clone();
        this.hasEvent = new boolean[streams.length];
        EnumSet<Characteristic> common = EnumSet.allOf(Characteristic.class);
        for (EventStream stream : streams) {
            common.retainAll(stream.characteristics());
        }
        this.characteristics = Collections.unmodifiableSet(common);
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
            if (hasEvent[i] && streams[i].event().timeNanos() < earliest) {
                earliest = streams[i].event().timeNanos();
                current = i;
            }
        }
        if (current < 0) {
            return false;
        }
        event.copyOf(streams[current].event());
        return true;
    }

    @Override
    public HeapEvent event() {
        return event;
    }

    /** What every merged stream carries: a site is known only if each stream knows its sites. */
    @Override
    public Set<Characteristic> characteristics() {
        return characteristics;
    }

    /** Closes every merged stream. */
    @Override
    public void close() {
        for (EventStream stream : streams) {
            stream.close();
        }
    }
}
