package org.mempred.lab.experiment;

import java.util.ArrayList;
import java.util.List;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.workload.Workload;

/**
 * A paired experiment: every policy runs on the same workload stream for every seed.
 *
 * @param workload the workload every run replays
 * @param policies policies in report order; {@code reactive} (the baseline of every paired
 *     difference) is put first when missing, and a policy named twice runs once
 * @param seeds workload seeds, one paired block each
 * @param options options of every run
 * @param threads worker threads (runs of one seed stay on one thread)
 */
public record ExperimentSpec(
        Workload workload, List<PolicySpec> policies, List<Long> seeds, SimulationOptions options, int threads) {

    /** The baseline policy. */
    public static final PolicySpec BASELINE = PolicySpec.Reactive.EVACUATE;

    /** Validates names and counts; adds the baseline when missing. */
    public ExperimentSpec {
        if (workload == null || options == null) {
            throw new IllegalArgumentException("workload=" + workload + " and options=" + options + " are required");
        }
        if (policies.isEmpty() || seeds.isEmpty() || threads < 1) {
            throw new IllegalArgumentException("policies=" + policies + " and seeds=" + seeds
                    + " must be non-empty and threads=" + threads + " >= 1");
        }
        if (options.heapBytes() < workload.maxRequestBytes()) {
            throw new IllegalArgumentException("heapBytes=" + options.heapBytes()
                    + " is smaller than the workload's largest request of " + workload.maxRequestBytes() + " bytes");
        }
        policies = List.copyOf(withBaseline(policies));
        seeds = List.copyOf(seeds);
    }

    /** The policies' names, in report order: the keys of the results. */
    public List<String> names() {
        return policies.stream().map(PolicySpec::name).toList();
    }

    /** {@code policies} in order without repeats, the baseline first when missing: the policies a spec runs. */
    public static List<PolicySpec> withBaseline(List<PolicySpec> policies) {
        List<PolicySpec> ordered = new ArrayList<>();
        if (!policies.contains(BASELINE)) {
            ordered.add(BASELINE);
        }
        for (PolicySpec policy : policies) {
            if (!ordered.contains(policy)) {
                ordered.add(policy);
            }
        }
        return List.copyOf(ordered);
    }

    /** Seeds {@code 1..count}. */
    public static List<Long> seeds(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count=" + count + " must be >= 1");
        }
        List<Long> seeds = new ArrayList<>(count);
        for (long seed = 1; seed <= count; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }
}
