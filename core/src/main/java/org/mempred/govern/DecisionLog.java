package org.mempred.govern;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounded ring buffer of the most recent {@link Decision}s. Appending is O(1); once full, the
 * oldest entry is overwritten. Guarded by its own monitor so that a shell thread may read while
 * the governor thread appends.
 */
public final class DecisionLog {
    private final Decision[] ring;
    private long appended;

    /** A log keeping the last {@code capacity} decisions. */
    public DecisionLog(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity=" + capacity + " must be positive");
        }
        this.ring = new Decision[capacity];
    }

    synchronized void append(Decision decision) {
        ring[(int) (appended % ring.length)] = decision;
        appended++;
    }

    /** Decisions appended since creation (including overwritten ones). */
    public synchronized long appended() {
        return appended;
    }

    /** The last {@code n} decisions (fewer if fewer are kept), oldest first. */
    public synchronized List<Decision> last(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n=" + n + " must be >= 0");
        }
        int kept = (int) Math.min(appended, ring.length);
        int count = Math.min(n, kept);
        List<Decision> result = new ArrayList<>(count);
        for (long i = appended - count; i < appended; i++) {
            result.add(ring[(int) (i % ring.length)]);
        }
        return result;
    }
}
