package org.mempred.govern;

/**
 * The governor's counters since it started.
 *
 * @param ticks ticks run
 * @param predictions predictions made (valid or not)
 * @param fallbacks predictions discarded (invalid value or predictor exception): reactive only that tick
 * @param predictorFailures predictions that threw
 * @param proactiveCompactions background compactions run
 * @param proactiveBytesMoved bytes those compactions moved
 * @param rateLimited compactions asked for but refused by the rate limit
 * @param watchdogAlerts times the watchdog degraded the governor to reactive
 * @param recoveries times the predictor was re-initialised after a cool-down
 * @param degradedTicks ticks spent degraded
 * @param mode the mode now
 * @param escalation which step of the reserve's escalation served each refill
 */
public record GovernorStats(
        long ticks,
        long predictions,
        long fallbacks,
        long predictorFailures,
        long proactiveCompactions,
        long proactiveBytesMoved,
        long rateLimited,
        long watchdogAlerts,
        long recoveries,
        long degradedTicks,
        Mode mode,
        EscalationMix escalation) {

    /** Whether predictions steer compaction or the governor has fallen back to reactive. */
    public enum Mode {
        /** The policy decides (for predictive policies, from the predictor). */
        PREDICTIVE,
        /** The watchdog tripped: reactive only until the cool-down ends. */
        DEGRADED
    }
}
