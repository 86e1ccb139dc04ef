package org.mempred.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.mempred.cli.options.PathChecks;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The output options {@code stress} and {@code replay} share ({@code @Mixin}): where the JSON goes
 * and how wide the tables may be. With {@code --json -} standard output carries the JSON alone and
 * the tables move to standard error.
 */
final class ReportOptions {
    /** Table width without {@code --wide}: fits a 120-column terminal. */
    static final int TABLE_COLUMNS = 120;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "Also write the results as JSON to FILE (- for standard output; the tables then go to"
                    + " standard error).")
    Path json;

    @Option(
            names = "--wide",
            description = "Print each table in one piece however wide (default: wrap the policy columns into groups"
                    + " that fit in " + TABLE_COLUMNS + " columns).")
    boolean wide;

    /** Checks, before any work, that the JSON file can be written. */
    void checkJson() {
        if (json != null && !PathChecks.isStdout(json)) {
            PathChecks.writableFile(json, "--json");
        }
    }

    /** Where the human report goes. */
    PrintWriter tables(CommandSpec spec) {
        return PathChecks.isStdout(json)
                ? spec.commandLine().getErr()
                : spec.commandLine().getOut();
    }

    /** Writes the JSON document, when asked for. */
    void writeJson(CommandSpec spec, String document) {
        if (json != null) {
            PathChecks.write(json, document, spec.commandLine().getOut(), "--json");
        }
    }

    /** The widest a table line may be. */
    int tableColumns() {
        return wide ? Integer.MAX_VALUE : TABLE_COLUMNS;
    }
}
