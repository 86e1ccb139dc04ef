package org.mempred.lab.sim;

import java.util.Arrays;

/**
 * Workload id to heap handle, as an open-addressing hash map of primitive longs (linear probing,
 * backward-shift deletion, power-of-two table kept at most half full). Ids are non-negative, so
 * {@code -1} marks an empty slot. Get, put and remove are O(1) expected and allocate nothing
 * unless the table grows (doubling, amortised O(1)).
 */
final class HandleMap {
    private static final long EMPTY = -1L;

    private long[] keys;
    private long[] values;
    private int mask;
    private int size;

    /** A map sized for about {@code expected} entries without growing. */
    HandleMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new long[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The handle of {@code id}, or {@code missing} when absent. */
    long get(long id, long missing) {
        for (int i = index(id); ; i = (i + 1) & mask) {
            if (keys[i] == id) {
                return values[i];
            }
            if (keys[i] == EMPTY) {
                return missing;
            }
        }
    }

    /** Maps {@code id} (non-negative) to {@code handle}, replacing any previous value. */
    void put(long id, long handle) {
        if (id < 0) {
            throw new IllegalArgumentException("id=" + id + " must be >= 0");
        }
        int i = index(id);
        while (keys[i] != EMPTY && keys[i] != id) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            size++;
        }
        keys[i] = id;
        values[i] = handle;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    /** Removes {@code id}; returns its handle, or {@code missing} when absent. */
    long remove(long id, long missing) {
        int i = index(id);
        while (keys[i] != id) {
            if (keys[i] == EMPTY) {
                return missing;
            }
            i = (i + 1) & mask;
        }
        long value = values[i];
        size--;
        shiftBack(i);
        return value;
    }

    /** Backward-shift deletion: moves later entries of the probe run into the hole at {@code hole}. */
    private void shiftBack(int hole) {
        int gap = hole;
        for (int i = (gap + 1) & mask; keys[i] != EMPTY; i = (i + 1) & mask) {
            int home = index(keys[i]);
            boolean movable = gap <= i ? (home <= gap || home > i) : (home <= gap && home > i);
            if (movable) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                gap = i;
            }
        }
        keys[gap] = EMPTY;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private int index(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
