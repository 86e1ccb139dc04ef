package org.mempred.lab.safety;

import org.mempred.lab.report.Phrase;

/**
 * What one run of a {@link SafetyCase} showed.
 *
 * @param safetyCase the case that ran
 * @param expected the behaviour the safety rules promise, in words
 * @param actual what happened, with the counters read back
 * @param passed whether {@code actual} is the promised behaviour
 * @param observed the case's main counter (fallbacks, alerts, failures, recoveries, or the most
 *     compactions in one second)
 */
public record SafetyOutcome(SafetyCase safetyCase, Phrase expected, Phrase actual, boolean passed, long observed) {
    /** The case's name. */
    public String name() {
        return safetyCase.name();
    }
}
