package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mempred.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mempred.lab.report.Json;
import tools.jackson.databind.JsonNode;

class StressCommandTest {

    @Test
    void shortStressRunPrintsBothTablesSeedsAndOnlyResultsOnStdout(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("out.json");
        String[] result = run(
                "stress",
                "--pressure",
                "0.85",
                "--duration",
                "20s",
                "--policies",
                "periodic,holt,oracle",
                "--seeds",
                "2",
                "--json",
                json.toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[2]).as("no progress bar without a terminal").isEmpty();
        assertThat(result[1])
                .contains("seeds: 1..2 (2)")
                .contains("policies: reactive, periodic, holt, oracle")
                .contains("metric (mean ± 95% CI)")
                .contains("change vs reactive (paired; * = CI excludes 0)")
                .contains("oracle reads the true future");
        JsonNode document = Json.read(Files.readString(json, StandardCharsets.UTF_8));
        assertThat(document.get("command").asString()).isEqualTo("stress");
        assertThat(document.get("pressure").asDouble()).isEqualTo(0.85);
        assertThat(document.get("durationSeconds").asDouble()).isEqualTo(20.0);
        assertThat(document.get("heapBytes").asInt()).isEqualTo(102_400);
        assertThat(document.get("seeds").toString()).isEqualTo("[1,2]");
        JsonNode policies = document.get("policies");
        assertThat(policies.size()).isEqualTo(4);
        JsonNode reactive = policies.get(0);
        assertThat(reactive.get("name").asString()).isEqualTo("reactive");
        assertThat(policies.get(1).get("summary").get("oomEvents").has("vsReactive"))
                .isTrue();
        JsonNode run = reactive.get("runs").get(0);
        for (String key : new String[] {
            "seed", "oomEvents", "compactions", "proactiveCompactions", "reactiveCompactions", "meanCompactionMicros",
            "peakPressure", "meanPressure", "meanResponseMicros", "p99ResponseMicros", "predictionAccuracy", "skill",
            "crashes", "oomFragmentation", "oomExhaustion", "bytesMoved"
        }) {
            assertThat(run.has(key)).as(key).isTrue();
        }
        assertThat(run.get("predictionAccuracy").isNull())
                .as("reactive has no predictor")
                .isTrue();
    }

    @Test
    void reserveRunsByDefaultAndTheReportPairsEveryPolicyWithItAndEndsWithAVerdict(@TempDir Path dir)
            throws IOException {
        assertThat(org.mempred.cli.options.PolicyList.parse(org.mempred.cli.options.PolicyList.DEFAULT)
                        .specs())
                .extracting(org.mempred.govern.PolicySpec::name)
                .contains("reactive", "reserve", "neural");
        Path json = dir.resolve("out.json");
        String[] result = run(
                "stress",
                "--duration",
                "10s",
                "--policies",
                "reactive,reserve,holt,neural",
                "--seeds",
                "3",
                "--json",
                json.toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        String out = result[1];
        assertThat(out.replaceAll("\\s+", " "))
                .contains("change vs reactive (paired; * = CI excludes 0)")
                .contains("change vs reserve (paired; * = CI excludes 0)")
                .contains("legend: lifetime class exact = ")
                .contains("skill = 1 - MSE / MSE of persistence (forecasting that the next horizon repeats the last)")
                .contains("legend: policy minus the baseline on the same stream")
                .doesNotContain("compaction µs (wall)");
        String tail = out.substring(out.indexOf("change vs reserve"));
        assertThat(tail).contains("reactive").contains("holt").contains("neural");
        String verdict = out.substring(out.lastIndexOf("verdict: "))
                .replaceAll("\\s+", " ")
                .strip();
        assertThat(verdict)
                .startsWith("verdict: use ")
                .contains("KiB moved per run")
                .contains("reserve (no forecast)");
        assertThat(out.substring(out.indexOf("metric (")).lines())
                .allMatch(line -> line.length() <= ReportOptions.TABLE_COLUMNS);
        JsonNode document = Json.read(Files.readString(json, StandardCharsets.UTF_8));
        assertThat(document.get("verdict").asString()).isEqualTo(verdict);
        JsonNode neural = document.get("policies").get(3);
        assertThat(neural.get("name").asString()).isEqualTo("neural");
        assertThat(neural.get("summary").get("oomEvents").has("vsReserve")).isTrue();
        assertThat(neural.get("runs").get(0).has("meanCompactionWallMicros")).isTrue();
    }

    @Test
    void sameOptionsPrintTheSameTablesApartFromWallTime() {
        String[] args = {
            "stress", "--pressure", "95", "--duration", "15s", "--policies", "reactive,neural", "--seeds", "2"
        };
        String first = withoutWallTime(run(args)[1]);
        String second = withoutWallTime(run(args)[1]);
        assertThat(second).isEqualTo(first);
    }

    /** Drops the measured wall-time rows and the column padding their widths cause. */
    private static String withoutWallTime(String report) {
        return report.replaceAll("(?m)^compaction µs \\(wall\\).*$", "").replaceAll("[ -]+", " ");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--duration|-5m|Invalid value for option '--duration': '-5m' must be a positive duration",
                "--duration|soon|Invalid value for option '--duration': 'soon' is not a duration: expected e.g. 10m",
                "--pressure|0|Invalid value for option '--pressure': '0' is outside (0, 100 %]: expected a percentage",
                "--pressure|150|Invalid value for option '--pressure': '150' is outside (0, 100 %]",
                "--pressure|1|Invalid value for option '--pressure': '1' is ambiguous (1 % or 100 %?)",
                "--policies|neural-peak@2|Invalid value for option '--policies': policy 'neural-peak@2': threshold 2.0"
                        + " is not a number in (0, 1]",
                "--heap|1TiB|Invalid value for option '--heap': '1TiB' is 1099511627776 bytes, over the largest heap"
                        + " of 1GiB",
                "--pressure|high|Invalid value for option '--pressure': 'high' is not a pressure: expected a percentage",
                "--policies|reactive,psychic|Invalid value for option '--policies': unknown policy 'psychic'",
                "--heap|4KiB|--heap=4096 bytes is smaller than the workload's largest request of 8192 bytes",
                "--heap|100|Invalid value for option '--heap': '100' is 100 bytes: expected a multiple of 16 bytes",
                "--seeds|0|Invalid value for option '--seeds': '0' is not a whole number >= 1",
                "--threads|two|Invalid value for option '--threads': 'two' is not a whole number >= 1",
                "--lookahead|0s|Invalid value for option '--lookahead': '0s' must be a positive duration",
                "--workload|disk|Invalid value for option '--workload': 'disk' is unknown; valid: stress, mix"
            })
    void badOptionsPrintOneLineNamingOptionValueAndExpectationAndExitWithTwo(
            String option, String value, String message) {
        String[] result = option.equals("--duration") || option.equals("--seeds")
                ? run("stress", option, value)
                : run("stress", option, value, "--duration", "1s", "--seeds", "1");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).startsWith("mempred: ").contains(message);
        assertThat(result[2].strip().lines()).hasSize(1);
        assertThat(result[1]).isEmpty();
    }

    @Test
    void unwritableJsonFileIsOneLineAndExitCodeOne(@TempDir Path dir) {
        String[] result = run(
                "stress",
                "--duration",
                "2s",
                "--seeds",
                "1",
                "--policies",
                "reactive",
                "--json",
                dir.resolve("missing/dir/out.json").toString());
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("cannot write --json");
    }

    @Test
    void metricsOptionPrintsEveryRunsMetricLinesAtItsEnd() {
        String[] result = run(
                "stress",
                "--pressure",
                "90",
                "--duration",
                "30s",
                "--seeds",
                "2",
                "--policies",
                "reactive,neural",
                "--metrics");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1])
                .contains("# end of run: policy reactive, seed 1")
                .contains("# end of run: policy neural, seed 2");
        for (String name : new String[] {
            "heap_used_bytes",
            "heap_free_bytes",
            "heap_largest_free_bytes",
            "heap_pressure",
            "heap_fragmentation",
            "oom_events",
            "compactions_total",
            "compactions_proactive",
            "compactions_reactive",
            "mempred_predictions",
            "mempred_accuracy",
            "mempred_fallbacks",
            "watchdog_alerts"
        }) {
            assertThat(result[1]).contains("METRIC " + name + "=");
        }
        assertThat(result[1].lines().filter(l -> l.startsWith("METRIC ")))
                .allMatch(l -> l.matches("METRIC [a-z][a-z0-9_]*=-?[0-9]+(\\.[0-9]+)?"));
    }

    @Test
    void jsonDashWritesTheDocumentToStdoutAndTheTablesToStderr() {
        String[] result =
                run("stress", "--duration", "5s", "--seeds", "1", "--policies", "reactive,periodic", "--json", "-");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(Json.read(result[1]).get("command").asString()).isEqualTo("stress");
        assertThat(result[1]).doesNotContain("mempred stress:");
        assertThat(result[2]).contains("mempred stress:").contains("no CI with one seed");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void policiesAllRunsEveryPolicyTheCoreNamesAndTablesFitIn120Columns() {
        String[] result = run("stress", "--duration", "5s", "--seeds", "2", "--policies", "all");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        for (String policy : org.mempred.govern.Policies.NAMES) {
            assertThat(result[1]).contains(" " + policy);
        }
        String tables = result[1].substring(result[1].indexOf("metric ("));
        assertThat(tables.lines().filter(line -> !line.startsWith("note:")))
                .allMatch(line -> line.length() <= ReportOptions.TABLE_COLUMNS);
        String wide = run("stress", "--duration", "5s", "--seeds", "2", "--policies", "all", "--wide")[1];
        assertThat(wide.lines()).anyMatch(line -> line.length() > ReportOptions.TABLE_COLUMNS);
    }
}
