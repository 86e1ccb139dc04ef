package org.mempred.heap;

/**
 * The direct compactions one allocation request ran, handed back to its caller: at most two (an
 * evacuation for the request's size and, when it fails, a slide with what is left of the budget;
 * or the slide alone). The caller owns it, clears it before the request and reads it after, so a
 * simulator can charge exactly this request's compaction time to this request without asking a
 * listener what happened "since the last call". Reused across requests, it allocates nothing.
 * Not thread-safe: one per thread that allocates.
 */
public final class DirectCompactions {
    private static final int MAX = 2;

    /**
     * Keeps nothing (its count stays 0): what a caller that does not ask passes, so allocating stays
     * garbage-free. Stateless, so one instance serves every thread.
     */
    public static final DirectCompactions DISCARD = new DirectCompactions(false);

    private final CompactionResult[] results = new CompactionResult[MAX];
    private final boolean keeping;
    private int count;

    /** An empty record of direct compactions. */
    public DirectCompactions() {
        this(true);
    }

    private DirectCompactions(boolean keeping) {
        this.keeping = keeping;
    }

    /** Forgets the previous request's compactions. */
    public void clear() {
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
        if (!keeping) {
            return;
        }
        if (count == MAX) {
            throw new IllegalStateException("a request ran more than " + MAX + " direct compactions");
        }
        results[count++] = result;
    }
}
