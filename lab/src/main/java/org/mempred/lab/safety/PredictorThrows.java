package org.mempred.lab.safety;

import org.mempred.govern.GovernorConfig;
import org.mempred.govern.GovernorStats;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.Handles;
import org.mempred.lab.report.Phrase;

/**
 * A predictor that throws at every tick: each failure is caught and counted, the watchdog trips
 * after the configured number and degrades the governor to reactive, and the heap serves every
 * request meanwhile (one 64-byte allocation and its free after each tick).
 */
public record PredictorThrows() implements SafetyCase {
    private static final int REQUEST_BYTES = 64;

    /** Allocations served of those attempted while the predictor threw. */
    record Served(int served, int attempts) {}

    @Override
    public String name() {
        return "predictor throws";
    }

    @Override
    public SafetyOutcome run() {
        SafetyRig rig = SafetyRig.of(new FaultyPredictor().behave(FaultyPredictor.Behaviour.THROW));
        Served requests = throwUntilDegraded(rig);
        GovernorStats stats = rig.governor.stats();
        boolean degraded = stats.mode() == GovernorStats.Mode.DEGRADED
                && stats.predictorFailures() == GovernorConfig.DEFAULTS.anomalyLimit()
                && stats.watchdogAlerts() == 1
                && requests.served() == requests.attempts();
        Phrase actual = Phrase.builder()
                .text((degraded ? "Reactive" : "not degraded") + " (failures=")
                .count(stats.predictorFailures())
                .text(", mode " + stats.mode() + ", ")
                .count(requests.served())
                .text(" of ")
                .count(requests.attempts())
                .text(" allocations served)")
                .build();
        return new SafetyOutcome(
                this,
                Phrase.words("Reactive mode (degraded), heap still serves"),
                actual,
                degraded,
                stats.predictorFailures());
    }

    /** Ticks a rig whose predictor throws past the watchdog's limit, asking the heap for a block after each tick. */
    static Served throwUntilDegraded(SafetyRig rig) {
        int served = 0;
        int attempts = 0;
        for (int i = 0; i < GovernorConfig.DEFAULTS.anomalyLimit() + 4; i++) {
            rig.tick();
            long handle = rig.heap.tryAllocate(REQUEST_BYTES, AllocationMode.MAY_COMPACT);
            attempts++;
            if (handle != Handles.NONE) {
                served++;
                rig.heap.free(handle);
            }
        }
        return new Served(served, attempts);
    }
}
