package org.mempred.govern;

/**
 * Settings of the autonomy loop and its safety limits. The prediction horizon is not one of them:
 * it is the predictor's ({@code PredictorConfig.horizonNanos}), and the governor reads it from the
 * predictor it runs, so the two cannot disagree.
 *
 * @param tickNanos time between ticks (default 500 ms)
 * @param maxCompactionsPerSecond rate limit on compactions the governor starts (default 10)
 * @param anomalyLimit watchdog: this many anomalies (invalid predictions, predictor exceptions,
 *     latency overruns) within {@code anomalyWindowNanos} degrade to reactive (default 3 in 10 s)
 * @param anomalyWindowNanos the window of {@code anomalyLimit}
 * @param errorRatioLimit watchdog: recent absolute error above this multiple of the predictor's
 *     own long-run absolute error (plus {@code errorSlack}) degrades to reactive (default 4)
 * @param errorSlack absolute error allowance added to the long-run error (default 0.05)
 * @param predictLatencyBudgetNanos watchdog: a prediction taking longer than this on the
 *     governor's clock is an anomaly (default 1 ms)
 * @param cooldownNanos time spent degraded before the predictor is re-initialised (default 30 s)
 * @param logCapacity decisions kept in the log (default 256)
 */
public record GovernorConfig(
        long tickNanos,
        int maxCompactionsPerSecond,
        int anomalyLimit,
        long anomalyWindowNanos,
        double errorRatioLimit,
        double errorSlack,
        long predictLatencyBudgetNanos,
        long cooldownNanos,
        int logCapacity) {

    /** The design's defaults. */
    public static final GovernorConfig DEFAULTS =
            new GovernorConfig(500_000_000L, 10, 3, 10_000_000_000L, 4.0, 0.05, 1_000_000L, 30_000_000_000L, 256);

    /** Validates every setting. */
    public GovernorConfig {
        requirePositive("tickNanos", tickNanos);
        requirePositive("maxCompactionsPerSecond", maxCompactionsPerSecond);
        requirePositive("anomalyLimit", anomalyLimit);
        requirePositive("anomalyWindowNanos", anomalyWindowNanos);
        requirePositive("predictLatencyBudgetNanos", predictLatencyBudgetNanos);
        requirePositive("cooldownNanos", cooldownNanos);
        requirePositive("logCapacity", logCapacity);
        if (!(errorRatioLimit > 1.0) || !(errorSlack >= 0.0)) {
            throw new IllegalArgumentException("errorRatioLimit=" + errorRatioLimit + " must be > 1 and errorSlack="
                    + errorSlack + " must be >= 0");
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + "=" + value + " must be positive");
        }
    }

    /** A copy with another tick interval. */
    public GovernorConfig withTickNanos(long nanos) {
        return new GovernorConfig(
                nanos,
                maxCompactionsPerSecond,
                anomalyLimit,
                anomalyWindowNanos,
                errorRatioLimit,
                errorSlack,
                predictLatencyBudgetNanos,
                cooldownNanos,
                logCapacity);
    }

    /** A copy with another cool-down. */
    public GovernorConfig withCooldownNanos(long nanos) {
        return new GovernorConfig(
                tickNanos,
                maxCompactionsPerSecond,
                anomalyLimit,
                anomalyWindowNanos,
                errorRatioLimit,
                errorSlack,
                predictLatencyBudgetNanos,
                nanos,
                logCapacity);
    }
}
