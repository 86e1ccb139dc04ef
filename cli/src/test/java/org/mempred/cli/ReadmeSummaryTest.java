package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's summary table is the committed full run's, not typed: it must match report.md exactly. */
class ReadmeSummaryTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void readmeTableIsTheCommittedReportsSectionOneBaselineTable() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String report = Files.readString(ROOT.resolve("docs/reproduce/report.md"));
        String start = "<!-- summary:start -->\n";
        int from = readme.indexOf(start) + start.length();
        int to = readme.indexOf("<!-- summary:end -->");
        assertThat(from).isGreaterThan(start.length() - 1);
        String table = readme.substring(from, to).strip();
        assertThat(table).startsWith("| policy | OOM events vs reactive-slide |");
        int section = report.indexOf("**Against the baselines");
        assertThat(section).isPositive();
        String reportTable = report.substring(report.indexOf("\n|", section) + 1);
        reportTable = reportTable.substring(0, reportTable.indexOf("\n\n")).strip();
        assertThat(table).isEqualTo(reportTable);
    }

    @Test
    void readmeShowsTheCommittedChart() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("](docs/reproduce/oom-vs-bytes.png)");
        assertThat(ROOT.resolve("docs/reproduce/oom-vs-bytes.png")).exists();
    }
}
