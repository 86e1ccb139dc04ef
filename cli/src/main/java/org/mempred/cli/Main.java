package org.mempred.cli;

import org.mempred.cli.shell.ShellCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mempred} command: dispatches to subcommands. */
@Command(
        name = "mempred",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Predictive heap compaction: a compacting heap, online predictors and a lab that measures them.",
        subcommands = {
            DemoCommand.class,
            StressCommand.class,
            ReplayCommand.class,
            CaptureCommand.class,
            ShellCommand.class,
            TrainCommand.class,
            ReproduceCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * The configured command line: bad usage (picocli exits with 2) and bad values (an {@link IllegalArgumentException}
     * from a command) print one clear line on stderr and exit with code 2.
     */
    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof IllegalArgumentException) {
                failed.getErr().println("mempred: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
