package org.mempred.lab.reproduce;

import org.mempred.govern.PolicySpec;
import org.mempred.lab.sim.PressureTrace;
import org.mempred.lab.sim.Probes;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.sim.Simulator;
import org.mempred.lab.sim.Timeline;
import org.mempred.lab.sim.TrueFuture;
import org.mempred.lab.workload.Workload;
import org.mempred.predict.FutureView;
import org.mempred.predict.Target;

/**
 * Re-runs one (policy, seed) of an experiment with instruments attached: a {@link Timeline} and a
 * {@link LabelLog}. The simulator is deterministic, so the re-run is the same run as the
 * experiment's (sections compare the two {@link RunResult}s, wall time aside, and say so). For
 * {@code oracle}, the reactive run of the same seed is recorded first as its future, exactly as
 * the experiment runner does.
 */
final class DetailRuns {
    private DetailRuns() {}

    /** One instrumented run. */
    record DetailRun(RunResult result, Timeline timeline, LabelLog labels) {}

    static DetailRun run(Workload workload, SimulationOptions options, PolicySpec policy, long seed, int labelLimit) {
        Simulator simulator = new Simulator(options);
        FutureView future = null;
        if (policy.readsFuture() && policy.target() == Target.PEAK_PRESSURE) {
            PressureTrace trace = new PressureTrace();
            simulator.run(workload, PolicySpec.Reactive.EVACUATE, seed, Probes.NONE.withTrace(trace));
            future = trace.toFuture(policy.target());
        } else if (policy.readsFuture()) {
            future = TrueFuture.of(workload, seed, options).view(policy.target());
        }
        Timeline timeline = new Timeline();
        LabelLog labels = new LabelLog(labelLimit);
        RunResult result = simulator.run(
                workload,
                policy,
                seed,
                Probes.NONE.withFuture(future).withLabels(labels).withTimeline(timeline));
        return new DetailRun(result, timeline, labels);
    }
}
