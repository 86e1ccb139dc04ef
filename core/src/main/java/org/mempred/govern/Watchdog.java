package org.mempred.govern;

/**
 * Watches a predictor and trips when it misbehaves (docs/design.md "One governor tick"):
 *
 * <ul>
 *   <li><b>anomalies</b> — invalid predictions, predictor exceptions, predictions over the latency
 *       budget — at least {@code anomalyLimit} of them within {@code anomalyWindowNanos};
 *   <li><b>error</b> — the recent absolute error (EMA, α = 0.2, about the last ten labels) above
 *       {@code errorRatioLimit} times the predictor's own long-run absolute error (the mean over
 *       every label it has had) plus {@code errorSlack}, once 60 labels (30 s of ticks) have been
 *       seen: a cold model's first guesses set its own standard rather than tripping the alarm, and
 *       what trips it is a model that became much worse than it has been.
 * </ul>
 *
 * Tripping puts the governor in degraded (reactive) mode until {@code cooldownNanos} have passed;
 * then the caller re-initialises the predictor and calls {@link #reset}. Anomaly times are kept in
 * a ring of {@code anomalyLimit} entries: O(1) per event, no allocation.
 */
final class Watchdog {
    private static final double FAST_ALPHA = 0.2;
    private static final int ERROR_WARMUP_LABELS = 60;

    private final GovernorConfig config;
    private final long[] anomalyTimes;
    private int anomalyCount;
    private int labels;
    private double fastError;
    private double slowError;
    private boolean tripped;
    private long degradedUntilNanos;
    private String reason = "";

    Watchdog(GovernorConfig config) {
        this.config = config;
        this.anomalyTimes = new long[config.anomalyLimit()];
    }

    /** Records an anomaly; returns true when this one trips the watchdog. */
    boolean anomaly(long nowNanos, String what) {
        anomalyTimes[anomalyCount % anomalyTimes.length] = nowNanos;
        anomalyCount++;
        if (anomalyCount >= anomalyTimes.length) {
            long oldest = anomalyTimes[anomalyCount % anomalyTimes.length];
            if (nowNanos - oldest <= config.anomalyWindowNanos()) {
                return trip(
                        nowNanos,
                        anomalyTimes.length + " anomalies within " + config.anomalyWindowNanos() / 1_000_000
                                + " ms, last: " + what);
            }
        }
        return false;
    }

    /** Records the absolute error of one labelled prediction; returns true when it trips. */
    boolean error(long nowNanos, double absoluteError) {
        labels++;
        if (labels == 1) {
            fastError = absoluteError;
            slowError = absoluteError;
            return false;
        }
        fastError += FAST_ALPHA * (absoluteError - fastError);
        slowError += (absoluteError - slowError) / labels;
        if (labels >= ERROR_WARMUP_LABELS && fastError > config.errorRatioLimit() * slowError + config.errorSlack()) {
            return trip(
                    nowNanos, String.format("recent error %.3f far above running error %.3f", fastError, slowError));
        }
        return false;
    }

    private boolean trip(long nowNanos, String why) {
        if (tripped) {
            return false;
        }
        tripped = true;
        degradedUntilNanos = nowNanos + config.cooldownNanos();
        reason = why;
        return true;
    }

    /** Whether the cool-down is over at {@code nowNanos}. */
    boolean cooledDown(long nowNanos) {
        return tripped && nowNanos >= degradedUntilNanos;
    }

    /** Why it last tripped. */
    String reason() {
        return reason;
    }

    /** Forgets everything: a fresh predictor starts with a clean record. */
    void reset() {
        tripped = false;
        anomalyCount = 0;
        labels = 0;
        fastError = 0;
        slowError = 0;
    }
}
