package org.mempred.lab.reproduce;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mempred.govern.PolicySpec;
import org.mempred.heap.CompactingHeap;
import org.mempred.lab.experiment.Experiment;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.workload.Workload;

/**
 * What every section of one reproduction shares: the settings, the output directory (charts are
 * written there as the sections run) and the progress count against the {@link Plan}. A section
 * runs only the experiments it declared and counts only the steps it declared: a step beyond its
 * declaration is refused, so progress reaches the plan's total exactly when every section ran
 * what it said it would (a test checks that).
 */
final class Context {
    /** The seed report's heap: 100 KiB. */
    static final int HEAP_BYTES = CompactingHeap.DEFAULT_CAPACITY_BYTES;

    /** The stage after the last step: the report, the JSON and the charts are being written. */
    static final String WRITING = "writing report";

    private final ReproduceSettings settings;
    private final Path outDir;
    private final ReproduceProgress progress;
    private final Plan plan;
    private final Map<Plan.Id, Integer> doneBySection = new EnumMap<>(Plan.Id.class);
    private int doneSteps;

    Context(ReproduceSettings settings, Path outDir, ReproduceProgress progress, Plan plan) {
        this.settings = settings;
        this.outDir = outDir;
        this.progress = progress;
        this.plan = plan;
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

    /** A new section numbered by its place in the plan. */
    static Section section(Plan.Id id, String title) {
        return new Section(id.number(), title);
    }

    /** A paired experiment of {@code policies} on {@code workload} over the settings' seeds, on the seed report's heap. */
    static ExperimentSpec spec(
            ReproduceSettings settings, Workload workload, List<PolicySpec> policies, long durationNanos) {
        return spec(settings, workload, policies, SimulationOptions.of(HEAP_BYTES, durationNanos));
    }

    /** A paired experiment of {@code policies} on {@code workload} over the settings' seeds. */
    static ExperimentSpec spec(
            ReproduceSettings settings, Workload workload, List<PolicySpec> policies, SimulationOptions options) {
        return new ExperimentSpec(
                workload, policies, ExperimentSpec.seeds(settings.seeds()), options, settings.threads());
    }

    /** Runs experiment {@code key} of {@code work}, counting every run. */
    <K> ExperimentResult experiment(Plan.Work<K> work, K key) {
        ExperimentSpec spec = work.experiments().get(key);
        if (spec == null) {
            throw new IllegalStateException("section " + work.id() + " declared no experiment " + key);
        }
        return Experiment.run(spec, (done, total, run) -> step(work.id()));
    }

    /** Runs every experiment of {@code work} in its declared order, by key. */
    <K> Map<K, ExperimentResult> experiments(Plan.Work<K> work) {
        Map<K, ExperimentResult> results = new LinkedHashMap<>();
        for (K key : work.experiments().keySet()) {
            results.put(key, experiment(work, key));
        }
        return results;
    }

    /** Counts one step of section {@code id}; refuses a step the section did not declare. */
    synchronized void step(Plan.Id id) {
        int done = doneBySection.merge(id, 1, Integer::sum);
        if (done > plan.steps(id)) {
            throw new IllegalStateException(
                    "section " + id + " took step " + done + " of the " + plan.steps(id) + " it declared");
        }
        doneSteps++;
        progress.onProgress(id.stage(), doneSteps, plan.steps());
    }

    /** Says that every step is done and the report is being written. */
    synchronized void writing() {
        progress.onProgress(WRITING, doneSteps, plan.steps());
    }
}
