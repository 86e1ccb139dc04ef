package org.mempred.govern;

import org.mempred.predict.Predictor;
import org.mempred.telemetry.Sample;

/**
 * Decides, at each governor tick, whether to run a background (proactive) compaction. Direct
 * (reactive) compaction in the allocation path is the heap's and always on; a policy only adds
 * compaction ahead of need. The closed set of named policies is built by {@link Policies}.
 *
 * <p>Policies are called by one governor thread, once per tick, and may keep state (hysteresis).
 */
public sealed interface CompactionPolicy permits ReactivePolicy, PeriodicPolicy, LinuxPolicy, PredictivePolicy {
    /** The registry name, e.g. {@code "linux"}. */
    String name();

    /**
     * A fresh predictor for this policy, or {@code null} when it uses none. Called at start and
     * again when the watchdog's cool-down ends (re-initialisation).
     */
    default Predictor newPredictor() {
        return null;
    }

    /**
     * The proposal for this tick.
     *
     * @param sample telemetry of this tick
     * @param prediction the predicted peak pressure over the horizon, valid (in [0, 1]); NaN when
     *     the policy has no predictor
     */
    Proposal decide(Sample sample, double prediction);

    /**
     * What a policy proposes, with its reason.
     *
     * @param compact whether to compact now
     * @param reason why, in words, for the decision log
     */
    record Proposal(boolean compact, String reason) {
        /** Compact, because {@code reason}. */
        public static Proposal compact(String reason) {
            return new Proposal(true, reason);
        }

        /** Do nothing, because {@code reason}. */
        public static Proposal idle(String reason) {
            return new Proposal(false, reason);
        }
    }
}
