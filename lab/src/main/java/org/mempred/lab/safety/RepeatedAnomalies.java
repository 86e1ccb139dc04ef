package org.mempred.lab.safety;

import java.util.List;
import org.mempred.govern.Decision;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.GovernorStats;
import org.mempred.lab.report.Phrase;

/**
 * A predictor that returns NaN at every tick: the configured number of anomalies within the
 * watchdog's window trips it, and the governor degrades to reactive.
 */
public record RepeatedAnomalies() implements SafetyCase {
    @Override
    public String name() {
        return "watchdog: " + GovernorConfig.DEFAULTS.anomalyLimit() + " anomalies within 10 s";
    }

    @Override
    public SafetyOutcome run() {
        SafetyRig rig = SafetyRig.of(new FaultyPredictor().value(Double.NaN));
        for (int i = 0; i < GovernorConfig.DEFAULTS.anomalyLimit(); i++) {
            rig.tick();
        }
        GovernorStats stats = rig.governor.stats();
        List<Decision> last = rig.governor.recentDecisions(1);
        boolean alerted = stats.watchdogAlerts() == 1
                && stats.mode() == GovernorStats.Mode.DEGRADED
                && !last.isEmpty()
                && last.get(0).action() == Decision.Action.DEGRADED;
        Phrase actual = Phrase.builder()
                .text((alerted ? "Alert, " : "no alert, ") + "mode " + stats.mode() + " (alerts=")
                .count(stats.watchdogAlerts())
                .text(")")
                .build();
        return new SafetyOutcome(
                this, Phrase.words("Alert, degraded to reactive"), actual, alerted, stats.watchdogAlerts());
    }
}
