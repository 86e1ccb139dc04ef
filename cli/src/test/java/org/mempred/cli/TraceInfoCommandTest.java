package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mempred.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** trace-info summarises traces, and the table in traces/README.md is its output for the shipped ones. */
class TraceInfoCommandTest {
    private static final Path TRACES = Path.of("..", "traces");

    @Test
    void theTableInTheTracesReadmeIsTheCommandsOutputForEveryShippedTrace() throws IOException {
        String[] args;
        try (Stream<Path> files = Files.list(TRACES)) {
            args = Stream.concat(
                            Stream.of("trace-info"),
                            files.map(Path::toString)
                                    .filter(name -> name.endsWith(".trace") || name.endsWith(".trace.gz"))
                                    .sorted())
                    .toArray(String[]::new);
        }
        String[] result = run(args);
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(Files.readString(TRACES.resolve("README.md")))
                .as("traces/README.md holds `mempred trace-info traces/*.trace.gz` verbatim")
                .contains(result[1]);
    }

    @Test
    void aMissingTraceIsOneLineNamingIt() {
        String[] result = run("trace-info", "no-such.trace");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("no-such.trace");
        assertThat(result[1]).isEmpty();
    }
}
