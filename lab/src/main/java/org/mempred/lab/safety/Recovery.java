package org.mempred.lab.safety;

import org.mempred.govern.Decision;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.GovernorStats;
import org.mempred.lab.report.Phrase;

/**
 * After a throwing predictor degraded the governor ({@link PredictorThrows}), the cool-down passes
 * (ticks spent reactive meanwhile) and the governor re-initialises its predictor (a well-behaved one this time) and is predictive
 * again: one recovery, logged, and a second predictor asked of the policy.
 */
public record Recovery() implements SafetyCase {
    private static final int DECISIONS_SEARCHED = 50;

    @Override
    public String name() {
        return "recovery after the " + GovernorConfig.DEFAULTS.cooldownNanos() / 1_000_000_000L + " s cool-down";
    }

    @Override
    public SafetyOutcome run() {
        SafetyRig rig = SafetyRig.of(new FaultyPredictor().behave(FaultyPredictor.Behaviour.THROW));
        PredictorThrows.throwUntilDegraded(rig);
        rig.nextPredictor(new FaultyPredictor());
        long ticks =
                GovernorConfig.DEFAULTS.cooldownNanos() / rig.governor.config().tickNanos() + 2;
        for (long i = 0; i < ticks; i++) {
            rig.tick();
        }
        GovernorStats stats = rig.governor.stats();
        boolean recovered = stats.degradedTicks() > 0
                && stats.recoveries() == 1
                && stats.mode() == GovernorStats.Mode.PREDICTIVE
                && rig.predictorsMade() == 2
                && rig.governor.recentDecisions(DECISIONS_SEARCHED).stream()
                        .anyMatch(d -> d.action() == Decision.Action.RECOVERED);
        Phrase actual = Phrase.builder()
                .text((recovered ? "Predictive" : "still degraded") + " (recoveries=")
                .count(stats.recoveries())
                .text(", mode " + stats.mode() + ")")
                .build();
        return new SafetyOutcome(
                this,
                Phrase.words("Predictive again, predictor re-initialised"),
                actual,
                recovered,
                stats.recoveries());
    }
}
