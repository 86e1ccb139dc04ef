package org.mempred.govern;

import org.mempred.telemetry.Sample;

/**
 * {@code periodic}: a full background compaction at every tick — the simplest proactive policy,
 * and a strong one when churn re-fragments the heap quickly. It buys the fewest fragmentation
 * failures with the most bytes moved, which is the other end of the Pareto front.
 */
public final class PeriodicPolicy implements CompactionPolicy {
    private static final Proposal COMPACT = Proposal.compact("periodic: every tick");

    /** The policy; it keeps no state. */
    public PeriodicPolicy() {}

    @Override
    public String name() {
        return Policies.PERIODIC;
    }

    @Override
    public Proposal decide(Sample sample, double prediction, double recentError) {
        return COMPACT;
    }
}
