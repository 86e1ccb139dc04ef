package org.mempred.heap;

/**
 * The direct compactions one allocation request ran, part of its {@link Allocation}: at most two
 * (an evacuation for the request's size and, when it fails, a slide with what is left of the
 * budget; or the slide alone). So a simulator charges exactly this request's compaction time to
 * this request. Reused across requests, it allocates nothing. Not thread-safe.
 */
public final class DirectCompactions {
    private static final int MAX = 2;

    private final CompactionResult[] results = new CompactionResult[MAX];
    private int count;

    DirectCompactions() {}

    /** Forgets the previous request's compactions. */
    void clear() {
        results[0] = null;
        results[1] = null;
        count = 0;
    }

    /** How many direct compactions the last request ran (0, 1 or 2). */
    public int count() {
        return count;
    }

    /**
     * The {@code index}-th compaction of the last request, in the order they ran.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < count()}
     */
    public CompactionResult get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index=" + index + " is not in [0, count=" + count + ")");
        }
        return results[index];
    }

    void add(CompactionResult result) {
        if (count == MAX) {
            throw new IllegalStateException("a request ran more than " + MAX + " direct compactions");
        }
        results[count++] = result;
    }
}
