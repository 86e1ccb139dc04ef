package org.mempred.govern;

import org.mempred.telemetry.Sample;

/**
 * {@code reserve}: keeps a reserve of contiguous free space as large as the largest request seen
 * so far, refilled by evacuation whenever the heap wakes the governor — no forecast at all. It is
 * the baseline every demand forecast must beat: a forecast is worth having only if it sizes the
 * reserve better (fewer OOM events, or fewer bytes moved for as many) than this running maximum.
 *
 * <p>Having no forecast, it expects a surge of its target whenever the last horizon asked for
 * less than half of it: only then may its escalation run a full compaction (see
 * {@link ReserveEscalation} and {@link RecentLargest}).
 */
public final class ReservePolicy implements CompactionPolicy {
    private final String name;
    private final double marginFraction;
    private final RecentLargest recent;
    private final long horizonNanos;
    private long largestBytes;

    /**
     * {@code reserve}, waking while at least {@code marginFraction} times the reserve more is free,
     * judging surges against the last {@code horizonNanos}.
     */
    public ReservePolicy(String name, double marginFraction, long horizonNanos) {
        this.name = name;
        this.marginFraction = DemandPolicy.checkMargin(name, marginFraction);
        this.recent = new RecentLargest(horizonNanos);
        this.horizonNanos = horizonNanos;
    }

    @Override
    public long horizonNanos() {
        return horizonNanos;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Proposal decide(Sample sample, double prediction, double recentError) {
        int target = (int) Math.min(
                sample.capacityBytes(), Math.max(largestBytes, sample.requests().largestBytes()));
        int expected = recent.surge(sample.timeNanos(), target);
        recent.add(sample.timeNanos(), sample.requests().largestBytes());
        largestBytes = Math.max(largestBytes, sample.requests().largestBytes());
        return target == 0
                ? Proposal.idle("reserve: no request seen yet")
                : Proposal.reserve(
                        target,
                        (int) (marginFraction * target),
                        expected,
                        "reserve: largest request so far " + target + " B");
    }
}
