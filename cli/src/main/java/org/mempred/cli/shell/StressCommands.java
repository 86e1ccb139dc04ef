package org.mempred.cli.shell;

import org.mempred.cli.options.PositiveNumbers;
import org.mempred.cli.options.Pressures;
import org.mempred.lab.workload.StressorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The shell's {@code stress start|stop|status} ({@code stress} alone is {@code status}) over a {@link StressControl}. */
@Command(
        name = "stress",
        description = "Background workload on the real clock: the lab's stressor against the live heap. Default:"
                + " status.")
final class StressCommands implements Runnable {
    private final StressControl stress;

    @Spec
    private CommandSpec spec;

    StressCommands(StressControl stress) {
        this.stress = stress;
    }

    @Override
    public void run() {
        status();
    }

    @Command(name = "start", description = "Start the workload (refused while one runs: stress stop first).")
    void start(
            @Option(
                            names = "--pressure",
                            paramLabel = "P",
                            required = true,
                            converter = Pressures.Converter.class,
                            description = "Target pressure: 90, 90%% or 0.9.")
                    double targetPressure,
            @Option(
                            names = "--rate",
                            paramLabel = "R",
                            defaultValue = "" + StressorConfig.DEFAULT_OPS_PER_SECOND,
                            converter = PositiveNumbers.Converter.class,
                            description = "Allocations per second (default: ${DEFAULT-VALUE}).")
                    double opsPerSecond) {
        stress.start(targetPressure, opsPerSecond, spec.commandLine().getOut());
    }

    @Command(name = "stop", description = "Stop the workload; it frees what it holds.")
    void stop() {
        stress.stop(spec.commandLine().getOut());
    }

    @Command(name = "status", description = "What the workload has done, and the heap's pressure now.")
    void status() {
        stress.status(spec.commandLine().getOut());
    }
}
