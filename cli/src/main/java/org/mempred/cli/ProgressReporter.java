package org.mempred.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mempred.lab.experiment.Progress;
import org.mempred.lab.reproduce.ReproduceProgress;
import org.mempred.lab.sim.RunResult;

/**
 * Progress of a long command on stderr, for {@code stress}, {@code replay} and {@code reproduce}.
 *
 * <p>On a terminal: a bar redrawn in place at every step, with the elapsed time and an ETA. Not
 * on a terminal (a log, a CI job): one plain line at least every {@code intervalSeconds} (10 by
 * default) from a daemon timer, so a long run is never silent, and a final one after them (a run
 * shorter than the interval prints nothing). The ETA is the
 * elapsed time scaled by the steps still to do. {@link #close} stops the timer.
 */
final class ProgressReporter implements Progress, ReproduceProgress, AutoCloseable {
    /** Seconds between two lines when stderr is not a terminal. */
    static final long DEFAULT_INTERVAL_SECONDS = 10;

    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final String command;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private int done;
    private int total;
    private String stage = "";
    private int linesPrinted;

    /** A reporter for {@code command}: a bar when {@code terminal}, else a line every {@code intervalSeconds}. */
    ProgressReporter(PrintWriter err, String command, boolean terminal, long intervalSeconds) {
        this.err = err;
        this.command = command;
        this.terminal = terminal;
        if (terminal) {
            this.timer = null;
        } else {
            this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "mempred-progress");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(this::printLine, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    /** The reporter for this process's stderr: a bar when a terminal is attached. */
    static ProgressReporter forStderr(PrintWriter err, String command) {
        return new ProgressReporter(err, command, System.console() != null, DEFAULT_INTERVAL_SECONDS);
    }

    /** Announces {@code runsTotal} runs before the first one finishes, so the first lines show the total. */
    ProgressReporter expect(int runsTotal) {
        step("runs", 0, runsTotal);
        return this;
    }

    @Override
    public void onRunFinished(int runsDone, int runsTotal, RunResult run) {
        step("runs", runsDone, runsTotal);
    }

    @Override
    public void onProgress(String section, int stepsDone, int stepsTotal) {
        // sections are numbered ("15 decision"); the last stage, writing the report, is not
        step(Character.isDigit(section.charAt(0)) ? "section " + section : section, stepsDone, stepsTotal);
    }

    private void step(String what, int stepsDone, int stepsTotal) {
        synchronized (lock) {
            this.stage = what;
            this.done = stepsDone;
            this.total = stepsTotal;
            if (terminal) {
                int filled = total == 0 ? 0 : BAR_WIDTH * done / total;
                err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + status() + "   ");
                err.flush();
            }
        }
    }

    /** {@code 3/20 runs, 45s elapsed, ETA 4m10s}. */
    String status() {
        synchronized (lock) {
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            String eta = done == 0 || total == 0 ? "ETA unknown" : "ETA " + seconds(elapsed * (total - done) / done);
            return String.format(Locale.ROOT, "%d/%d %s, %s elapsed, %s", done, total, stage, seconds(elapsed), eta);
        }
    }

    private void printLine() {
        synchronized (lock) {
            linesPrinted++;
            err.println(command + ": " + status());
            err.flush();
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            synchronized (lock) {
                if (linesPrinted > 0) {
                    printLine();
                }
            }
        } else {
            synchronized (lock) {
                if (done > 0) {
                    err.println();
                    err.flush();
                }
            }
        }
    }

    private static String seconds(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" + s % 60 + "s" : s / 3600 + "h" + s % 3600 / 60 + "m";
    }
}
