package org.mempred.lab.experiment;

import java.util.List;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.sim.RunResult;

/**
 * The runs of one policy, in the experiment's seed order.
 *
 * @param spec the policy
 * @param runs one result per seed
 */
public record PolicyRuns(PolicySpec spec, List<RunResult> runs) {

    /** Copies the runs. */
    public PolicyRuns {
        runs = List.copyOf(runs);
    }

    /** The policy's name, the key of its results. */
    public String policy() {
        return spec.name();
    }

    /** {@code metric} of every run, in seed order. */
    public double[] values(Metric metric) {
        double[] values = new double[runs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = metric.of(runs.get(i));
        }
        return values;
    }

    /** Runs that crashed. */
    public long crashes() {
        long crashes = 0;
        for (RunResult run : runs) {
            crashes += run.safety().crashes();
        }
        return crashes;
    }
}
