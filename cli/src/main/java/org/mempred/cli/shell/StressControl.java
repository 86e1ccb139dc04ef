package org.mempred.cli.shell;

import java.io.PrintWriter;

/** A background workload on the real clock, driven by the shell's {@code stress start|stop|status}. */
public interface StressControl {
    /**
     * Starts a workload towards {@code targetPressure} (a fraction in (0, 1]) at {@code opsPerSecond}
     * requests a second, and says so on {@code out}.
     *
     * @throws IllegalStateException when a workload runs already: it is never replaced silently
     */
    void start(double targetPressure, double opsPerSecond, PrintWriter out);

    /** Stops any running workload and says how many events it applied. */
    void stop(PrintWriter out);

    /** What the workload is doing, on one line. */
    void status(PrintWriter out);

    /** Stops any running workload (on exit). */
    void stop();
}
