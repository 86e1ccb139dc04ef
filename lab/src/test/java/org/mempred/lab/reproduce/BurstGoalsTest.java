package org.mempred.lab.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mempred.govern.Policies;
import org.mempred.lab.experiment.Metric;

/** The escalation's goals and the forecast's verdict are computed from the per-seed figures given. */
class BurstGoalsTest {
    private static final String HOLT = "holt";
    private static final String NEURAL = "neural";

    private final Map<String, double[]> values = new HashMap<>();
    private final BurstGoals.Figures figures = (policy, metric) -> {
        double[] found = values.get(policy + " " + metric.key());
        return found == null ? new double[] {0, 0, 0, 0} : found;
    };

    private void put(String policy, Metric metric, double... perSeed) {
        values.put(policy + " " + metric.key(), perSeed);
    }

    private void baselines() {
        put(Policies.PERIODIC, Metric.OOM_EVENTS, 10, 11, 9, 10);
        put(Policies.PERIODIC, Metric.BYTES_MOVED, 1000, 1000, 1000, 1000);
        put(Policies.REACTIVE, Metric.OOM_EVENTS, 40, 42, 38, 40);
        put(Policies.REACTIVE, Metric.BYTES_MOVED, 10, 10, 10, 10);
    }

    @Test
    void eachGoalIsJudgedOnItsOwnFigure() {
        baselines();
        put(Policies.RESERVE, Metric.OOM_EVENTS, 11, 11, 10, 11); // mean 10.75: at most 1.1 x 10 + 1
        put(Policies.RESERVE, Metric.BYTES_MOVED, 90, 80, 70, 80); // 8 % of periodic's
        put(HOLT, Metric.OOM_EVENTS, 10, 10, 10, 10);
        put(HOLT, Metric.BYTES_MOVED, 300, 300, 300, 300); // 30 %: too many bytes
        put(NEURAL, Metric.OOM_EVENTS, 50, 53, 49, 52); // significantly more than reactive
        put(NEURAL, Metric.BYTES_MOVED, 10, 10, 10, 10);

        List<BurstGoals.Standing> standings = BurstGoals.standings(List.of(Policies.RESERVE, HOLT, NEURAL), figures);

        assertThat(standings.get(0).meetsAll()).isTrue();
        assertThat(standings.get(0).oomRatio()).isEqualTo(1.075);
        assertThat(standings.get(0).bytesShare()).isEqualTo(0.08);
        assertThat(standings.get(1).oomGoal()).isTrue();
        assertThat(standings.get(1).bytesGoal()).isFalse();
        assertThat(standings.get(2).oomGoal()).isFalse();
        assertThat(standings.get(2).reactiveGoal()).isFalse();
        assertThat(BurstGoals.verdict("w", standings))
                .isEqualTo("On w, reserving policies with at most 1.1 × periodic's OOM events + 1 per run at most 10 %"
                        + " of its bytes and never more OOM events than reactive: reserve; as few OOM events but moving"
                        + " more: holt; significantly more OOM events than reactive: neural.");
        assertThat(BurstGoals.table("w", standings).markdown()).contains("| reserve | 1.08 |");
    }

    @Test
    void aPolicyJustOverTheOomSlackMissesTheGoal() {
        baselines();
        put(Policies.RESERVE, Metric.OOM_EVENTS, 13, 12, 12, 12); // mean 12.25: over 1.1 x 10 + 1
        put(Policies.RESERVE, Metric.BYTES_MOVED, 100, 100, 100, 100);
        BurstGoals.Standing standing =
                BurstGoals.standings(List.of(Policies.RESERVE), figures).getFirst();
        assertThat(standing.oomGoal()).isFalse();
        assertThat(standing.meetsAll()).isFalse();
    }

    @Test
    void theForecastPaysOnlyWhenTheOracleIsSignificantlyCheaperAtNoMoreOfTheOther() {
        put(Policies.RESERVE, Metric.OOM_EVENTS, 10, 11, 9, 10);
        put(Policies.RESERVE, Metric.BYTES_MOVED, 4e6, 4.2e6, 3.9e6, 4.1e6);
        put(Policies.RESERVE, Metric.REFILLS_FULL, 70, 71, 69, 70);
        put(BurstGoals.ORACLE, Metric.OOM_EVENTS, 10, 10, 10, 10);
        put(BurstGoals.ORACLE, Metric.BYTES_MOVED, 1e6, 1.1e6, 0.9e6, 1e6);
        put(BurstGoals.ORACLE, Metric.REFILLS_FULL, 18, 19, 17, 18);
        assertThat(BurstGoals.forecastPays("w", figures))
                .contains("(no significant change), MiB moved -2.91 ± 0.09 * (significant reduction)")
                .contains("The forecast pays")
                .contains("full compactions per run 18.0 against 70.0");

        put(BurstGoals.ORACLE, Metric.BYTES_MOVED, 4e6, 4.2e6, 3.9e6, 4.1e6);
        assertThat(BurstGoals.forecastPays("w", figures)).contains("The forecast does not pay here");
    }
}
