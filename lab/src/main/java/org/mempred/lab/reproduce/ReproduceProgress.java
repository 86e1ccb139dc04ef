package org.mempred.lab.reproduce;

/** Told as a reproduction advances; calls are serialised, possibly from a worker thread. */
@FunctionalInterface
public interface ReproduceProgress {
    /** Ignores everything. */
    ReproduceProgress NONE = (stage, done, total) -> {};

    /**
     * Step {@code done} of {@code total} finished (a simulated run, or a measurement); the total is
     * planned up front and {@code done} reaches it exactly.
     *
     * @param stage the section being worked on
     */
    void onProgress(String stage, int done, int total);
}
