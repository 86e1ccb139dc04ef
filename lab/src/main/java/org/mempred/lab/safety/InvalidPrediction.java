package org.mempred.lab.safety;

import java.util.List;
import org.mempred.govern.Decision;
import org.mempred.govern.GovernorStats;
import org.mempred.lab.report.Phrase;

/**
 * An invalid forecast ({@code value}: outside [0, 1], NaN or infinite) is discarded: one fallback,
 * logged as such with its reason, the tick is reactive, and nothing compacts.
 *
 * @param name the case as the report names it
 * @param value the forecast the predictor returns
 */
public record InvalidPrediction(String name, double value) implements SafetyCase {
    @Override
    public SafetyOutcome run() {
        SafetyRig rig = SafetyRig.of(new FaultyPredictor().value(value));
        rig.tick();
        GovernorStats stats = rig.governor.stats();
        List<Decision> last = rig.governor.recentDecisions(1);
        boolean fellBack = stats.fallbacks() == 1
                && stats.proactiveCompactions() == 0
                && rig.heap.stats().compactions() == 0
                && !last.isEmpty()
                && last.get(0).action() == Decision.Action.FALLBACK
                && last.get(0).reason().contains("invalid prediction");
        Phrase actual = Phrase.builder()
                .text((fellBack ? "Fallback" : "no fallback") + " (fallbacks=")
                .count(stats.fallbacks())
                .text(", proactive compactions=")
                .count(stats.proactiveCompactions())
                .text(")")
                .build();
        return new SafetyOutcome(
                this, Phrase.words("Fallback (discarded, reactive this tick)"), actual, fellBack, stats.fallbacks());
    }
}
