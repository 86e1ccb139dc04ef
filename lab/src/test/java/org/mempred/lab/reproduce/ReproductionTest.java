package org.mempred.lab.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.lab.report.Json;
import org.mempred.lab.sim.Calibration;
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
    private static final List<String> STAGES = new ArrayList<>();

    private static synchronized void onProgress(String stage, int done, int total) {
        STAGES.add(stage);
        if (!stage.equals(Context.WRITING)) {
            PROGRESS.add(new int[] {done, total});
        }
    }

    @BeforeAll
    static void reproduce() throws IOException {
        Files.writeString(
                traces.resolve("small.trace"),
                "# mempred-trace v1\n0 a 1 64\n1000000 a 2 128\n2000000 f 1\n3000000 a 3 32\n4000000 f 2\n",
                StandardCharsets.UTF_8);
        Files.createDirectories(traces.resolve(ReplayTraces.LONG));
        StringBuilder program = new StringBuilder("# mempred-trace v2\n");
        for (int i = 0; i < 400; i++) {
            // a block every 0.2 s for 80 s, each freed 1 s later: a program that runs for minutes in miniature
            program.append(i * 200_000_000L)
                    .append(" a ")
                    .append(i + 1)
                    .append(' ')
                    .append(64 + 16 * (i % 7))
                    .append(' ')
                    .append(Integer.toHexString(0xa1 + i % 3))
                    .append('\n');
            if (i >= 5) {
                program.append(i * 200_000_000L + 1).append(" f ").append(i - 4).append('\n');
            }
        }
        Files.writeString(traces.resolve(ReplayTraces.LONG).resolve("program.trace"), program, StandardCharsets.UTF_8);
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
        assertThat(results.get("commit").asString()).as("no commit given").isEqualTo("unknown");
        assertThat(results.get("tree").asString()).isEqualTo("unknown");
        assertThat(report).contains("\nCommit: unknown");
        Calibration calibration = Calibration.shipped();
        assertThat(report).contains("\nCompaction cost model: " + calibration.describe());
        assertThat(results.get("calibration").get("bytesPerNano").asDouble())
                .isEqualTo(calibration.model().bytesPerNano());
        assertThat(results.get("calibration").get("measuredAt").asString())
                .isEqualTo(calibration.measuredAt().toString());
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
        // The answer comes first: the table and its sentences, then the section-by-section lines.
        assertThat(summary.indexOf("Where does prediction pay?"))
                .isPositive()
                .isLessThan(summary.indexOf("### Section by section"));
        assertThat(summary.indexOf("A forecast pays"))
                .isPositive()
                .isLessThan(summary.indexOf("### Section by section"));
        assertThat(summary)
                .contains("| stressor at 80, 90, 95 % (3) |")
                .contains("| bursty shapes at 95 % (5) |")
                .contains("| short recordings at 95 % peak live (1) |")
                .contains("| short recordings at 100 % peak live (1) |")
                .contains("| long-running programs at 95 % peak live (1) |")
                .contains("| program.trace at 100 % (1) |");
        assertThat(report).contains("trace program.trace (long-running):");
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
        // after the last step, one more line says the report is being written, not "ETA 0s" again
        assertThat(STAGES.getLast()).isEqualTo(Context.WRITING);
        assertThat(STAGES.stream().filter(Context.WRITING::equals)).hasSize(1);
        assertThat(STAGES).contains("15 decision").doesNotContain("14 bursty");
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

    /**
     * Every table of report.md has its twin in results.json (same title, same header, same rows),
     * and every number a cell shows is a JSON number of the same cell, rounded as shown: a figure
     * written as a label (a JSON string) fails, and so does a figure missing from its cell. Only
     * the first column (the row's name) and the headers may hold numbers as words.
     */
    @Test
    void everyFigureInTheReportsTablesIsAJsonNumberOfItsCell() {
        Map<String, Deque<JsonNode>> twins = new HashMap<>();
        List<JsonNode> parts = new ArrayList<>(List.of(results.get("summary")));
        results.get("sections").forEach(parts::add);
        for (JsonNode section : parts) {
            for (JsonNode table : section.get("tables")) {
                twins.computeIfAbsent(table.get("title").asString(), title -> new ArrayDeque<>())
                        .add(table);
            }
        }
        List<MarkdownTable> tables = MarkdownTable.all(report);
        assertThat(tables).hasSizeGreaterThan(20);
        int figures = 0;
        for (MarkdownTable table : tables) {
            Deque<JsonNode> candidates = twins.getOrDefault(table.title(), new ArrayDeque<>());
            assertThat(candidates).as("JSON twin of table '%s'", table.title()).isNotEmpty();
            JsonNode twin = candidates.removeFirst();
            assertThat(twin.get("rows").size())
                    .as(table.title())
                    .isEqualTo(table.rows().size());
            for (int r = 0; r < table.rows().size(); r++) {
                List<String> cells = table.rows().get(r);
                JsonNode row = twin.get("rows").get(r);
                assertThat(row.size()).as(table.title()).isEqualTo(cells.size());
                for (int c = 0; c < cells.size(); c++) {
                    figures += checkCell(table.title(), cells.get(c), row.get(c), c == 0);
                }
            }
        }
        assertThat(figures).isGreaterThan(500);
    }

    /** Checks one cell; returns how many figures it shows. */
    private static int checkCell(String title, String shown, JsonNode cell, boolean nameColumn) {
        List<String> tokens = new ArrayList<>();
        Matcher numbers = NUMBER.matcher(shown);
        while (numbers.find()) {
            tokens.add(numbers.group());
        }
        if (cell.isString()) {
            assertThat(shown)
                    .as("label in '%s'", title)
                    .isEqualTo(cell.asString().replace("|", "\\|"));
            if (!nameColumn) {
                assertThat(tokens)
                        .as("cell '%s' of table '%s' shows figures as words: not JSON numbers", shown, title)
                        .isEmpty();
            }
            return 0;
        }
        List<Double> values = new ArrayList<>();
        collectNumbers(cell, values);
        for (String token : tokens) {
            assertThat(foundIn(values, token))
                    .as("%s of cell '%s' in table '%s' among its JSON numbers %s", token, shown, title, values)
                    .isTrue();
        }
        return tokens.size();
    }

    /** Every JSON number in {@code node}; text is never read for numbers. */
    private static void collectNumbers(JsonNode node, List<Double> into) {
        if (node.isNumber()) {
            into.add(node.asDouble());
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
            double rounded = Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", value));
            if (rounded == wanted) {
                return true;
            }
        }
        return false;
    }

    /** A table of report.md: the bold title above it and its rows' cells (header and rule left out). */
    private record MarkdownTable(String title, List<List<String>> rows) {
        static List<MarkdownTable> all(String markdown) {
            List<MarkdownTable> tables = new ArrayList<>();
            String[] lines = markdown.split("\n");
            for (int i = 0; i + 3 < lines.length; i++) {
                if (!(lines[i].startsWith("**") && lines[i].endsWith("**") && lines[i + 2].startsWith("|"))) {
                    continue;
                }
                String title = lines[i].substring(2, lines[i].length() - 2);
                List<List<String>> rows = new ArrayList<>();
                int line = i + 4;
                for (; line < lines.length && lines[line].startsWith("|"); line++) {
                    rows.add(cells(lines[line]));
                }
                tables.add(new MarkdownTable(title, rows));
                i = line;
            }
            return tables;
        }

        private static List<String> cells(String line) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1)) {
                cells.add(cell.strip());
            }
            return cells;
        }
    }
}
