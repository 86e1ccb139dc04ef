package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.mempred.govern.Decision;
import org.mempred.govern.Governor;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.GovernorStats;
import org.mempred.govern.PredictivePolicy;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.Handles;
import org.mempred.lab.VirtualClock;
import org.mempred.predict.PredictorConfig;

/**
 * Runs the safety cases of docs/design.md "One governor tick" against a real {@link Governor} on a virtual clock and a
 * real 100 KiB heap, with a {@link FaultyPredictor} injecting the fault. Each case returns what
 * was expected, what actually happened (read back from the governor's counters, mode and
 * decision log) and whether that passes. Nothing is asserted in advance: a failing case is
 * reported as FAIL, never thrown.
 */
final class SafetyCases {
    private static final long TICK_NANOS = GovernorConfig.DEFAULTS.tickNanos();

    private SafetyCases() {}

    /** One case's outcome. */
    record Outcome(String name, String expected, String actual, boolean passed, long observed) {}

    static List<Outcome> runAll() {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(invalid("prediction out of bounds (1.5)", 1.5));
        outcomes.add(invalid("prediction out of bounds (-0.5)", -0.5));
        outcomes.add(invalid("NaN prediction", Double.NaN));
        outcomes.add(invalid("+infinite prediction", Double.POSITIVE_INFINITY));
        outcomes.add(invalid("-infinite prediction", Double.NEGATIVE_INFINITY));
        outcomes.add(RateLimitCase.run());
        outcomes.add(anomalies());
        outcomes.add(errorSpike());
        outcomes.addAll(throwing());
        return outcomes;
    }

    /** A governor over a heap filled to about half, driven by {@code predictor}. */
    private record Rig(CompactingHeap heap, VirtualClock clock, Governor governor) {
        static Rig of(FaultyPredictor[] holder, GovernorConfig config) {
            CompactingHeap heap = new CompactingHeap(Context.HEAP_BYTES);
            for (int i = 0; i < 200; i++) {
                heap.tryAllocate(256, AllocationMode.ATOMIC);
            }
            VirtualClock clock = new VirtualClock();
            PredictivePolicy policy = new PredictivePolicy(
                    "faulty",
                    () -> holder[0],
                    PredictivePolicy.DEFAULT_THRESHOLD_PRESSURE,
                    PredictivePolicy.DEFAULT_MIN_FRAGMENTATION);
            return new Rig(heap, clock, new Governor(heap, clock, policy, config));
        }

        /** Advances one tick and runs it. */
        void tick() {
            clock.advanceBy(governor.config().tickNanos());
            governor.tick();
        }
    }

    private static FaultyPredictor[] predictor() {
        return new FaultyPredictor[] {new FaultyPredictor(PredictorConfig.DEFAULT_HORIZON_NANOS)};
    }

    private static Outcome invalid(String name, double value) {
        FaultyPredictor[] holder = predictor();
        holder[0].value(value);
        Rig rig = Rig.of(holder, GovernorConfig.DEFAULTS);
        rig.tick();
        GovernorStats stats = rig.governor.stats();
        List<Decision> last = rig.governor.recentDecisions(1);
        boolean fellBack = stats.fallbacks() == 1
                && stats.proactiveCompactions() == 0
                && !last.isEmpty()
                && last.get(0).action() == Decision.Action.FALLBACK;
        String actual = (fellBack ? "Fallback" : "no fallback") + " (fallbacks=" + stats.fallbacks()
                + ", proactive compactions=" + stats.proactiveCompactions() + ")";
        return new Outcome(name, "Fallback (discarded, reactive this tick)", actual, fellBack, stats.fallbacks());
    }

    /** Three NaN predictions within 10 s trip the watchdog. */
    private static Outcome anomalies() {
        FaultyPredictor[] holder = predictor();
        holder[0].value(Double.NaN);
        Rig rig = Rig.of(holder, GovernorConfig.DEFAULTS);
        for (int i = 0; i < GovernorConfig.DEFAULTS.anomalyLimit(); i++) {
            rig.tick();
        }
        GovernorStats stats = rig.governor.stats();
        boolean alerted = stats.watchdogAlerts() == 1 && stats.mode() == GovernorStats.Mode.DEGRADED;
        return new Outcome(
                "watchdog: " + GovernorConfig.DEFAULTS.anomalyLimit() + " anomalies within 10 s",
                "Alert, degraded to reactive",
                (alerted ? "Alert, " : "no alert, ") + "mode " + stats.mode() + " (alerts=" + stats.watchdogAlerts()
                        + ")",
                alerted,
                stats.watchdogAlerts());
    }

    /** A predictor accurate for a minute that suddenly errs by far more trips the error watchdog. */
    private static Outcome errorSpike() {
        FaultyPredictor[] holder = predictor();
        Rig rig = Rig.of(holder, GovernorConfig.DEFAULTS);
        int calmTicks = 150;
        for (int i = 0; i < calmTicks; i++) {
            rig.tick();
        }
        holder[0].value(1.0);
        int ticks = 0;
        while (rig.governor.stats().watchdogAlerts() == 0 && ticks < 100) {
            rig.tick();
            ticks++;
        }
        GovernorStats stats = rig.governor.stats();
        boolean alerted = stats.watchdogAlerts() == 1 && stats.mode() == GovernorStats.Mode.DEGRADED;
        return new Outcome(
                "watchdog: error far above the running error",
                "Alert, degraded to reactive",
                (alerted ? "Alert " + ticks * TICK_NANOS / 1_000_000_000.0 + " s after the error began" : "no alert")
                        + " (alerts=" + stats.watchdogAlerts() + ")",
                alerted,
                stats.watchdogAlerts());
    }

    /** A throwing predictor: degraded, the heap still serves, recovery after the cool-down. */
    private static List<Outcome> throwing() {
        FaultyPredictor[] holder = predictor();
        holder[0].behave(FaultyPredictor.Behaviour.THROW);
        Rig rig = Rig.of(holder, GovernorConfig.DEFAULTS);
        int served = 0;
        int attempts = 0;
        for (int i = 0; i < GovernorConfig.DEFAULTS.anomalyLimit() + 4; i++) {
            rig.tick();
            long handle = rig.heap.tryAllocate(64, AllocationMode.MAY_COMPACT);
            attempts++;
            if (handle != Handles.NONE) {
                served++;
                rig.heap.free(handle);
            }
        }
        GovernorStats degraded = rig.governor.stats();
        boolean degradedOk = degraded.mode() == GovernorStats.Mode.DEGRADED
                && degraded.predictorFailures() == GovernorConfig.DEFAULTS.anomalyLimit()
                && served == attempts;
        Outcome failure = new Outcome(
                "predictor throws",
                "Reactive mode (degraded), heap still serves",
                (degradedOk ? "Reactive" : "not degraded") + " (failures=" + degraded.predictorFailures() + ", mode "
                        + degraded.mode() + ", " + served + " of " + attempts + " allocations served)",
                degradedOk,
                degraded.predictorFailures());
        holder[0] = new FaultyPredictor(PredictorConfig.DEFAULT_HORIZON_NANOS);
        long ticks = GovernorConfig.DEFAULTS.cooldownNanos() / TICK_NANOS + 2;
        for (long i = 0; i < ticks; i++) {
            rig.tick();
        }
        GovernorStats after = rig.governor.stats();
        boolean recovered = after.recoveries() == 1 && after.mode() == GovernorStats.Mode.PREDICTIVE;
        Outcome recovery = new Outcome(
                "recovery after the " + GovernorConfig.DEFAULTS.cooldownNanos() / 1_000_000_000L + " s cool-down",
                "Predictive again, predictor re-initialised",
                (recovered ? "Predictive" : "still degraded") + " (recoveries=" + after.recoveries() + ", mode "
                        + after.mode() + ")",
                recovered,
                after.recoveries());
        return List.of(failure, recovery);
    }
}
