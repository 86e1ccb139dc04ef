package org.mempred.lab.trace;

import java.util.Arrays;

/**
 * The pinned ids of a replay and when each pin ends: a binary min-heap of (due time, id, pin
 * number) in parallel primitive arrays, plus a map from pinned id to its current pin number.
 *
 * <pre>
 *   heap:   dueNanos[i], ids[i], pinNumbers[i]   ordered by dueNanos; ties fixed by push order
 *   pinned: id -&gt; pin number of its live pin   ({@link LiveIds})
 * </pre>
 *
 * <p>An early unpin (the trace frees a pinned id first) only drops the id from {@code pinned}; its
 * heap entry becomes stale and is discarded when it reaches the top, recognised by a pin number
 * that no longer matches (the id may have been pinned again since). Cost: O(log n) per pin and
 * per due unpin, O(1) for an early unpin; arrays grow by doubling. Not thread-safe.
 */
final class PinSchedule {
    private static final int INITIAL_CAPACITY = 64;

    private final LiveIds pinned = new LiveIds();
    private long[] dueNanos = new long[INITIAL_CAPACITY];
    private long[] ids = new long[INITIAL_CAPACITY];
    private int[] pinNumbers = new int[INITIAL_CAPACITY];
    private int size;
    private int nextPinNumber;

    boolean isPinned(long id) {
        return pinned.size() > 0 && pinned.get(id) != LiveIds.MISSING;
    }

    /** Pins {@code id} (not pinned now) until {@code untilNanos}. */
    void pin(long id, long untilNanos) {
        int number = nextPinNumber;
        nextPinNumber = (nextPinNumber + 1) & Integer.MAX_VALUE;
        if (!pinned.putIfAbsent(id, number)) {
            throw new IllegalStateException("id=" + id + " is already pinned");
        }
        push(untilNanos, id, number);
    }

    /** Ends the pin of {@code id} before it is due (its heap entry goes stale). */
    void unpinEarly(long id) {
        pinned.remove(id);
    }

    /** When the earliest live pin ends, {@link Long#MAX_VALUE} when none. */
    long peekDueNanos() {
        while (size > 0 && pinned.get(ids[0]) != pinNumbers[0]) {
            pop();
        }
        return size == 0 ? Long.MAX_VALUE : dueNanos[0];
    }

    /** Ends the earliest live pin (call after {@link #peekDueNanos} returned a time); returns its id. */
    long popDue() {
        long id = ids[0];
        pinned.remove(id);
        pop();
        return id;
    }

    private void push(long timeNanos, long id, int number) {
        if (size == ids.length) {
            dueNanos = Arrays.copyOf(dueNanos, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
            pinNumbers = Arrays.copyOf(pinNumbers, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (dueNanos[parent] <= timeNanos) {
                break;
            }
            set(i, parent);
            i = parent;
        }
        dueNanos[i] = timeNanos;
        ids[i] = id;
        pinNumbers[i] = number;
    }

    private void pop() {
        int last = --size;
        long lastTime = dueNanos[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && dueNanos[child + 1] < dueNanos[child]) {
                child++;
            }
            if (dueNanos[child] >= lastTime) {
                break;
            }
            set(i, child);
            i = child;
        }
        dueNanos[i] = lastTime;
        ids[i] = ids[last];
        pinNumbers[i] = pinNumbers[last];
    }

    private void set(int to, int from) {
        dueNanos[to] = dueNanos[from];
        ids[to] = ids[from];
        pinNumbers[to] = pinNumbers[from];
    }
}
