package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mempred.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.lab.report.Json;
import tools.jackson.databind.JsonNode;

class ReplayCommandTest {
    @TempDir
    Path dir;

    /** A churning trace: 4,000 events over 0.2 s, ids reused after their free. */
    private Path churnTrace() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder text = new StringBuilder("# mempred-trace v1\n");
        boolean[] live = new boolean[64];
        for (int i = 0; i < 4000; i++) {
            int id = random.nextInt(64);
            long t = i * 50_000L;
            text.append(t).append(live[id] ? " f " + id : " a " + id + " " + (16 + random.nextInt(2000)));
            text.append('\n');
            live[id] = !live[id];
        }
        text.append("200000000 f 999\n");
        return Files.writeString(dir.resolve("churn.trace"), text, StandardCharsets.US_ASCII);
    }

    @Test
    void replayPrintsTheStressTablesPlusTheTraceAndHowHeapAndSpeedWereChosen() throws IOException {
        Path trace = churnTrace();
        Path json = dir.resolve("out.json");
        String[] result = run(
                "replay",
                trace.toString(),
                "--policies",
                "reactive,periodic",
                "--seeds",
                "2",
                "--pressure",
                "90",
                "--json",
                json.toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1])
                .contains("mempred replay: trace churn.trace")
                .contains("1 frees of unknown ids skipped")
                .contains("auto: peak live")
                .contains("pressure 0.900")
                .contains("default: stretched to 12 horizons")
                .contains("metric (mean ± 95% CI)")
                .contains("OOM events")
                .contains("change vs reactive (paired; * = CI excludes 0)");
        JsonNode document = Json.read(Files.readString(json));
        assertThat(document.get("command").asString()).isEqualTo("replay");
        JsonNode replay = document.get("traces").get(0);
        assertThat(replay.get("command").asString()).isEqualTo("replay");
        assertThat(replay.get("trace").asString()).isEqualTo(trace.toString());
        assertThat(replay.get("unknownFrees").asLong()).isEqualTo(1);
        assertThat(replay.get("peakLiveBytes").asLong()).isPositive();
        assertThat(replay.get("heapBytes").asLong()).isPositive();
        assertThat(replay.get("policies").get(0).get("runs").get(0).has("oomFragmentation"))
                .isTrue();
    }

    @Test
    void replaysDefaultsIncludeReserveAndAnswerWithOneVerdictLine() throws IOException {
        Path trace = churnTrace();
        String[] result = run("replay", trace.toString(), "--seeds", "2", "--pressure", "100");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1])
                .contains("policies: reactive, periodic, reserve, neural, holt, zgc, linux, oracle")
                .contains("change vs reserve (paired; * = CI excludes 0)")
                .contains("verdict: use ");
        assertThat(result[1].lines().filter(line -> line.startsWith("verdict: ")))
                .hasSize(1);
    }

    @Test
    void sameSeedsGiveTheSameTables() throws IOException {
        Path trace = churnTrace();
        String[] args = {"replay", trace.toString(), "--policies", "reactive", "--seeds", "2", "--speed", "0.01"};
        String first = run(args)[1].replaceAll("compaction µs \\(wall\\).*", "");
        String second = run(args)[1].replaceAll("compaction µs \\(wall\\).*", "");
        assertThat(first).contains("from --speed").isEqualTo(second);
    }

    @Test
    void aSiteBasedPlacementOnATraceWithoutSitesIsRefusedBeforeTheRunInOneLine() throws IOException {
        Path trace = churnTrace();
        String[] result =
                run("replay", trace.toString(), "--policies", "reactive", "--seeds", "2", "--placement", "site-table");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).isEmpty();
        assertThat(result[2].strip())
                .doesNotContain("\n")
                .contains("placement 'site-table' needs allocation sites")
                .contains("mempred-trace v1");
        assertThat(run("replay", trace.toString(), "--placement", "nearest")[2])
                .contains(
                        "Invalid value for option '--placement': 'nearest' is not a placement: expected one of tlsf,");
    }

    @Test
    void aPlacementWithoutSitesReplaysATraceWithoutSitesAndSaysSo() throws IOException {
        Path trace = churnTrace();
        String[] result = run(
                "replay", trace.toString(), "--policies", "reserve", "--seeds", "2", "--placement", "oracle-lifetime");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains("placement oracle-lifetime").contains("lifetime class exact %");
    }

    @Test
    void malformedTraceNamesFileAndLineWithExitCodeTwo() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.trace"), "# mempred-trace v1\n5 a 1 16\n6 q 1\n");
        String[] result = run("replay", bad.toString(), "--policies", "reactive", "--seeds", "1");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains(bad + ":3:").contains("expected the operation 'a' (allocate) or 'f' (free)");
    }

    @Test
    void badOptionsAndMissingFilesAreOneLineWithExitCodeTwo() throws IOException {
        Path trace = churnTrace();
        assertThat(run("replay", dir.resolve("none.trace").toString())[2]).contains("does not exist");
        assertThat(run("replay", trace.toString(), "--speed", "0")[2])
                .contains("Invalid value for option '--speed': '0' is not a positive number");
        assertThat(run("replay", trace.toString(), "--heap", "1KiB")[2]).contains("smaller than the trace's largest");
        assertThat(run("replay", trace.toString(), "--policies", "magic")[2]).contains("unknown policy 'magic'");
        assertThat(run("replay", trace.toString(), "--heap", "lots")[0]).isEqualTo("2");
        assertThat(run("replay", trace.toString(), "--heap", "100")[2])
                .contains("option '--heap': '100' is 100 bytes: expected auto or a multiple of 16 bytes");
    }

    @Test
    void allZeroOomTablesSaySoAndSuggestATighterHeap() throws IOException {
        String[] result = run(
                "replay",
                churnTrace().toString(),
                "--policies",
                "reactive,periodic",
                "--seeds",
                "2",
                "--pressure",
                "50");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains("no policy had an OOM event").contains("--pressure 100");
        assertThat(result[1].indexOf("verdict: "))
                .as("the verdict ends the report, after every note")
                .isGreaterThan(result[1].indexOf("no policy had an OOM event"));
    }

    @Test
    void aReplayOfFewHorizonsIsWarnedAboutOnStderrAndInTheHeader() throws IOException {
        String[] result =
                run("replay", churnTrace().toString(), "--policies", "reactive", "--seeds", "1", "--speed", "1e12");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[2]).contains("warning: the replay spans only");
        assertThat(result[1]).contains("warning: the replay spans only").doesNotContain("= 0.0 horizons");
    }

    @Test
    void aHeapBelowThePeakSaysInTheHeaderThatSomeRequestsCanNeverFit() throws IOException {
        String[] result =
                run("replay", churnTrace().toString(), "--policies", "reactive", "--seeds", "1", "--heap", "8KiB");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains("exceed the heap of 8,192 bytes").contains("can never fit, whatever the policy");
    }

    @Test
    void randomBytesAreNotGzipNotATraceAndNeverReachTheTerminal() throws IOException {
        byte[] bytes = new byte[3000];
        new SplittableRandom(5).nextBytes(bytes);
        bytes[0] = 'x';
        Path random = Files.write(dir.resolve("random.trace.gz"), bytes);
        bytes[0] = 0x1f;
        bytes[1] = (byte) 0x8b;
        bytes[2] = 99;
        Path fakeGzip = Files.write(dir.resolve("fake.trace.gz"), bytes);
        for (Path file : new Path[] {random, fakeGzip}) {
            String[] result = run("replay", file.toString());
            assertThat(result[0]).as(result[2]).isEqualTo("2");
            assertThat(result[2]).contains("not gzip and not a mempred trace");
            assertThat(result[2].strip()).matches("[\\x20-\\x7e]*");
        }
    }
}
