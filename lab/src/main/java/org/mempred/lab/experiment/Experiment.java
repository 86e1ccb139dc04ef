package org.mempred.lab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.sim.PressureTrace;
import org.mempred.lab.sim.Probes;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.sim.Simulator;
import org.mempred.lab.sim.TrueFuture;
import org.mempred.predict.FutureView;
import org.mempred.predict.Target;

/**
 * Runs an {@link ExperimentSpec}: policies × seeds, paired.
 *
 * <p>Per seed, one task on one worker: {@code reactive} runs first (recording the pressure at
 * every governor tick when an {@code oracle-peak} needs it), then each other policy in report
 * order. A policy that reads the future declares it ({@link PolicySpec#readsFuture()}); the
 * future of the seed's stream is then computed once ({@link TrueFuture}) and every oracle of the
 * seed reads it ({@link #ORACLE_DEFINITION}). Every run of a seed
 * replays the identical stream (the workload is re-opened from the seed), so differences between
 * policies are paired. Seeds are spread over {@code threads} workers; results are stored by
 * (policy, seed) index, so the outcome does not depend on scheduling. A crashing run is reported
 * in its result, never thrown.
 */
public final class Experiment {
    /** What {@code oracle} means in this lab, printed beside its results. */
    public static final String ORACLE_DEFINITION = "oracle reads the true future of the same seed's request stream,"
            + " computed once from the stream: the volume requested in size classes at every governor tick"
            + " (NAME-largest: the largest request of every tick; oracle-peak: the pressure at every tick of the"
            + " seed's reactive run); an upper bound for prediction";

    private final ExperimentSpec spec;
    private final Simulator simulator;
    private final Progress progress;
    private final RunResult[][] results;
    private int done;

    private Experiment(ExperimentSpec spec, Progress progress) {
        this.spec = spec;
        this.simulator = new Simulator(spec.options());
        this.progress = progress;
        this.results = new RunResult[spec.policies().size()][spec.seeds().size()];
    }

    /** Runs every policy on every seed and collects the results. */
    public static ExperimentResult run(ExperimentSpec spec, Progress progress) {
        return new Experiment(spec, progress).runAll();
    }

    private ExperimentResult runAll() {
        ExecutorService workers = Executors.newFixedThreadPool(
                Math.min(spec.threads(), spec.seeds().size()));
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int s = 0; s < spec.seeds().size(); s++) {
                int seedIndex = s;
                tasks.add(workers.submit(() -> runSeed(seedIndex)));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("experiment interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("experiment failed: " + e.getCause(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
        List<PolicyRuns> policies = new ArrayList<>();
        for (int p = 0; p < results.length; p++) {
            policies.add(new PolicyRuns(spec.policies().get(p), Arrays.asList(results[p])));
        }
        return new ExperimentResult(spec, policies);
    }

    private void runSeed(int seedIndex) {
        long seed = spec.seeds().get(seedIndex);
        List<PolicySpec> policies = spec.policies();
        boolean needsPeakFuture =
                policies.stream().anyMatch(policy -> policy.readsFuture() && policy.target() == Target.PEAK_PRESSURE);
        boolean needsStreamFuture =
                policies.stream().anyMatch(policy -> policy.readsFuture() && policy.target() != Target.PEAK_PRESSURE);
        PressureTrace trace = needsPeakFuture ? new PressureTrace() : null;
        TrueFuture future = needsStreamFuture ? TrueFuture.of(spec.workload(), seed, spec.options()) : null;
        int baseline = policies.indexOf(ExperimentSpec.BASELINE);
        store(
                baseline,
                seedIndex,
                simulator.run(spec.workload(), ExperimentSpec.BASELINE, seed, Probes.NONE.withTrace(trace)));
        for (int p = 0; p < policies.size(); p++) {
            if (p != baseline) {
                PolicySpec policy = policies.get(p);
                FutureView view = !policy.readsFuture()
                        ? null
                        : policy.target() == Target.PEAK_PRESSURE
                                ? trace.toFuture(Target.PEAK_PRESSURE)
                                : future.view(policy.target());
                store(p, seedIndex, simulator.run(spec.workload(), policy, seed, Probes.NONE.withFuture(view)));
            }
        }
    }

    private synchronized void store(int policyIndex, int seedIndex, RunResult result) {
        results[policyIndex][seedIndex] = result;
        done++;
        progress.onRunFinished(done, results.length * results[0].length, result);
    }
}
