package org.mempred.lab.workload;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.mempred.heap.Granules;

/**
 * Replays a stream against a plain reference model (id to rounded size, pinned ids), checking
 * the {@link EventStream} contract at every event, and measures its statistics.
 */
final class StreamStats {
    long events;
    long allocations;
    long atomicAllocations;
    long largeAllocations;
    long pins;
    long unpins;
    long frees;
    int maxSizeBytes;
    double intendedByteNanos;
    long lastTimeNanos;
    long liveBytes;
    final double[] perSecondPressure;
    private final Map<Long, Integer> live = new HashMap<>();
    private final Set<Long> pinned = new HashSet<>();
    private final int capacityBytes;

    private StreamStats(int capacityBytes, long durationNanos) {
        this.capacityBytes = capacityBytes;
        this.perSecondPressure = new double[(int) (durationNanos / 1_000_000_000L) + 1];
    }

    static StreamStats of(EventStream stream, int capacityBytes, long durationNanos, int largeFromBytes) {
        StreamStats stats = new StreamStats(capacityBytes, durationNanos);
        while (stream.next()) {
            stats.observe(stream, largeFromBytes);
        }
        stats.advance(durationNanos);
        return stats;
    }

    double meanIntendedPressure() {
        return intendedByteNanos / lastTimeNanos / capacityBytes;
    }

    private void observe(EventStream stream, int largeFromBytes) {
        if (stream.event().timeNanos() < lastTimeNanos) {
            throw new AssertionError("time went back to " + stream.event().timeNanos() + " after " + lastTimeNanos);
        }
        advance(stream.event().timeNanos());
        events++;
        long id = stream.event().id();
        switch (stream.event().kind()) {
            case ALLOCATE -> {
                check(!live.containsKey(id), "allocated live id " + id);
                int rounded = (int) Granules.roundUp(stream.event().sizeBytes());
                live.put(id, rounded);
                liveBytes += rounded;
                allocations++;
                atomicAllocations += stream.event().atomic() ? 1 : 0;
                largeAllocations += stream.event().sizeBytes() >= largeFromBytes ? 1 : 0;
                maxSizeBytes = Math.max(maxSizeBytes, stream.event().sizeBytes());
            }
            case FREE -> {
                check(live.containsKey(id) && !pinned.contains(id), "freed unknown or pinned id " + id);
                liveBytes -= live.remove(id);
                frees++;
            }
            case PIN -> {
                check(live.containsKey(id) && pinned.add(id), "pinned unknown or pinned id " + id);
                pins++;
            }
            case UNPIN -> {
                check(pinned.remove(id), "unpinned id " + id + " that is not pinned");
                unpins++;
            }
            default -> throw new AssertionError("kind " + stream.event().kind());
        }
    }

    private void advance(long timeNanos) {
        intendedByteNanos += (double) liveBytes * (timeNanos - lastTimeNanos);
        int second = (int) (timeNanos / 1_000_000_000L);
        if (second < perSecondPressure.length) {
            perSecondPressure[second] = (double) liveBytes / capacityBytes;
        }
        lastTimeNanos = timeNanos;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
