package org.mempred.govern;

/**
 * One governor tick's decision, with its reason, for the decision log.
 *
 * @param timeNanos clock time of the tick
 * @param pressure heap pressure at the tick
 * @param prediction the raw prediction, NaN when none was made or it was discarded
 * @param action what the governor did
 * @param reason why, in words
 */
public record Decision(long timeNanos, double pressure, double prediction, Action action, String reason) {

    /** What a tick did. */
    public enum Action {
        /** Nothing to do. */
        IDLE,
        /** Ran a background (proactive) compaction. */
        COMPACT,
        /** A compaction was asked for but the rate limit refused it. */
        RATE_LIMITED,
        /** The prediction was discarded (invalid, or the predictor threw); reactive only this tick. */
        FALLBACK,
        /** The watchdog has the governor degraded to reactive. */
        DEGRADED,
        /** The watchdog's cool-down ended: the predictor was re-initialised. */
        RECOVERED
    }
}
