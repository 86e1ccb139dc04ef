package org.mempred.heap;

import java.util.Arrays;

/**
 * How a heap's arena is cut into sub-arenas: their sizes in bytes, in address order. Each
 * sub-arena is a whole number of granules and has its own free lists, so a block never crosses a
 * fence between two of them and free space never merges across one (see {@link SubArena}). One
 * sub-arena spanning the whole arena ({@link #single}) is the plain heap.
 *
 * <pre>
 *  ArenaLayout.of(65_536, 36_864):   | sub-arena 0: 64 KiB      | sub-arena 1: 36 KiB |
 *                                     0                          65_536               102_400
 * </pre>
 *
 * Immutable.
 */
public final class ArenaLayout {
    /** Largest supported arena, 1 GiB. */
    public static final int MAX_CAPACITY_BYTES = 1 << 30;

    private final int[] subArenaBytes;
    private final int capacityBytes;

    private ArenaLayout(int[] subArenaBytes) {
        this.subArenaBytes = subArenaBytes;
        long total = 0;
        for (int i = 0; i < subArenaBytes.length; i++) {
            int bytes = subArenaBytes[i];
            if (bytes <= 0 || bytes % Granules.BYTES != 0) {
                throw new IllegalArgumentException("sub-arena " + i + " of " + bytes
                        + " bytes: expected a positive multiple of " + Granules.BYTES);
            }
            total += bytes;
        }
        if (subArenaBytes.length == 0 || total > MAX_CAPACITY_BYTES) {
            throw new IllegalArgumentException("sub-arenas " + Arrays.toString(subArenaBytes) + " total " + total
                    + " bytes: expected at least one, at most " + MAX_CAPACITY_BYTES + " in all");
        }
        this.capacityBytes = (int) total;
    }

    /**
     * One sub-arena of {@code capacityBytes}.
     *
     * @throws IllegalArgumentException when capacity is not a positive multiple of 16 up to 1 GiB
     */
    public static ArenaLayout single(int capacityBytes) {
        return new ArenaLayout(new int[] {capacityBytes});
    }

    /**
     * {@code count} sub-arenas of equal size (in granules; the last takes what does not divide),
     * the layout for a heap shared by about {@code count} allocating threads: each sub-arena has
     * its own lock, and threads spread over them (see {@link CompactingHeap}'s threads).
     *
     * @throws IllegalArgumentException when capacity is not a positive multiple of 16 up to 1 GiB,
     *     or {@code count} is not in {@code [1, capacityBytes / 16]}
     */
    public static ArenaLayout even(int capacityBytes, int count) {
        checkedSingle(capacityBytes);
        int granules = capacityBytes >>> Granules.SHIFT;
        if (count < 1 || count > granules) {
            throw new IllegalArgumentException("count=" + count + " sub-arenas must be in [1, " + granules
                    + "] for capacityBytes=" + capacityBytes);
        }
        int[] bytes = new int[count];
        int each = granules / count;
        for (int i = 0; i < count; i++) {
            bytes[i] = (i == count - 1 ? granules - each * (count - 1) : each) << Granules.SHIFT;
        }
        return new ArenaLayout(bytes);
    }

    /**
     * Sub-arenas of the given sizes, in address order.
     *
     * @throws IllegalArgumentException when there is none, a size is not a positive multiple of 16,
     *     or they total over 1 GiB
     */
    public static ArenaLayout of(int... subArenaBytes) {
        return new ArenaLayout(subArenaBytes.clone());
    }

    /** Number of sub-arenas. */
    public int count() {
        return subArenaBytes.length;
    }

    /** Size of sub-arena {@code index} in bytes. */
    public int bytes(int index) {
        return subArenaBytes[index];
    }

    /** The whole arena in bytes: the sum of the sub-arenas. */
    public int capacityBytes() {
        return capacityBytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArenaLayout layout && Arrays.equals(subArenaBytes, layout.subArenaBytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(subArenaBytes);
    }

    @Override
    public String toString() {
        return "ArenaLayout" + Arrays.toString(subArenaBytes);
    }

    /** One sub-arena of {@code capacityBytes}, checked with the heap's message. */
    static ArenaLayout checkedSingle(int capacityBytes) {
        if (capacityBytes <= 0 || capacityBytes % Granules.BYTES != 0 || capacityBytes > MAX_CAPACITY_BYTES) {
            throw new IllegalArgumentException("capacityBytes=" + capacityBytes + " must be a positive multiple of "
                    + Granules.BYTES + " up to " + MAX_CAPACITY_BYTES);
        }
        return single(capacityBytes);
    }

    /** Checks a request's size against a heap of {@code capacityBytes}. */
    static void checkRequest(int capacityBytes, int sizeBytes) {
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("size=" + sizeBytes + " must be positive");
        }
        if (sizeBytes > capacityBytes) {
            throw new IllegalArgumentException("size=" + sizeBytes + " exceeds capacityBytes=" + capacityBytes);
        }
    }
}
