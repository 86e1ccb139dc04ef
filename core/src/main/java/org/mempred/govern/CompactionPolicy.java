package org.mempred.govern;

import org.mempred.heap.DirectCompaction;
import org.mempred.predict.Predictor;
import org.mempred.predict.Target;
import org.mempred.telemetry.Sample;

/**
 * Decides, at each governor tick, what background (proactive) compaction to ask for. Direct
 * (reactive) compaction in the allocation path is the heap's and always on; a policy only adds
 * compaction ahead of need, in one of two forms (see {@link Proposal}): a full compaction now, or
 * a reserve of contiguous free bytes that the governor keeps refilled on the heap's wake-ups. The
 * closed set of named policies is built by {@link Policies}.
 *
 * <p>Policies are called by one governor thread, once per tick, and may keep state (hysteresis).
 */
public sealed interface CompactionPolicy
        permits ReactivePolicy,
                PeriodicPolicy,
                LinuxPolicy,
                PredictivePolicy,
                ReservePolicy,
                DemandPolicy,
                VolumePolicy {
    /** The registry name, e.g. {@code "linux"}. */
    String name();

    /**
     * A fresh predictor for this policy, or {@code null} when it uses none. Called at start and
     * again when the watchdog's cool-down ends (re-initialisation).
     */
    default Predictor newPredictor() {
        return null;
    }

    /** What this policy's predictor forecasts (labels and accuracy follow it). */
    default Target target() {
        return Target.PEAK_PRESSURE;
    }

    /**
     * The horizon the policy looks over: its forecast's, and for every policy the span over which
     * its governor's escalation refills the byte allowance (default 5 s).
     */
    default long horizonNanos() {
        return org.mempred.predict.PredictorConfig.DEFAULT_HORIZON_NANOS;
    }

    /** The form of direct compaction the heap should run under this policy. */
    default DirectCompaction directCompaction() {
        return DirectCompaction.EVACUATE;
    }

    /**
     * The proposal for this tick.
     *
     * @param sample telemetry of this tick
     * @param prediction the forecast of the policy's {@link #target()}, valid (in [0, 1]); NaN
     *     when the policy has no predictor
     * @param recentError the predictor's recent mean absolute error (0 before any label)
     */
    Proposal decide(Sample sample, double prediction, double recentError);

    /**
     * What a policy proposes, with its reason.
     *
     * @param action what to do
     * @param targetBytes for {@link Action#RESERVE}, the contiguous free bytes to keep (0 = none)
     * @param marginBytes for {@link Action#RESERVE}, the free bytes beyond the target without which
     *     no wake-up is raised
     * @param budgetBytes the most bytes one compaction for this proposal may move
     * @param expectedBytes for {@link Action#RESERVE}, a surge the policy expects within its
     *     horizon: its forecast of the largest request (without the margin of error; for
     *     {@code reserve}, which has no forecast, its target) when that is at least twice every
     *     request of the last horizon, else 0. The escalation's full compaction runs only when this would not
     *     fit the largest free block
     * @param refillBytes for {@link Action#RESERVE}, a free block the policy wants now, at this
     *     tick, beyond the reserve (0: none): the contiguous capacity a forecast volume needs until
     *     the next opportunity to compact. The governor refills it once through the escalation,
     *     with a surge expected, and then keeps the reserve of {@code targetBytes} as usual
     * @param reason why, in words, for the decision log
     */
    record Proposal(
            Action action,
            int targetBytes,
            int marginBytes,
            long budgetBytes,
            int expectedBytes,
            int refillBytes,
            String reason) {
        /** Compact fully, because {@code reason}. */
        public static Proposal compact(String reason) {
            return new Proposal(Action.COMPACT, 0, 0, Long.MAX_VALUE, 0, 0, reason);
        }

        /** Do nothing, because {@code reason}. */
        public static Proposal idle(String reason) {
            return new Proposal(Action.IDLE, 0, 0, 0, 0, 0, reason);
        }

        /**
         * Keep {@code targetBytes} contiguous free, waking only while at least {@code marginBytes}
         * more are free, and compacting at most twice the target per run (a window of the target
         * never holds more live bytes than its own size plus one straddling block); a request of
         * the target is expected.
         */
        public static Proposal reserve(int targetBytes, int marginBytes, String reason) {
            return reserve(targetBytes, marginBytes, targetBytes, reason);
        }

        /** As {@link #reserve(int, int, String)}, expecting a surge of {@code expectedBytes} (0: none). */
        public static Proposal reserve(int targetBytes, int marginBytes, int expectedBytes, String reason) {
            return new Proposal(Action.RESERVE, targetBytes, marginBytes, 2L * targetBytes, expectedBytes, 0, reason);
        }

        /** This reserve, with a block of {@code bytes} wanted now (see {@link #refillBytes}). */
        public Proposal withRefill(int bytes) {
            return new Proposal(action, targetBytes, marginBytes, budgetBytes, expectedBytes, bytes, reason);
        }

        /** The proposal the escalation runs for the block wanted now: that block as target, a surge expected. */
        Proposal refillNow() {
            return new Proposal(Action.RESERVE, refillBytes, 0, 2L * refillBytes, refillBytes, 0, reason);
        }

        /** Whether this proposal asks for a full compaction now. */
        public boolean compact() {
            return action == Action.COMPACT;
        }
    }

    /** The three things a policy can ask for. */
    enum Action {
        /** Nothing ahead of need. */
        IDLE,
        /** A full (sliding) compaction now. */
        COMPACT,
        /** A reserve of contiguous free bytes, refilled by evacuation on the heap's wake-ups. */
        RESERVE
    }
}
