package org.mempred.cli.options;

import org.mempred.govern.Placement;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.sim.PlacementCheck;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.workload.Workload;
import picocli.CommandLine.Option;

/**
 * The options of a paired experiment that {@code stress} and {@code replay} share ({@code @Mixin}):
 * which policies, which placement, how many seeds, the prediction horizon and the worker threads. Each is converted
 * and checked while the command line is parsed, so a bad value stops the command before any work.
 */
public final class ExperimentOptions {
    @Option(
            names = "--policies",
            paramLabel = "LIST",
            converter = PolicyList.Converter.class,
            defaultValue = PolicyList.DEFAULT,
            description = PolicyList.DESCRIPTION)
    private PolicyList policies;

    @Option(
            names = "--placement",
            paramLabel = "NAME",
            converter = PlacementConverter.class,
            defaultValue = "tlsf",
            description = "Where new blocks go in the one arena: tlsf (TLSF's good fit, the default), or near the"
                    + " address span of the block's predicted lifetime class (short-lived low, long-lived high):"
                    + " site-table, size-class, neural-lifetime, oracle-lifetime (the bound). site-table and"
                    + " neural-lifetime need allocation sites (stressors, mempred-trace v2). Composes with"
                    + " --policies.")
    private Placement placement;

    @Option(
            names = "--seeds",
            paramLabel = "N",
            converter = Counts.Positive.class,
            defaultValue = "10",
            description = "Number of seeds, 1..N (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(
            names = "--lookahead",
            paramLabel = "DURATION",
            converter = Durations.Converter.class,
            defaultValue = "5s",
            description = "Prediction horizon H (default: ${DEFAULT-VALUE}).")
    private long horizonNanos;

    @Option(
            names = "--threads",
            paramLabel = "N",
            converter = Counts.Positive.class,
            defaultValue = "2",
            description = "Worker threads (default: ${DEFAULT-VALUE}).")
    private int threads;

    /** The number of seeds, at least 1. */
    public int seeds() {
        return seeds;
    }

    /** The worker threads, at least 1. */
    public int threads() {
        return threads;
    }

    /** The prediction horizon. */
    public long horizonNanos() {
        return horizonNanos;
    }

    /** The placement of every run. */
    public Placement placement() {
        return placement;
    }

    /**
     * The experiment of {@code workload} under {@code options}: these policies, seeds 1..N, these
     * threads, this placement.
     *
     * @throws IllegalArgumentException in one line when the placement needs sites the workload lacks
     */
    public ExperimentSpec experiment(Workload workload, SimulationOptions options) {
        PlacementCheck.require(placement, workload);
        return new ExperimentSpec(
                workload, policies.specs(), ExperimentSpec.seeds(seeds), options.withPlacement(placement), threads);
    }
}
