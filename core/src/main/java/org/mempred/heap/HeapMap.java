package org.mempred.heap;

/**
 * Draws a heap's arena as a one-line map: each character covers {@code capacity / width} bytes
 * and shows {@code #} used, {@code .} free, {@code P} when any pinned block touches it, and
 * {@code +} when used and free bytes share it.
 */
public final class HeapMap {
    private HeapMap() {}

    /** The map of {@code heap} in {@code width} characters. */
    public static String render(CompactingHeap heap, int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("width=" + width + " must be positive");
        }
        int capacity = heap.capacityBytes();
        int[] used = new int[width];
        int[] free = new int[width];
        boolean[] pinned = new boolean[width];
        heap.forEachBlock((offset, size, isFree, isPinned) -> {
            for (int b = offset; b < offset + size; ) {
                int cell = (int) ((long) b * width / capacity);
                int cellEnd = (int) (((long) (cell + 1) * capacity + width - 1) / width);
                int span = Math.min(offset + size, cellEnd) - b;
                if (isFree) {
                    free[cell] += span;
                } else {
                    used[cell] += span;
                    pinned[cell] |= isPinned;
                }
                b += Math.max(span, 1);
            }
        });
        StringBuilder map = new StringBuilder(width);
        for (int i = 0; i < width; i++) {
            char c;
            if (pinned[i]) {
                c = 'P';
            } else if (used[i] > 0 && free[i] > 0) {
                c = '+';
            } else {
                c = used[i] > 0 ? '#' : '.';
            }
            map.append(c);
        }
        return map.toString();
    }
}
