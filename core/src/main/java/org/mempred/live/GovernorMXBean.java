package org.mempred.live;

/** JMX view of the live governor, registered as {@code org.mempred:type=Governor}. */
public interface GovernorMXBean {
    /** The policy running. */
    String getPolicy();

    /** PREDICTIVE or DEGRADED. */
    String getMode();

    /** Whether the autonomy loop runs. */
    boolean isAutonomy();

    /** Predictions made. */
    long getPredictions();

    /** Predictions discarded (fallback to reactive). */
    long getFallbacks();

    /** Watchdog alerts. */
    long getWatchdogAlerts();

    /** Background compactions. */
    long getCompactionsProactive();

    /** Accuracy of labelled predictions, NaN before the first label or without a predictor. */
    double getAccuracy();

    /**
     * Switches the policy (unknown names are refused with the valid ones listed). With
     * {@link #getPolicy} this makes {@code Policy} a writable attribute, as JMX names it.
     */
    void setPolicy(String name);

    /** Runs {@code epochs} offline epochs over the recorded labels; returns a summary line. */
    String train(int epochs);
}
