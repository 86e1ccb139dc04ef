package org.mempred.lab.reproduce;

import java.nio.file.Path;
import java.util.List;
import org.mempred.govern.PolicySpec;
import org.mempred.heap.CompactingHeap;
import org.mempred.lab.experiment.Experiment;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.workload.Workload;

/**
 * What every section of one reproduction shares: the settings, the output directory (charts are
 * written there as the sections run) and the progress count. Steps (a simulated run, or a
 * measurement) are counted against the plan made up front from every section's own count of its
 * steps ({@link Reproduction#plannedSteps}); a test checks that the two agree.
 */
final class Context {
    /** The seed report's heap: 100 KiB. */
    static final int HEAP_BYTES = CompactingHeap.DEFAULT_CAPACITY_BYTES;

    /** The stage after the last step: the report, the JSON and the charts are being written. */
    static final String WRITING = "writing report";

    private final ReproduceSettings settings;
    private final Path outDir;
    private final ReproduceProgress progress;
    private final int totalSteps;
    private int doneSteps;

    Context(ReproduceSettings settings, Path outDir, ReproduceProgress progress, int totalSteps) {
        this.settings = settings;
        this.outDir = outDir;
        this.progress = progress;
        this.totalSteps = totalSteps;
    }

    ReproduceSettings settings() {
        return settings;
    }

    Path outDir() {
        return outDir;
    }

    List<Long> seeds() {
        return ExperimentSpec.seeds(settings.seeds());
    }

    /** Runs a paired experiment of {@code policies} on {@code workload}, counting every run. */
    ExperimentResult experiment(String stage, Workload workload, List<PolicySpec> policies, long durationNanos) {
        SimulationOptions options = SimulationOptions.of(HEAP_BYTES, durationNanos);
        return experiment(stage, new ExperimentSpec(workload, policies, seeds(), options, settings.threads()));
    }

    /** Runs {@code spec}, counting every run. */
    ExperimentResult experiment(String stage, ExperimentSpec spec) {
        return Experiment.run(spec, (done, total, run) -> step(stage));
    }

    /** Counts one step of {@code stage}. */
    synchronized void step(String stage) {
        doneSteps++;
        progress.onProgress(stage, doneSteps, totalSteps);
    }

    /** Says that every step is done and the report is being written. */
    synchronized void writing() {
        progress.onProgress(WRITING, doneSteps, totalSteps);
    }

    /** Runs of a paired experiment of {@code policies} over the settings' seeds (the baseline included). */
    static int runs(ReproduceSettings settings, List<PolicySpec> policies) {
        return ExperimentSpec.withBaseline(policies).size() * settings.seeds();
    }
}
