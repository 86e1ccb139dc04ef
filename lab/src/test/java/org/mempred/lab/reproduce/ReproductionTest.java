package org.mempred.lab.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.lab.report.Json;
import tools.jackson.databind.JsonNode;

/** A reproduction on tiny settings: every section and chart is produced and report.md agrees with results.json. */
class ReproductionTest {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])[+-]?\\d+(?:\\.\\d+)?");

    @TempDir
    static Path out;

    @TempDir
    static Path traces;

    private static Reproduction.Output output;
    private static String report;
    private static JsonNode results;
    private static final List<int[]> PROGRESS = new ArrayList<>();

    private static synchronized void onProgress(String stage, int done, int total) {
        PROGRESS.add(new int[] {done, total});
    }

    @BeforeAll
    static void reproduce() throws IOException {
        Files.writeString(
                traces.resolve("small.trace"),
                "# mempred-trace v1\n0 a 1 64\n1000000 a 2 128\n2000000 f 1\n3000000 a 3 32\n4000000 f 2\n",
                StandardCharsets.UTF_8);
        output = Reproduction.run(ReproduceSettings.tiny(traces), out, ReproductionTest::onProgress, "test");
        report = Files.readString(output.report());
        results = Json.read(Files.readString(output.results()));
    }

    @Test
    void everySectionIsInTheReportAndTheJson() {
        JsonNode sections = results.get("sections");
        assertThat(sections.size()).isEqualTo(15);
        for (int section = 1; section <= 15; section++) {
            assertThat(report).contains("\n## " + section + ". ");
            assertThat(sections.get(section - 1).get("number").asInt()).isEqualTo(section);
            assertThat(report)
                    .contains(". " + sections.get(section - 1).get("title").asString() + "\n");
        }
        assertThat(results.get("settings").get("mode").asString()).isEqualTo("tiny");
        assertThat(report)
                .contains("Replay of small.trace")
                .contains("Claims vs measured")
                .contains("holt-peak@0.85")
                .contains("neural@1.0")
                .contains("## Summary")
                .contains("### Glossary")
                .contains("Lookahead")
                .contains("Placement on small.trace at 95 %")
                .contains("no sites in a v1 trace")
                .contains("Peak footprint needed ÷ peak live bytes")
                .contains("Placement by predicted lifetime (section 14): Computed over the");
        // The summary's answers are sentences computed from the run, so they name the baselines.
        String summary = report.substring(report.indexOf("## Summary"), report.indexOf("### Glossary"));
        assertThat(summary).contains("against `reactive-slide`").contains("Against `reserve`");
        assertThat(summary)
                .contains(
                        "Decision (section 15): On bursty-stream at demand 95.0%, reserving policies with at most 1.1");
        assertThat(report)
                .contains("Where a forecast pays, bursty at demand 95.0%: oracle − reserve: OOM events")
                .contains("OOM events and bytes moved by workload")
                .contains("Foresight on the bursty family")
                .contains("Refill steps on small.trace");
    }

    @Test
    void everyChartIsAWrittenPngEmbeddedOrListed() throws IOException {
        assertThat(output.charts()).hasSizeGreaterThanOrEqualTo(4);
        for (Path chart : output.charts()) {
            byte[] bytes = Files.readAllBytes(chart);
            assertThat(bytes.length).as(chart.toString()).isGreaterThan(1000);
            assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
            assertThat(report).contains("](" + chart.getFileName() + ")");
        }
    }

    @Test
    void progressCountsEveryStepOfThePlanOnceAndEndsAtItsTotal() {
        int planned = Reproduction.plannedSteps(ReproduceSettings.tiny(traces));
        assertThat(PROGRESS).hasSize(planned);
        for (int i = 0; i < PROGRESS.size(); i++) {
            assertThat(PROGRESS.get(i)).containsExactly(i + 1, planned);
        }
    }

    @Test
    void everyChartASectionDeclaresIsListedInItsJson() {
        List<String> declared = new ArrayList<>();
        for (JsonNode section : results.get("sections")) {
            for (JsonNode chart : section.get("charts")) {
                declared.add(chart.get("file").asString());
            }
        }
        assertThat(output.charts())
                .extracting(path -> path.getFileName().toString())
                .containsExactlyElementsOf(declared);
    }

    @Test
    void everySafetyCasePasses() {
        assertThat(report).contains("| PASS |").doesNotContain("| FAIL |");
    }

    @Test
    void everyNumberInTheReportsTablesIsInTheJson() {
        List<Double> json = new ArrayList<>();
        collectNumbers(results, json);
        int checked = 0;
        for (String line : report.split("\n")) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            Matcher tokens = NUMBER.matcher(line);
            while (tokens.find()) {
                String token = tokens.group();
                assertThat(foundIn(json, token))
                        .as("%s (line: %s)", token, line)
                        .isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    /** Every number anywhere in {@code node}, including those quoted in text (a label cell's range). */
    private static void collectNumbers(JsonNode node, List<Double> into) {
        if (node.isNumber()) {
            into.add(node.asDouble());
        } else if (node.isString()) {
            Matcher numbers = NUMBER.matcher(node.asString());
            while (numbers.find()) {
                into.add(Double.parseDouble(numbers.group()));
            }
        }
        for (JsonNode child : node) {
            collectNumbers(child, into);
        }
    }

    /** Whether some JSON number, rounded to the token's decimals, reads as the token. */
    private static boolean foundIn(List<Double> json, String token) {
        int dot = token.indexOf('.');
        int decimals = dot < 0 ? 0 : token.length() - dot - 1;
        double wanted = Double.parseDouble(token);
        for (double value : json) {
            String rounded = String.format(Locale.ROOT, "%." + decimals + "f", value);
            if (Double.parseDouble(rounded) == wanted || Double.parseDouble(rounded) == -wanted && wanted == 0) {
                return true;
            }
        }
        return false;
    }
}
