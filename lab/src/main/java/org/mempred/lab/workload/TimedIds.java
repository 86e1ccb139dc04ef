package org.mempred.lab.workload;

/**
 * A binary min-heap of (time, id) pairs in two parallel primitive arrays: the scheduled unpins of
 * a stressor. Push and pop are O(log n); nothing is allocated after construction. Ties in time
 * pop in an order fixed by the push sequence, so replay is deterministic.
 */
final class TimedIds {
    private final long[] timesNanos;
    private final int[] ids;
    private int size;

    TimedIds(int capacity) {
        this.timesNanos = new long[capacity];
        this.ids = new int[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Earliest time, {@link Long#MAX_VALUE} when empty. */
    long peekTimeNanos() {
        return size == 0 ? Long.MAX_VALUE : timesNanos[0];
    }

    /** Id of the earliest entry (undefined when empty). */
    int peekId() {
        return ids[0];
    }

    void push(long timeNanos, int id) {
        if (size == ids.length) {
            throw new IllegalStateException("TimedIds full at capacity=" + ids.length);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (timesNanos[parent] <= timeNanos) {
                break;
            }
            timesNanos[i] = timesNanos[parent];
            ids[i] = ids[parent];
            i = parent;
        }
        timesNanos[i] = timeNanos;
        ids[i] = id;
    }

    /** Removes the earliest entry. */
    void pop() {
        long lastTime = timesNanos[--size];
        int lastId = ids[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && timesNanos[child + 1] < timesNanos[child]) {
                child++;
            }
            if (timesNanos[child] >= lastTime) {
                break;
            }
            timesNanos[i] = timesNanos[child];
            ids[i] = ids[child];
            i = child;
        }
        timesNanos[i] = lastTime;
        ids[i] = lastId;
    }
}
