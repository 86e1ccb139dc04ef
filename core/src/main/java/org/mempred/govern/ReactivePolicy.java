package org.mempred.govern;

import org.mempred.heap.DirectCompaction;
import org.mempred.telemetry.Sample;

/**
 * {@code reactive}: never compacts ahead of need; direct compaction in the allocation path only —
 * an evacuation for the failed request's size. The baseline. {@code reactive-slide} is the same
 * with the simpler direct compaction, a budgeted slide from address 0, so that every report shows
 * what evacuation itself changes against sliding.
 */
public final class ReactivePolicy implements CompactionPolicy {
    private final DirectCompaction direct;
    private final Proposal idle;

    /** {@code reactive}: direct evacuation. */
    public ReactivePolicy() {
        this(DirectCompaction.EVACUATE);
    }

    /** {@code reactive} or {@code reactive-slide}, by the form of direct compaction. */
    public ReactivePolicy(DirectCompaction direct) {
        this.direct = direct;
        this.idle = Proposal.idle(name() + ": direct compaction only");
    }

    @Override
    public String name() {
        return direct == DirectCompaction.EVACUATE ? Policies.REACTIVE : Policies.REACTIVE_SLIDE;
    }

    @Override
    public DirectCompaction directCompaction() {
        return direct;
    }

    @Override
    public Proposal decide(Sample sample, double prediction, double recentError) {
        return idle;
    }
}
