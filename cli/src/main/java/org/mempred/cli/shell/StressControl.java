package org.mempred.cli.shell;

import java.io.PrintWriter;

/** The shell's {@code stress start|stop|status}: a background workload on the real clock. */
public interface StressControl {
    /** Runs one {@code stress ...} command. */
    void execute(String[] words, PrintWriter out);

    /** Stops any running workload (on exit). */
    void stop();
}
