package org.mempred.heap;

/**
 * The heap's unit of space, in one place: every block is a whole number of 16-byte granules, so
 * used bytes, pressure and every size a workload or trace accounts for are rounded up to it; and
 * the fragmentation figure derived from free space.
 */
public final class Granules {
    /** Bytes per granule. */
    public static final int BYTES = 16;

    static final int SHIFT = 4;

    private Granules() {}

    /** Granules needed for {@code sizeBytes} (non-negative). */
    public static int of(int sizeBytes) {
        return (sizeBytes + BYTES - 1) >>> SHIFT;
    }

    /** {@code sizeBytes} rounded up to whole granules. */
    public static long roundUp(long sizeBytes) {
        return (sizeBytes + BYTES - 1) & -BYTES;
    }

    /** {@code 1 - largestFree / free}: 0 when all free space is one block or nothing is free. */
    public static double fragmentation(long largestFreeBytes, long freeBytes) {
        return freeBytes == 0 ? 0.0 : 1.0 - (double) largestFreeBytes / freeBytes;
    }
}
