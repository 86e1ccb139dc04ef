package org.mempred.govern;

/**
 * Which step of the reserve's escalation served each answered wake-up or tick whose reserve was
 * short (see {@link ReserveEscalation}); rate-limited ones are counted apart, as
 * {@link GovernorStats#rateLimited()}.
 *
 * @param window served by one window (the plain evacuation)
 * @param windows served by the wide search over several windows
 * @param range served by a bounded slide of the cheapest range
 * @param full served by a full compaction
 * @param unserved no step made the block (or none was allowed)
 */
public record EscalationMix(long window, long windows, long range, long full, long unserved) {
    /** No refill yet. */
    public static final EscalationMix NONE = new EscalationMix(0, 0, 0, 0, 0);

    /** Every refill counted. */
    public long total() {
        return window + windows + range + full + unserved;
    }
}
