package org.mempred.govern;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mempred.jfr.GovernorDecisionEvent;

/**
 * Bounded ring buffer of the most recent {@link Decision}s. Appending is O(1); once full, the
 * oldest entry is overwritten. Guarded by its own monitor so that a shell thread may read while
 * the governor thread appends. Each decision appended is also recorded as a
 * {@code mempred.GovernorDecision} flight-recorder event ({@link GovernorDecisionEvent}) with the
 * policy's name, when a recording has that enabled.
 */
public final class DecisionLog {
    private final Decision[] ring;
    private final String policy;
    private long appended;

    /** A log keeping the last {@code capacity} decisions, of no named policy. */
    public DecisionLog(int capacity) {
        this(capacity, "");
    }

    /** A log keeping the last {@code capacity} decisions of the policy named {@code policy}. */
    public DecisionLog(int capacity, String policy) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity=" + capacity + " must be positive");
        }
        this.ring = new Decision[capacity];
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    synchronized void append(Decision decision) {
        ring[(int) (appended % ring.length)] = decision;
        appended++;
        GovernorDecisionEvent.emit(
                decision.action().name(), decision.reason(), policy, decision.pressure(), decision.prediction());
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
