package org.mempred.lab.experiment;

import java.util.List;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;

/**
 * Every run of an experiment, per policy in report order, with summaries across seeds.
 *
 * @param spec what was run
 * @param policies the runs of each policy
 */
public record ExperimentResult(ExperimentSpec spec, List<PolicyRuns> policies) {

    /** Copies the list. */
    public ExperimentResult {
        policies = List.copyOf(policies);
    }

    /** The runs of {@code policy}. */
    public PolicyRuns runs(String policy) {
        for (PolicyRuns runs : policies) {
            if (runs.policy().equals(policy)) {
                return runs;
            }
        }
        throw new IllegalArgumentException("policy '" + policy + "' was not run; ran " + spec.policies());
    }

    /** Mean ± 95 % CI of {@code metric} across seeds for {@code policy}. */
    public Summary summary(String policy, Metric metric) {
        return Stats.summarize(runs(policy).values(metric));
    }

    /** Paired difference of {@code metric}, {@code policy} minus the baseline, across seeds. */
    public Summary versusBaseline(String policy, Metric metric) {
        return Stats.pairedDifference(
                runs(policy).values(metric), runs(ExperimentSpec.BASELINE).values(metric));
    }
}
