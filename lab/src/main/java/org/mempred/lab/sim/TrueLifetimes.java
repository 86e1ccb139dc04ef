package org.mempred.lab.sim;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Arrays;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.EventStream;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lab.workload.Workload;

/**
 * The true lifetime of every allocation of a stream, by allocation ordinal, from a first pass over
 * the same stream (streams are a pure function of workload, seed and duration, so the k-th
 * allocation of the run is the k-th of the pass). What {@code oracle-lifetime} placement reads; a
 * block never freed within the stream gets {@link Long#MAX_VALUE}. Memory: 8 bytes per allocation
 * plus the live ids.
 */
final class TrueLifetimes {
    private TrueLifetimes() {}

    static long[] of(Workload workload, long seed, long durationNanos) {
        long[] lifetimes = new long[1024];
        int count = 0;
        LongIntHashMap live = new LongIntHashMap();
        try (EventStream stream = workload.open(seed, durationNanos)) {
            HeapEvent e = stream.event();
            while (stream.next()) {
                if (e.kind() == EventKind.ALLOCATE) {
                    if (count == lifetimes.length) {
                        lifetimes = Arrays.copyOf(lifetimes, count * 2);
                    }
                    lifetimes[count] = e.timeNanos(); // birth, until the free
                    live.put(e.id(), count++);
                } else if (e.kind() == EventKind.FREE) {
                    int slot = live.indexOf(e.id());
                    if (live.indexExists(slot)) {
                        int k = live.indexGet(slot);
                        live.indexRemove(slot);
                        lifetimes[k] = e.timeNanos() - lifetimes[k];
                    }
                }
            }
        }
        for (var cursor : live.values()) {
            lifetimes[cursor.value] = Long.MAX_VALUE;
        }
        return Arrays.copyOf(lifetimes, count);
    }
}
