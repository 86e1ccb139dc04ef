package org.mempred.lab.trace;

import java.util.Arrays;

/**
 * The live ids of a trace and their request sizes: an open-addressing hash map from a
 * non-negative {@code long} id to an {@code int}, with linear probing and backward-shift deletion
 * (no tombstones, so probe chains never degrade under churn).
 *
 * <pre>
 *   keys[i]   : id, or EMPTY (-1)        capacity a power of two, load at most 1/2
 *   values[i] : size of that id          grows by doubling; never shrinks
 * </pre>
 *
 * <p>Memory is proportional to the largest live set seen, not to the trace's length. Cost:
 * expected O(1) per operation, nothing allocated except when growing. Not thread-safe.
 */
final class LiveIds {
    static final int MISSING = -1;
    private static final long EMPTY = -1L;
    private static final int MIN_CAPACITY = 1024;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    LiveIds() {
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    /** The value of {@code id}, or {@link #MISSING}. */
    int get(long id) {
        for (int i = home(id); ; i = (i + 1) & mask) {
            long key = keys[i];
            if (key == id) {
                return values[i];
            }
            if (key == EMPTY) {
                return MISSING;
            }
        }
    }

    /**
     * Maps {@code id} (non-negative) to {@code value} (not {@link #MISSING}).
     *
     * @return false when {@code id} was already present (its value is then left unchanged)
     */
    boolean putIfAbsent(long id, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = home(id);
        while (keys[i] != EMPTY) {
            if (keys[i] == id) {
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = id;
        values[i] = value;
        size++;
        return true;
    }

    /** Removes {@code id}; returns its value, or {@link #MISSING} when absent. */
    int remove(long id) {
        int i = home(id);
        while (keys[i] != id) {
            if (keys[i] == EMPTY) {
                return MISSING;
            }
            i = (i + 1) & mask;
        }
        int value = values[i];
        deleteAt(i);
        return value;
    }

    private void deleteAt(int hole) {
        int j = (hole + 1) & mask;
        while (keys[j] != EMPTY) {
            int home = home(keys[j]);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = EMPTY;
        size--;
    }

    private int home(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        int oldSize = size;
        allocate(oldKeys.length * 2);
        size = oldSize;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = home(oldKeys[i]);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
        size = 0;
    }
}
