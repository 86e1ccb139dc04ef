package org.mempred.cli.shell;

import java.io.PrintWriter;

/** A background workload on the real clock, driven by the shell's {@code stress start|stop|status}. */
public interface StressControl {
    /**
     * Starts a workload towards {@code targetPressure} (a fraction in (0, 1]) at {@code opsPerSecond}
     * requests a second, stopping the one running first, and says so on {@code out}.
     */
    void start(double targetPressure, double opsPerSecond, PrintWriter out);

    /** Stops any running workload and says how many events it applied. */
    void stop(PrintWriter out);

    /** What the workload is doing, on one line. */
    void status(PrintWriter out);

    /** Stops any running workload (on exit). */
    void stop();
}
