package org.mempred.lab.sim;

import org.mempred.govern.CompactionPolicy;
import org.mempred.govern.Governor;
import org.mempred.govern.GovernorStats;
import org.mempred.govern.Placement;
import org.mempred.govern.PolicySpec;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.HeapStats;
import org.mempred.lab.VirtualClock;
import org.mempred.lab.workload.Workload;
import org.mempred.predict.PredictorConfig;

/**
 * Runs one (workload, policy, seed) on a fresh heap, virtual clock and governor and reduces it to
 * a {@link RunResult}. Deterministic: the same workload, policy, seed and options give the same
 * figures, except the measured wall times of compactions.
 *
 * <p>An exception escaping the run (from the heap, the governor or the workload) is caught: the
 * result then has {@code crashes = 1}, the message, and the figures up to the crash. A batch of
 * runs never dies of one bad run. Thread-safe: every run builds its own objects.
 */
public final class Simulator {
    private final SimulationOptions options;

    /** A simulator for runs with {@code options}. */
    public Simulator(SimulationOptions options) {
        this.options = options;
    }

    /** The options every run uses. */
    public SimulationOptions options() {
        return options;
    }

    /**
     * Runs {@code policy} on {@code workload}'s stream for {@code seed}, with nothing watching.
     *
     * @throws IllegalArgumentException when the policy cannot be built, e.g. {@code oracle} without a
     *     future in {@code probes} (before anything runs)
     */
    public RunResult run(Workload workload, PolicySpec policy, long seed) {
        return run(workload, policy, seed, Probes.NONE);
    }

    /**
     * Runs {@code policy} on {@code workload}'s stream for {@code seed}, given and watched by
     * {@code probes}. An exception escaping the run is caught and reported as a crash.
     *
     * @throws IllegalArgumentException when the policy cannot be built, e.g. {@code oracle} without a
     *     future in {@code probes} (before anything runs)
     */
    public RunResult run(Workload workload, PolicySpec policy, long seed, Probes probes) {
        Parts parts = build(workload, policy, seed, probes);
        String crash = null;
        try {
            while (parts.simulation.step()) {
                // one event per step
            }
            parts.simulation.finish();
        } catch (RuntimeException e) {
            crash = e.toString();
        } finally {
            parts.simulation.close();
        }
        return result(policy, seed, parts, crash);
    }

    /**
     * A run ready to be stepped by hand (benchmarks); nothing has happened yet. Its stream is
     * closed when {@link Simulation#step()} reaches the end; a caller that stops earlier calls
     * {@link Simulation#close()}.
     */
    public Simulation start(Workload workload, PolicySpec policy, long seed) {
        return build(workload, policy, seed, Probes.NONE).simulation;
    }

    private Parts build(Workload workload, PolicySpec policy, long seed, Probes probes) {
        PredictorConfig predictorConfig = options.predictorConfig(seed);
        if (probes.future() != null) {
            predictorConfig = predictorConfig.withFuture(probes.future());
        }
        Placement placement = options.placement();
        PlacementCheck.require(placement, workload);
        CompactionPolicy compactionPolicy = policy.create(predictorConfig);
        CompactingHeap heap = new CompactingHeap(
                options.heapBytes(),
                CompactingHeap.DEFAULT_DIRECT_COMPACTION_BUDGET_BYTES,
                compactionPolicy.directCompaction());
        heap.setPlacement(placement.createPredictor());
        long[] lifetimes =
                placement.needsTrueLifetime() ? TrueLifetimes.of(workload, seed, options.durationNanos()) : null;
        VirtualClock clock = new VirtualClock();
        Governor governor = new Governor(heap, clock, compactionPolicy, options.governorConfig(), probes.labels());
        Simulation simulation = new Simulation(
                workload.open(seed, options.durationNanos()),
                heap,
                governor,
                clock,
                options,
                probes.trace(),
                probes.timeline(),
                lifetimes);
        return new Parts(heap, governor, simulation);
    }

    private RunResult result(PolicySpec policy, long seed, Parts parts, String crash) {
        Placement placement = options.placement();
        HeapStats heap = parts.heap.stats();
        GovernorStats governor = parts.governor.stats();
        Simulation simulation = parts.simulation;
        return new RunResult(
                policy.name(),
                seed,
                new RunResult.Heap(
                        simulation.peakPressure(), simulation.meanPressure(), simulation.allocationRequests(), heap),
                new RunResult.Compaction(
                        governor.proactiveCompactions(), // one count per refill, however many steps it climbed
                        heap.directCompactions(),
                        heap.bytesMoved(),
                        simulation.meanModelMicros(),
                        simulation.meanWallMicros()),
                RunResult.Response.of(simulation.responseNanos()),
                new RunResult.Prediction(parts.governor.accuracy(), governor.predictions()),
                new RunResult.Safety(governor, crash),
                new RunResult.Placing(
                        placement.id(),
                        parts.heap.layout().count(),
                        simulation.meanFragmentation(),
                        parts.heap.placementStats().orElse(null)));
    }

    /** The objects of one run. */
    private record Parts(CompactingHeap heap, Governor governor, Simulation simulation) {}
}
