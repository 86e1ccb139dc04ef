package org.mempred.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.workload.StressWorkload;
import tools.jackson.databind.JsonNode;

class ExperimentTest {
    private static final int HEAP = 102_400;
    private static final SimulationOptions OPTIONS = SimulationOptions.of(HEAP, 30_000_000_000L);

    private static ExperimentSpec spec(int threads) {
        return new ExperimentSpec(
                StressWorkload.kernel(0.95, HEAP),
                List.of(PolicySpec.parse("periodic"), PolicySpec.parse("oracle")),
                ExperimentSpec.seeds(3),
                OPTIONS,
                threads);
    }

    @Test
    void runsEveryPolicyOnEverySeedWithTheBaselineFirst() {
        List<String> seen = new ArrayList<>();
        ExperimentResult result = Experiment.run(spec(2), (done, total, run) -> seen.add(done + "/" + total));
        assertThat(result.spec().names()).containsExactly("reactive", "periodic", "oracle");
        assertThat(seen).hasSize(9).contains("9/9");
        for (PolicyRuns runs : result.policies()) {
            assertThat(runs.runs()).extracting(RunResult::seed).containsExactly(1L, 2L, 3L);
            assertThat(runs.crashes()).as(runs.policy()).isZero();
        }
        assertThat(result.versusBaseline("periodic", Metric.PROACTIVE_COMPACTIONS)
                        .mean())
                .isEqualTo(60.0);
        assertThat(result.summary("oracle", Metric.PREDICTION_ACCURACY).count()).isEqualTo(3);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        ExperimentResult one = Experiment.run(spec(1), Progress.NONE);
        ExperimentResult two = Experiment.run(spec(2), Progress.NONE);
        for (int p = 0; p < one.policies().size(); p++) {
            List<RunResult> first = one.policies().get(p).runs();
            List<RunResult> second = two.policies().get(p).runs();
            for (int s = 0; s < first.size(); s++) {
                assertThat(second.get(s).withoutWallTime())
                        .isEqualTo(first.get(s).withoutWallTime());
            }
        }
    }

    @Test
    void reportAndJsonShowEveryPolicyAndTheOracleDefinition() {
        ExperimentResult result = Experiment.run(spec(2), Progress.NONE);
        List<Metric> metrics = List.of(Metric.values());
        String table = ExperimentReport.summary("Summary", result, metrics).text(Integer.MAX_VALUE);
        assertThat(table)
                .contains("reactive")
                .contains("periodic")
                .contains("oracle")
                .contains("OOM events");
        assertThat(ExperimentReport.paired("Paired", result, metrics).text(Integer.MAX_VALUE))
                .contains("change vs reactive")
                .contains("periodic");
        assertThat(ExperimentReport.notes(result)).contains(Experiment.ORACLE_DEFINITION);
        JsonNode policies = Json.read(Json.write(ExperimentReport.policies(result)));
        assertThat(policies.size()).isEqualTo(result.spec().policies().size());
        JsonNode reactive = policies.get(0);
        assertThat(reactive.get("name").asString()).isEqualTo("reactive");
        assertThat(reactive.get("summary").get("oomEvents").has("vsReactive")).isFalse();
        assertThat(reactive.get("runs").get(0).get("predictionAccuracy").isNull())
                .as("reactive has no predictor")
                .isTrue();
        for (JsonNode policy : policies) {
            String name = policy.get("name").asString();
            assertThat(policy.get("runs").size())
                    .as(name)
                    .isEqualTo(result.spec().seeds().size());
            for (Metric metric : Metric.values()) {
                assertThat(policy.get("runs").get(1).has(metric.key())).as(name).isTrue();
                JsonNode summary = policy.get("summary").get(metric.key());
                assertThat(summary.get("ci95").size()).as(name).isEqualTo(2);
                assertThat(summary.has("vsReactive")).as(name).isEqualTo(!name.equals("reactive"));
            }
            assertThat(policy.has("definition")).as(name).isEqualTo(name.equals("oracle"));
        }
        assertThat(policies.get(0).get("summary").get("oomEvents").get("n").asInt())
                .isEqualTo(result.spec().seeds().size());
    }

    @Test
    void specRejectsNoPoliciesAndHeapsSmallerThanTheLargestRequest() {
        assertThatThrownBy(() -> new ExperimentSpec(
                        StressWorkload.kernel(0.5, HEAP), List.of(), ExperimentSpec.seeds(1), OPTIONS, 1))
                .hasMessageContaining("must be non-empty");
        assertThatThrownBy(() -> new ExperimentSpec(
                        StressWorkload.kernel(0.5, 4096),
                        List.of(PolicySpec.Reactive.EVACUATE),
                        ExperimentSpec.seeds(1),
                        SimulationOptions.of(4096, 1_000_000_000L),
                        1))
                .hasMessageContaining("heapBytes=4096")
                .hasMessageContaining("8192");
        assertThatThrownBy(() -> ExperimentSpec.seeds(0)).hasMessageContaining("count=0");
    }
}
