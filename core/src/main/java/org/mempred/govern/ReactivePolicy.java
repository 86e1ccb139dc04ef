package org.mempred.govern;

import org.mempred.telemetry.Sample;

/** {@code reactive}: never compacts ahead of need; direct compaction in the allocation path only. The baseline. */
public final class ReactivePolicy implements CompactionPolicy {
    private static final Proposal IDLE = Proposal.idle("reactive: direct compaction only");

    @Override
    public String name() {
        return Policies.REACTIVE;
    }

    @Override
    public Proposal decide(Sample sample, double prediction) {
        return IDLE;
    }
}
