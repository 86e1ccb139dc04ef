package org.mempred.lab.experiment;

import java.util.Arrays;
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
        throw new IllegalArgumentException("policy '" + policy + "' was not run; ran " + spec.names());
    }

    /** Mean ± 95 % CI of {@code metric} across seeds for {@code policy}. */
    public Summary summary(String policy, Metric metric) {
        return Stats.summarize(runs(policy).values(metric));
    }

    /** Paired difference of {@code metric}, {@code policy} minus {@code baseline}, across seeds. */
    public Summary versus(String policy, String baseline, Metric metric) {
        return Stats.pairedDifference(
                runs(policy).values(metric), runs(baseline).values(metric));
    }

    /**
     * Paired relative change of {@code metric}, {@code policy / baseline - 1} per seed, across seeds
     * (seeds whose baseline value is 0 are left out).
     */
    public Summary relativeChange(String policy, String baseline, Metric metric) {
        double[] values = runs(policy).values(metric);
        double[] base = runs(baseline).values(metric);
        double[] ratios = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (base[i] != 0) {
                ratios[n++] = values[i] / base[i] - 1.0;
            }
        }
        return Stats.summarize(Arrays.copyOf(ratios, n));
    }

    /** Paired difference of {@code metric}, {@code policy} minus the baseline, across seeds. */
    public Summary versusBaseline(String policy, Metric metric) {
        return Stats.pairedDifference(
                runs(policy).values(metric),
                runs(ExperimentSpec.BASELINE.name()).values(metric));
    }
}
