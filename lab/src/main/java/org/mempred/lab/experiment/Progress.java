package org.mempred.lab.experiment;

import org.mempred.lab.sim.RunResult;

/** Told after each finished run; calls are serialised, possibly from a worker thread. */
@FunctionalInterface
public interface Progress {
    /** Ignores everything. */
    Progress NONE = (done, total, run) -> {};

    /**
     * Run number {@code done} of {@code total} just finished.
     *
     * @param run the finished run's result
     */
    void onRunFinished(int done, int total, RunResult run);
}
