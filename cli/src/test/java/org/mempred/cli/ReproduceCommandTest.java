package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mempred.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReproduceCommandTest {

    @Test
    void tinyRunWritesTheReportJsonAndChartsAndSaysWhere(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Path traces = Files.createDirectory(dir.resolve("no-traces"));
        String[] result =
                run("reproduce", "--tiny", "--seeds", "2", "--out", out.toString(), "--traces", traces.toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[2])
                .as("the settings at the start, no progress bar without a terminal")
                .startsWith("mempred reproduce: mempred reproduce --tiny --seeds 2")
                .doesNotContain("\r");
        assertThat(result[1])
                .startsWith("mempred reproduce: wrote ")
                .contains("report.md")
                .contains("results.json");
        assertThat(out.resolve("report.md")).exists();
        assertThat(out.resolve("results.json")).exists();
        assertThat(out.resolve("oom-sweep.png")).exists();
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("mempred reproduce --tiny --seeds 2")
                .contains("No traces (*.trace, *.trace.gz) were found in " + traces)
                .containsPattern("\nCommit: (`[0-9a-f]{40}` \\((clean|dirty|unknown) tree|unknown)");
        assertThat(Files.readString(out.resolve("results.json")))
                .containsPattern("\"commit\" : \"([0-9a-f]{40}|unknown)\"");
    }

    @ParameterizedTest
    @CsvSource({
        "--seeds,1,--seeds=1 must be between 2 and 1000",
        "--seeds,many,Invalid value for option '--seeds': 'many' is not a whole number >= 1",
        "--bogus,1,Unknown option"
    })
    void badOptionsPrintOneLineAndExitWithTwo(String option, String value, String message) {
        String[] result = run("reproduce", option, value);
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains(message);
        assertThat(result[1]).isEmpty();
    }
}
