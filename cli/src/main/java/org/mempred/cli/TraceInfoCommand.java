package org.mempred.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mempred.cli.options.CommandIoException;
import org.mempred.cli.options.PathChecks;
import org.mempred.lab.trace.TraceProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mempred trace-info TRACE...}: one pass over each trace ({@link TraceProfile}) and one
 * Markdown table to stdout (events, allocations, length, peak live bytes, distinct sites, request
 * size quantiles), or a text table with {@code --text}. The table in traces/README.md is its
 * output. A missing or malformed trace prints one line naming it, before anything is printed.
 */
@Command(
        name = "trace-info",
        mixinStandardHelpOptions = true,
        description = "Summarise traces: events, length, peak live bytes, distinct sites and request size"
                + " quantiles, as a Markdown table (the one in traces/README.md).")
final class TraceInfoCommand implements Callable<Integer> {
    /** The table's title. */
    static final String TITLE = "Shipped traces (mempred trace-info)";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TRACE", description = "Trace files (.trace or .trace.gz).")
    private List<Path> traces;

    @Option(names = "--text", description = "A fixed-width text table instead of Markdown.")
    private boolean text;

    @Override
    public Integer call() {
        for (Path trace : traces) {
            PathChecks.readableFile(trace, "trace");
        }
        List<TraceProfile> profiles = new ArrayList<>();
        for (Path trace : traces) {
            try {
                profiles.add(TraceProfile.scan(trace));
            } catch (IOException e) {
                throw new CommandIoException("cannot read trace " + trace + ": " + PathChecks.reason(e), e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                text
                        ? TraceProfile.table(TITLE, profiles).text(Integer.MAX_VALUE)
                        : TraceProfile.table(TITLE, profiles).markdown());
        out.flush();
        return 0;
    }
}
