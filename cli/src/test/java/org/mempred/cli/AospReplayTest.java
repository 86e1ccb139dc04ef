package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mempred.cli.CliRun.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.lab.report.Json;
import org.mempred.predict.neural.WeightsFile;
import tools.jackson.databind.JsonNode;

/** {@code replay} and {@code train} on AOSP memory_replay dumps the test writes. */
class AospReplayTest {
    @TempDir
    Path dir;

    /** A churning dump of two threads: 3,000 calls (malloc, calloc, realloc, free), pointers reused. */
    private static String churn(boolean timestamps) {
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder text = new StringBuilder();
        long[] live = new long[48];
        long nextPointer = 0x7f000010L;
        for (int i = 0; i < 3000; i++) {
            int slot = random.nextInt(live.length);
            int tid = 400 + slot % 2;
            text.append(tid).append(": ");
            if (live[slot] != 0 && random.nextInt(4) == 0) {
                long moved = nextPointer;
                nextPointer += 0x1000;
                text.append("realloc 0x")
                        .append(Long.toHexString(moved))
                        .append(" 0x")
                        .append(Long.toHexString(live[slot]))
                        .append(' ')
                        .append(16 + random.nextInt(3000));
                live[slot] = moved;
            } else if (live[slot] != 0) {
                text.append("free 0x").append(Long.toHexString(live[slot]));
                live[slot] = 0;
            } else {
                live[slot] = 0x7e000000L + slot * 0x10000L; // a freed pointer is returned again
                int size = 16 + random.nextInt(2000);
                if (random.nextBoolean()) {
                    text.append("malloc 0x")
                            .append(Long.toHexString(live[slot]))
                            .append(' ')
                            .append(size);
                } else {
                    text.append("calloc 0x")
                            .append(Long.toHexString(live[slot]))
                            .append(" 4 ")
                            .append(size / 4);
                }
            }
            if (timestamps) {
                long start = 1_000_000_000L + i * 20_000L;
                text.append(' ').append(start).append(' ').append(start + 300);
            }
            text.append('\n');
        }
        text.append("400: thread_done 0x0\n");
        return text.toString();
    }

    @Test
    void replayReadsADumpOnTheSyntheticClockAndSaysSo() throws IOException {
        Path dump = Files.writeString(dir.resolve("app.txt"), churn(false), StandardCharsets.US_ASCII);
        Path json = dir.resolve("out.json");
        String[] result = run(
                "replay",
                dump.toString(),
                "--policies",
                "reactive,periodic",
                "--seeds",
                "2",
                "--json",
                json.toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1])
                .contains("mempred replay: trace app.txt (" + dump + ", AOSP memory_replay dump, no sites;"
                        + " no timestamps: synthetic clock of 1000 ns per call (--clock))")
                .contains("trace: ")
                .contains("0.003 s long")
                .contains("OOM events");
        JsonNode replay = Json.read(Files.readString(json)).get("traces").get(0);
        assertThat(replay.get("format").asString()).isEqualTo("AOSP memory_replay dump, no sites");
        assertThat(replay.get("syntheticClockNanos").asLong()).isEqualTo(1000);
        assertThat(replay.get("allocations").asLong()).isPositive();

        String[] slower = run("replay", dump.toString(), "--policies", "reactive", "--seeds", "1", "--clock", "2us");
        assertThat(slower[0]).as(slower[2]).isEqualTo("0");
        assertThat(slower[1]).contains("synthetic clock of 2000 ns per call").contains("0.006 s long");
    }

    @Test
    void replayReadsATimedDumpInAZipWithItsOwnTimes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("app.txt"));
            zip.write(churn(true).getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        Path dump = Files.write(dir.resolve("app.zip"), bytes.toByteArray());
        String[] result = run("replay", dump.toString(), "--policies", "reactive", "--seeds", "1");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1])
                .contains("(" + dump + "!app.txt, AOSP memory_replay dump, no sites; times from its start timestamps)")
                .contains("0.060 s long");
    }

    @Test
    void aSitePlacementIsRefusedAndABadLineNamesFileAndLine() throws IOException {
        Path dump = Files.writeString(dir.resolve("app.txt"), churn(false), StandardCharsets.US_ASCII);
        String[] refused =
                run("replay", dump.toString(), "--policies", "reactive", "--seeds", "1", "--placement", "site-table");
        assertThat(refused[0]).isEqualTo("2");
        assertThat(refused[2])
                .contains("placement 'site-table' needs allocation sites")
                .contains("AOSP memory_replay");

        Path bad = Files.writeString(dir.resolve("bad.txt"), "1: malloc 0x10 8\n1: mallok 0x20 8\n");
        String[] result = run("replay", bad.toString(), "--policies", "reactive", "--seeds", "1");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains(bad + ":2:").contains("expected the call (malloc, calloc, memalign");
        assertThat(run("replay", bad.toString(), "--clock", "0")[2])
                .contains("Invalid value for option '--clock': '0' is not a clock");
    }

    @Test
    void trainLearnsFromADump() throws Exception {
        Path dump = Files.writeString(dir.resolve("app.txt"), churn(false), StandardCharsets.US_ASCII);
        Path out = dir.resolve("w.json");
        String[] result = run(
                "train",
                "--out",
                out.toString(),
                "--trace",
                dump.toString(),
                "--pressures",
                "95",
                "--seeds",
                "1",
                "--epochs",
                "1",
                "--clock",
                "500");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains("app.txt at 95 %");
        assertThat(Files.readString(out)).contains("--trace " + dump + " --clock 500");
        assertThat(WeightsFile.load(out)).isNotNull();
    }
}
