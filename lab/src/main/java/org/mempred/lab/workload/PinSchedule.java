package org.mempred.lab.workload;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Arrays;

/**
 * The pinned ids of a workload and when each pin ends: a binary min-heap of (due time, id, pin
 * number) in parallel primitive arrays, plus a map from pinned id to its current pin number. The
 * stressor and the trace replay both schedule their unpins here.
 *
 * <pre>
 *   heap:   dueNanos[i], ids[i], pinNumbers[i]   ordered by dueNanos; ties fixed by push order
 *   pinned: id -&gt; pin number of its live pin   (pin numbers are &gt;= 1; 0 reads as "not pinned")
 * </pre>
 *
 * <p>An early unpin (the workload frees a pinned id first) only drops the id from {@code pinned};
 * its heap entry becomes stale and is discarded when it reaches the top, recognised by a pin
 * number that no longer matches (the id may have been pinned again since). Without early unpins
 * the heap pops exactly in due order, ties in an order fixed by the sequence of pins, so a seeded
 * workload stays deterministic.
 *
 * <p>Cost: O(log n) per pin and per due unpin, O(1) for an early unpin and for {@link #isPinned};
 * the arrays start at 64 entries and double, the map ({@link IdMaps}) grows with
 * the pins live at once. Nothing is allocated except when growing. Not thread-safe.
 */
public final class PinSchedule {
    private static final int INITIAL_CAPACITY = 64;

    private final LongIntHashMap pinned = IdMaps.toInt();
    private long[] dueNanos = new long[INITIAL_CAPACITY];
    private long[] ids = new long[INITIAL_CAPACITY];
    private int[] pinNumbers = new int[INITIAL_CAPACITY];
    private int size;
    private int nextPinNumber = 1;

    /** Whether {@code id} has a live pin. */
    public boolean isPinned(long id) {
        return !pinned.isEmpty() && pinned.containsKey(id);
    }

    /** Pins {@code id} (not pinned now) until {@code untilNanos}. */
    public void pin(long id, long untilNanos) {
        int number = nextPinNumber;
        nextPinNumber = number == Integer.MAX_VALUE ? 1 : number + 1;
        int slot = pinned.indexOf(id);
        if (pinned.indexExists(slot)) {
            throw new IllegalStateException("id=" + id + " is already pinned: expected its unpin first");
        }
        pinned.indexInsert(slot, id, number);
        push(untilNanos, id, number);
    }

    /** Ends the pin of {@code id} before it is due (its heap entry goes stale). */
    public void unpinEarly(long id) {
        pinned.remove(id);
    }

    /** When the earliest live pin ends, {@link Long#MAX_VALUE} when none. */
    public long peekDueNanos() {
        while (size > 0 && pinned.get(ids[0]) != pinNumbers[0]) {
            pop();
        }
        return size == 0 ? Long.MAX_VALUE : dueNanos[0];
    }

    /** Ends the earliest live pin (call after {@link #peekDueNanos} returned a time); returns its id. */
    public long popDue() {
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
