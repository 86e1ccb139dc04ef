package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's tables are the committed full run's, not typed: each must match report.md exactly. */
class ReadmeSummaryTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void readmeTableIsTheCommittedReportsSectionOneBaselineTable() throws IOException {
        assertThat(readmeTable("summary")).startsWith("| policy | OOM events vs reactive-slide |");
        assertThat(readmeTable("summary")).isEqualTo(reportTable("**Against the baselines"));
    }

    @Test
    void readmeOpensWithTheCommittedReportsAnswerTable() throws IOException {
        assertThat(readmeTable("pays")).startsWith("| workload family |");
        assertThat(readmeTable("pays")).isEqualTo(reportTable("**Where does prediction pay?"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme.indexOf("<!-- pays:start -->")).isLessThan(readme.indexOf("<!-- summary:start -->"));
    }

    /** The table between the README's {@code marker} markers. */
    private static String readmeTable(String marker) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String start = "<!-- " + marker + ":start -->\n";
        int from = readme.indexOf(start);
        assertThat(from).as("README marker " + marker).isNotNegative();
        return readme.substring(from + start.length(), readme.indexOf("<!-- " + marker + ":end -->"))
                .strip();
    }

    /** The first table after the line starting with {@code title} in the committed report. */
    private static String reportTable(String title) throws IOException {
        String report = Files.readString(ROOT.resolve("docs/reproduce/report.md"));
        int section = report.indexOf("\n" + title);
        assertThat(section).as(title).isPositive();
        String table = report.substring(report.indexOf("\n|", section) + 1);
        return table.substring(0, table.indexOf("\n\n")).strip();
    }

    @Test
    void readmeShowsTheCommittedChart() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("](docs/reproduce/oom-vs-bytes.png)");
        assertThat(ROOT.resolve("docs/reproduce/oom-vs-bytes.png")).exists();
    }
}
