package org.mempred.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mempred.cli.options.CommandIoException;
import org.mempred.cli.options.PathChecks;
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
            TraceInfoCommand.class,
            ShellCommand.class,
            TrainCommand.class,
            ReproduceCommand.class,
            CalibrateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * The configured command line. Every error is one {@code mempred: ...} line on stderr: bad usage
     * and bad values (picocli's parameter errors, an {@link IllegalArgumentException} from a
     * command) exit with code 2; a file that cannot be read or written ({@link CommandIoException},
     * an {@link IOException}) with code 1.
     */
    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr()
                    .println("mempred: " + oneLine(exception.getMessage()) + " (see '"
                            + failed.getCommandSpec().qualifiedName() + " --help')");
            failed.getErr().flush();
            return 2;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            int code;
            if (exception instanceof IllegalArgumentException) {
                code = 2;
            } else if (exception instanceof CommandIoException
                    || exception instanceof IOException
                    || exception instanceof UncheckedIOException) {
                code = 1;
            } else if (outOfMemory(exception)) {
                PrintWriter err = failed.getErr();
                err.println(String.format(
                        Locale.ROOT,
                        "mempred: ran out of Java heap (this JVM may use %,d MiB): run with"
                                + " MEMPRED_JAVA_OPTS=-Xmx%dg, or fewer --threads or --seeds",
                        Runtime.getRuntime().maxMemory() >> 20,
                        2 * Math.max(1, Runtime.getRuntime().maxMemory() >> 30)));
                err.flush();
                return 1;
            } else {
                throw exception;
            }
            PrintWriter err = failed.getErr();
            err.println("mempred: " + oneLine(message(exception)));
            err.flush();
            return code;
        });
        return commandLine;
    }

    /** Whether {@code exception} or one of its causes is an {@link OutOfMemoryError}. */
    private static boolean outOfMemory(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The message of {@code exception}, with the reason of an I/O cause when the message lacks it. */
    private static String message(Exception exception) {
        if (exception instanceof FileSystemException fs) {
            return "cannot access " + fs.getFile() + ": " + PathChecks.reason(fs);
        }
        String message = exception.getMessage() == null ? exception.toString() : exception.getMessage();
        if (exception instanceof UncheckedIOException unchecked) {
            String reason = PathChecks.reason(unchecked.getCause());
            return message.contains(reason) ? message : message + ": " + reason;
        }
        return message;
    }

    /** {@code text} on one line, with only printable characters (a binary file's bytes never reach the terminal). */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                    line.append(' ');
                }
            } else if (!Character.isISOControl(c) && c != '\uFFFD' && Character.isDefined(c)) {
                line.append(c);
            } else {
                line.append('?');
            }
        }
        return line.toString().strip();
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        spec.commandLine().usage(err);
        err.println("mempred: a command is required");
        err.flush();
        return 2;
    }
}
