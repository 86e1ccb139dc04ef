package org.mempred.cli.shell;

import java.io.PrintWriter;
import java.util.List;
import org.jline.reader.Completer;
import org.mempred.live.LiveSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * The interactive shell's command interpreter, independent of any terminal: one line in, text
 * out. Bad input prints one {@code error:} line on the error writer, changes nothing and makes
 * {@link #execute} answer {@link Next#FAILED}; only {@code exit} (or end of input, handled by the
 * caller) ends a session.
 *
 * <p>The commands are one picocli model: a root command whose subcommands are the shell's
 * commands, each a {@code @Command} class with typed options and parameters. Dispatch
 * ({@link #execute}), help (picocli's {@code help} command and usage) and tab completion
 * ({@link #completer}, picocli's JLine completer) all read that model, so they cannot disagree:
 * a command is added in one place, {@link #commands}.
 *
 * <pre>
 *   root ── mempred {status, train [N], report}      ReportCommands
 *        ── heap {status, alloc, free, write, read,   HeapCommands
 *                 pin, unpin, compact, dump}
 *        ── stress {start, stop, status}              StressCommands
 *        ── autonomy, policy, metrics, log            GovernorCommands
 *        ── help [CMD], exit                          picocli, Exit
 * </pre>
 */
@Command(
        name = "",
        description = "A live heap and governor on the real clock. help CMD explains one command.",
        customSynopsis = "COMMAND [ARGS]...")
public final class Shell {
    /** What {@link #execute} tells the caller: how the line went, and whether to read another. */
    public enum Next {
        /** The line succeeded (or was blank); read another. */
        CONTINUE,
        /** The line failed with an {@code error:} line; read another. */
        FAILED,
        /** The user asked to leave. */
        EXIT
    }

    private final CommandLine commandLine;
    private final Exit exit = new Exit();

    /** A shell over {@code system}; {@code stress} runs background workloads. */
    public Shell(LiveSystem system, TimedPredictor.Latencies latencies, StressControl stress) {
        this.commandLine = new CommandLine(this);
        for (Object command : commands(system, latencies, stress)) {
            commandLine.addSubcommand(command);
        }
        commandLine.setParameterExceptionHandler((exception, args) -> {
            exception.getCommandLine().getErr().println("error: " + message(exception));
            return 2;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof IllegalArgumentException
                    || exception instanceof IllegalStateException
                    || exception instanceof IndexOutOfBoundsException) {
                failed.getErr().println("error: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
    }

    /** Every command of the shell, in the order help lists them. */
    private List<Object> commands(LiveSystem system, TimedPredictor.Latencies latencies, StressControl stress) {
        return List.of(
                new ReportCommands(system, latencies),
                new HeapCommands(system),
                new StressCommands(stress),
                new GovernorCommands.Autonomy(system),
                new GovernorCommands.Policy(system),
                new GovernorCommands.Metrics(system),
                new GovernorCommands.Log(system),
                new CommandLine.HelpCommand(),
                exit);
    }

    /** The command words, as help lists them (without aliases). */
    public List<String> commandWords() {
        return names(commandLine);
    }

    /** The names of {@code command}'s subcommands, in order, each once (aliases map to the same command). */
    private static List<String> names(CommandLine command) {
        return command.getSubcommands().values().stream()
                .map(CommandLine::getCommandName)
                .distinct()
                .toList();
    }

    /** Tab completion of every command, option and listed value, from the same model as dispatch. */
    public Completer completer() {
        return new PicocliJLineCompleter(commandLine.getCommandSpec());
    }

    /** The command model, for tests of help and completion. */
    CommandSpec spec() {
        return commandLine.getCommandSpec();
    }

    /** Runs one line, writing its output and any error to {@code out}, as a terminal shows both. */
    public Next execute(String line, PrintWriter out) {
        return execute(line, out, out);
    }

    /**
     * Runs one line, writing its output to {@code out} and an error to {@code err}. Blank lines and
     * {@code #} comments do nothing.
     */
    public Next execute(String line, PrintWriter out, PrintWriter err) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Next.CONTINUE;
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code = commandLine.execute(trimmed.split("\\s+"));
        out.flush();
        err.flush();
        if (exit.requested) {
            return Next.EXIT;
        }
        return code == 0 ? Next.CONTINUE : Next.FAILED;
    }

    /** Picocli's message, or for a word that names no command, the commands that there are. */
    private static String message(ParameterException exception) {
        CommandLine failed = exception.getCommandLine();
        if (exception instanceof UnmatchedArgumentException unmatched
                && !failed.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()) {
            String path = failed.getCommandSpec().qualifiedName(" ").strip();
            String word = unmatched.getUnmatched().getFirst();
            return "unknown command '" + (path.isEmpty() ? word : path + " " + word) + "'; try help"
                    + (path.isEmpty() ? "" : " " + path) + " (commands: "
                    + String.join(", ", names(failed)) + ")";
        }
        return exception.getMessage();
    }

    /** {@code exit}: leaves the shell (end of input does too). */
    @Command(name = "exit", aliases = "quit", description = "Leave the shell (end of input does too).")
    static final class Exit implements Runnable {
        private boolean requested;

        @Override
        public void run() {
            requested = true;
        }
    }
}
