package org.mempred.lab.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.sim.Simulator;
import org.mempred.lab.sim.Timeline;
import org.mempred.lab.workload.StressWorkload;

class DetailRunsTest {
    private static final SimulationOptions OPTIONS = SimulationOptions.of(Context.HEAP_BYTES, 60_000_000_000L);
    private static final StressWorkload WORKLOAD = StressWorkload.kernel(0.95, Context.HEAP_BYTES);

    @Test
    void instrumentedRunIsTheSameRunAsAPlainOne() {
        for (PolicySpec policy : List.of(PolicySpec.Reactive.EVACUATE, PolicySpec.parse("neural"))) {
            RunResult plain = new Simulator(OPTIONS).run(WORKLOAD, policy, 3L);
            DetailRuns.DetailRun detail = DetailRuns.run(WORKLOAD, OPTIONS, policy, 3L, Integer.MAX_VALUE);
            assertThat(detail.result().withoutWallTime()).isEqualTo(plain.withoutWallTime());
        }
    }

    @Test
    void timelineHasOneEntryPerTickAndEndsAtTheRunsTotals() {
        DetailRuns.DetailRun detail =
                DetailRuns.run(WORKLOAD, OPTIONS, PolicySpec.parse("neural"), 2L, Integer.MAX_VALUE);
        Timeline timeline = detail.timeline();
        assertThat(timeline.size()).isEqualTo((int) (OPTIONS.durationNanos() / OPTIONS.tickNanos()));
        int last = timeline.size() - 1;
        assertThat(timeline.timeNanos(last)).isEqualTo(OPTIONS.durationNanos());
        assertThat(timeline.oomEvents(last))
                .isLessThanOrEqualTo(detail.result().heap().oomEvents());
        assertThat(timeline.proactiveCompactions(last))
                .isEqualTo(detail.result().compaction().proactive());
        assertThat(timeline.prediction(last)).isBetween(0.0, 1.0);
        assertThat(detail.labels().report().overall().accuracy())
                .isEqualTo(detail.result().prediction().accuracyShare());
    }

    @Test
    void labelLogScoresOnlyTheFirstLabelsWhenLimited() {
        DetailRuns.DetailRun detail = DetailRuns.run(WORKLOAD, OPTIONS, PolicySpec.parse("neural"), 2L, 25);
        assertThat(detail.labels().size()).isEqualTo(25);
        assertThat(detail.labels().report().overall().count()).isEqualTo(25);
    }
}
