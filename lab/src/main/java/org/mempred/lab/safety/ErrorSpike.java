package org.mempred.lab.safety;

import org.mempred.govern.Decision;
import org.mempred.govern.GovernorStats;
import org.mempred.lab.report.Phrase;

/**
 * A predictor accurate for 150 ticks (it forecasts the pressure now, which stays put) that then
 * forecasts 1.0: its error runs far above its own running error and trips the watchdog within
 * 100 ticks, with that reason logged. The label that trips it is handled before the tick's
 * prediction, so the tick that degrades predicts nothing.
 */
public record ErrorSpike() implements SafetyCase {
    private static final int CALM_TICKS = 150;
    private static final int MAX_TICKS = 100;

    @Override
    public String name() {
        return "watchdog: error far above the running error";
    }

    @Override
    public SafetyOutcome run() {
        FaultyPredictor predictor = new FaultyPredictor();
        SafetyRig rig = SafetyRig.of(predictor);
        for (int i = 0; i < CALM_TICKS; i++) {
            rig.tick();
        }
        predictor.value(1.0);
        int ticks = 0;
        while (rig.governor.stats().watchdogAlerts() == 0 && ticks < MAX_TICKS) {
            rig.tick();
            ticks++;
        }
        GovernorStats stats = rig.governor.stats();
        boolean alerted = stats.watchdogAlerts() == 1
                && stats.mode() == GovernorStats.Mode.DEGRADED
                && Double.isNaN(rig.governor.lastPrediction())
                && rig.governor.recentDecisions(1).stream()
                        .anyMatch(d -> d.action() == Decision.Action.DEGRADED
                                && d.reason().contains("far above running error"));
        long tickNanos = rig.governor.config().tickNanos();
        Phrase.Builder actual = Phrase.builder();
        if (alerted) {
            actual.text("Alert ").value(ticks * tickNanos / 1e9, 1).text(" s after the error began");
        } else {
            actual.text("no alert");
        }
        actual.text(" (alerts=").count(stats.watchdogAlerts()).text(")");
        return new SafetyOutcome(
                this, Phrase.words("Alert, degraded to reactive"), actual.build(), alerted, stats.watchdogAlerts());
    }
}
