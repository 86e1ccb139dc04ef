package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mempred.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mempred.cli.options.PathChecks;

/**
 * Every command with a path it cannot read or write, or a bad value: one {@code mempred:} line on
 * stderr, nothing on stdout, no stack trace, exit code 1 (I/O) or 2 (usage), before any work.
 */
class BadPathsTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> badInvocations() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        String missingDir = dir.resolve("missing/dir").toString();
        String trace = Path.of("..", "traces", "sqlite-index.trace.gz").toString();
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(1, List.of("train", "--out", missingDir + "/w.json")));
        cases.add(Arguments.of(1, List.of("train", "--out", dir.toString())));
        cases.add(
                Arguments.of(1, List.of("train", "--trace", missingDir + "/none.trace.gz", "--out", dir + "/w.json")));
        cases.add(Arguments.of(1, List.of("reproduce", "--tiny", "--out", file + "/out")));
        cases.add(Arguments.of(1, List.of("reproduce", "--tiny", "--out", file.toString())));
        cases.add(Arguments.of(1, List.of("reproduce", "--tiny", "--traces", missingDir, "--out", dir + "/r")));
        cases.add(Arguments.of(1, List.of("stress", "--json", missingDir + "/x.json")));
        cases.add(Arguments.of(1, List.of("stress", "--json", dir.toString())));
        cases.add(Arguments.of(1, List.of("replay", missingDir + "/none.trace")));
        cases.add(Arguments.of(1, List.of("replay", dir.toString())));
        cases.add(Arguments.of(1, List.of("replay", trace, "--json", missingDir + "/x.json")));
        cases.add(Arguments.of(1, List.of("capture", "--out", file + "/sub", "--", "true")));
        cases.add(Arguments.of(1, List.of("capture", "--lib", missingDir + "/lib.so", "--", "true")));
        cases.add(Arguments.of(2, List.of("demo", "--heap", "lots")));
        cases.add(Arguments.of(2, List.of("demo", "--operations", "-1")));
        cases.add(Arguments.of(2, List.of("train", "--out", dir + "/w.json", "--seeds", "0")));
        cases.add(Arguments.of(2, List.of("train")));
        cases.add(Arguments.of(2, List.of("stress", "--no-such-option")));
        cases.add(Arguments.of(2, List.of("replay")));
        cases.add(Arguments.of(2, List.of("shell", "--features", "magic")));
        cases.add(Arguments.of(2, List.of("shell", "--heap", "100")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} exits with {0}")
    @MethodSource("badInvocations")
    void badPathOrValueIsOneLineWithoutStackTraceBeforeAnyWork(int code, List<String> args) {
        String[] result = run(args.toArray(String[]::new));
        assertThat(result[0]).as(result[2]).isEqualTo(Integer.toString(code));
        assertThat(result[1]).as("stdout").isEmpty();
        assertThat(result[2]).startsWith("mempred: ").doesNotContain("\tat ");
        assertThat(result[2].strip().lines()).as(result[2]).hasSize(1);
    }

    @Test
    void probingAnOutputFileLeavesNothingBehind() {
        Path json = dir.resolve("probe.json");
        PathChecks.writableFile(json, "--json");
        assertThat(json).doesNotExist();
    }
}
