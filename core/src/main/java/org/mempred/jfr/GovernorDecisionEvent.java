package org.mempred.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Percentage;
import jdk.jfr.StackTrace;

/**
 * {@code mempred.GovernorDecision}: one entry of a governor's decision log (a tick's or a reserve
 * wake-up's decision), with its action, reason and the policy that made it. No stack trace: it is
 * always the governor's.
 */
@Name(GovernorDecisionEvent.NAME)
@Label("Governor Decision")
@Category({"mempred", "Governor"})
@Description("What a mempred governor decided at a tick or wake-up, and why")
@StackTrace(false)
public final class GovernorDecisionEvent extends Event {
    /** An event to fill and commit; the emitter creates one only while a recording wants it. */
    public GovernorDecisionEvent() {
        // fields are set by the emitter
    }

    /** The event's name, as {@code jfr print --events} takes it. */
    public static final String NAME = "mempred.GovernorDecision";

    private static final GovernorDecisionEvent PROBE = new GovernorDecisionEvent();

    @Label("Action")
    @Description("IDLE, COMPACT, RATE_LIMITED, FALLBACK, DEGRADED or RECOVERED")
    String action;

    @Label("Reason")
    String reason;

    @Label("Policy")
    String policy;

    @Label("Pressure")
    @Description("Used bytes over capacity at the decision")
    @Percentage
    double pressure;

    @Label("Prediction")
    @Description("The raw prediction, NaN when none was made or it was discarded")
    double prediction;

    /** Records one decision when a recording has the event enabled; allocates nothing otherwise. */
    public static void emit(String action, String reason, String policy, double pressure, double prediction) {
        if (!PROBE.isEnabled()) {
            return;
        }
        GovernorDecisionEvent event = new GovernorDecisionEvent();
        if (event.shouldCommit()) {
            event.action = action;
            event.reason = reason;
            event.policy = policy;
            event.pressure = pressure;
            event.prediction = prediction;
            event.commit();
        }
    }
}
