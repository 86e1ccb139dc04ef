package org.mempred.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mempred.govern.Placement;
import org.mempred.lab.sim.PlacementCheck;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.HeapEvent;

class AospDumpReaderTest {
    /** Every action once; realloc moves 0x1000's block to 0x4000; thread 101 ends. */
    private static final String DUMP = """
            100: malloc 0x1000 24
            100: calloc 0x2000 4 10
            101: memalign 0x3000 64 100
            101: realloc 0x4000 0x1000 48
            100: free 0x2000
            101: thread_done 0x0
            100: free 0x4000
            """;

    /** The same calls with start and end times; the fourth starts before the third (clamped). */
    private static final String TIMED_DUMP = """
            100: malloc 0x1000 24 5000 5100
            100: calloc 0x2000 4 10 6000 6100
            101: memalign 0x3000 64 100 9000 9200
            101: realloc 0x4000 0x1000 48 8500 9400
            100: free 0x2000 12000 12050
            101: thread_done 0x0
            100: free 0x4000 15000 15100
            """;

    @TempDir
    Path dir;

    @Test
    void readsAllSixActionsOnTheSyntheticClockKeepingThreads() {
        try (AospDumpReader reader = reader(DUMP, 1_000)) {
            assertThat(events(reader))
                    .containsExactly(
                            "0 ALLOCATE 0 24 t100",
                            "1000 ALLOCATE 1 40 t100",
                            "2000 ALLOCATE 2 100 t101",
                            "3000 FREE 0 t101",
                            "3000 ALLOCATE 3 48 t101",
                            "4000 FREE 1 t100",
                            "5000 FREE 3 t100");
            assertThat(reader.syntheticClockNanos()).isEqualTo(1_000);
            assertThat(reader.format()).isEqualTo(TraceFormat.AOSP);
            assertThat(reader.characteristics()).isEmpty();
            assertThat(reader.allocations()).isEqualTo(4);
            assertThat(reader.events()).isEqualTo(7);
            assertThat(reader.unknownFrees()).isZero();
            assertThat(reader.livePointers()).isEqualTo(1); // memalign's block is never freed
            assertThat(reader.liveBytes()).isEqualTo(112);
            assertThat(reader.peakLiveBytes()).isEqualTo(48 + 112 + 48); // after the realloc
            assertThat(reader.maxRequestBytes()).isEqualTo(100);
        }
    }

    @Test
    void timestampsAreStartTimesFromTheFirstCallAndAnEarlierStartIsRaisedAndCounted() {
        try (AospDumpReader reader = reader(TIMED_DUMP, 1_000)) {
            assertThat(events(reader))
                    .containsExactly(
                            "0 ALLOCATE 0 24 t100",
                            "1000 ALLOCATE 1 40 t100",
                            "4000 ALLOCATE 2 100 t101",
                            "4000 FREE 0 t101",
                            "4000 ALLOCATE 3 48 t101",
                            "7000 FREE 1 t100",
                            "10000 FREE 3 t100");
            assertThat(reader.syntheticClockNanos()).isZero();
            assertThat(reader.clampedTimes()).isEqualTo(1);
        }
    }

    @Test
    void theSummaryOfATimedDumpKeepsItsTimesAndCountsTheRaisedStarts() throws IOException {
        Path file = Files.writeString(dir.resolve("timed.txt"), TIMED_DUMP);
        TraceSummary summary = TraceSummary.scan(file, 1_000);
        assertThat(summary.syntheticClock()).isFalse();
        assertThat(summary.durationNanos()).isEqualTo(10_000);
        assertThat(summary.clampedTimes()).isEqualTo(1);
    }

    @Test
    void theClockIsPerCallAndSkipsThreadDone() {
        try (AospDumpReader reader = reader("7: malloc 0x10 8\n7: thread_done 0x0\n8: free 0x10\n", 250)) {
            assertThat(events(reader)).containsExactly("0 ALLOCATE 0 8 t7", "250 FREE 0 t8");
        }
        assertThatThrownBy(() -> reader(DUMP, 0)).hasMessage("nanosPerCall=0 must be positive");
    }

    @Test
    void aPointerFreedAndReturnedAgainIsANewBlockAndUnknownOrNullFreesAreSkipped() {
        String dump = """
                1: malloc 0x10 16
                1: free 0x10
                1: free 0x99
                1: free 0x0
                2: malloc 10 32
                2: malloc 0x0 64
                2: free 0X10
                """;
        try (AospDumpReader reader = reader(dump, 1_000)) {
            assertThat(events(reader))
                    .containsExactly("0 ALLOCATE 0 16 t1", "1000 FREE 0 t1", "4000 ALLOCATE 1 32 t2", "6000 FREE 1 t2");
            assertThat(reader.unknownFrees()).isEqualTo(1);
            assertThat(reader.allocations()).isEqualTo(2);
        }
    }

    @Test
    void reallocEdgeCases() {
        String dump = """
                1: realloc 0x20 0x0 8
                1: realloc 0x0 0x20 0
                1: malloc 0x30 16
                1: realloc 0x0 0x30 64
                1: realloc 0x30 0x30 32
                1: realloc 0x40 0x99 8
                1: realloc 0x50 0x40 0
                1: malloc 0x60 0
                """;
        try (AospDumpReader reader = reader(dump, 1)) {
            assertThat(events(reader))
                    .containsExactly(
                            "0 ALLOCATE 0 8 t1", // old 0: a malloc
                            "1 FREE 0 t1", // size 0: a free
                            "2 ALLOCATE 1 16 t1",
                            // line 4 failed (new 0x0): 0x30 stays live
                            "4 FREE 1 t1", // in place: free, then a new block at the same pointer
                            "4 ALLOCATE 2 32 t1",
                            "5 ALLOCATE 3 8 t1", // old not live: counted, new allocated
                            "6 FREE 3 t1", // size 0 frees old whatever new says
                            "7 ALLOCATE 4 1 t1"); // malloc(0) is a 1-byte request
            assertThat(reader.unknownFrees()).isEqualTo(1);
            assertThat(reader.livePointers()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "100: malloc 0x1000|expected a space and then the size in bytes",
                "100: mallocx 0x1000 5|expected the call (malloc, calloc, memalign, realloc, free or thread_done)",
                "100 malloc 0x1000 5|expected ':' after the thread id",
                "x: malloc 0x1 5|expected the thread id",
                "100: malloc zz 5|expected the pointer (hexadecimal",
                "100: calloc 0x1 4611686018427387904 4|overflows 64 bits",
                "100: malloc 0x1 5 77|expected a space and then the end time in ns",
                "100: malloc 0x1 5 1 2 3|expected the end of the line after the end time",
                "100: malloc 0x1 2147483648|exceeds the largest request 2147483647",
                "100: malloc 0x1000 8|pointer 0x1000 is returned while still live",
                "100: free 0x1000 5 6|timestamps on a call, but line 1 had none",
                "100: realloc 0x1 0x1000|expected a space and then the size in bytes",
            })
    void aMalformedLineIsOneErrorNamingFileLineAndWhatWasExpected(String line, String expected) throws IOException {
        Path file =
                Files.writeString(dir.resolve("bad.txt"), "100: malloc 0x1000 16\n" + line + "\n100: free 0x1000\n");
        assertThatThrownBy(() -> drain(file))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(file + ":2: ")
                .hasMessageContaining(expected)
                .hasMessageContaining("in line \"" + line + "\"");
    }

    /** How a dump is stored. */
    enum Container {
        PLAIN,
        GZIP,
        ZIP
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Container.class)
    void aDumpIsRecognisedByContentPlainGzipOrZipWhateverItsName(Container container) throws IOException {
        Path file = dir.resolve("dump.bin");
        Files.write(file, stored(container, DUMP));
        List<String> events;
        try (TraceSource source = TraceSource.open(file, 1_000)) {
            assertThat(source).isInstanceOf(AospDumpReader.class);
            events = events(source);
            assertThat(source.name()).isEqualTo(container == Container.ZIP ? file + "!app.txt" : file.toString());
        }
        try (AospDumpReader plain = reader(DUMP, 1_000)) {
            assertThat(events).isEqualTo(events(plain));
        }
        TraceSummary summary = TraceSummary.scan(file, 1_000);
        assertThat(summary.format()).isEqualTo(TraceFormat.AOSP);
        assertThat(summary.syntheticClockNanos()).isEqualTo(1_000);
        assertThat(summary.durationNanos()).isEqualTo(5_000);
        assertThat(summary.events()).isEqualTo(7);
    }

    @Test
    void aZipReplaysItsFirstEntryHoldingATraceAndSaysWhichAndOneWithoutIsAnError() throws IOException {
        Path zip = dir.resolve("several.zip");
        Files.write(
                zip,
                zip("notes/", null, "README", "not a trace\n", "first.txt", "9: malloc 0x1 8\n", "second.txt", DUMP));
        try (TraceSource source = TraceSource.open(zip, 1_000)) {
            assertThat(source.name()).isEqualTo(zip + "!first.txt");
            assertThat(events(source)).containsExactly("0 ALLOCATE 0 8 t9");
        }
        Path mempred = dir.resolve("mempred.zip");
        Files.write(mempred, zip("t.trace", "# mempred-trace v1\n5 a 1 16\n"));
        try (TraceSource source = TraceSource.open(mempred, 1_000)) {
            assertThat(source).isInstanceOf(TraceReader.class);
            assertThat(events(source)).containsExactly("5 ALLOCATE 1 16 t0");
        }
        Path none = dir.resolve("none.zip");
        Files.write(none, zip("README", "hello\n"));
        assertThatThrownBy(() -> TraceSource.open(none, 1_000))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage(none + ":1: a zip archive with no trace in it: expected an entry holding an AOSP"
                        + " memory_replay dump or a mempred trace, found 1 other file(s): README");
    }

    @Test
    void aMempredTraceStillOpensAsOneAndSomethingElseGetsTheHeaderError() throws IOException {
        Path trace = Files.writeString(dir.resolve("a.txt"), "# mempred-trace v2\n5 a 1 16 ab\n");
        try (TraceSource source = TraceSource.open(trace, 1_000)) {
            assertThat(source).isInstanceOf(TraceReader.class);
            assertThat(source.format()).isEqualTo(TraceFormat.V2);
            assertThat(source.syntheticClockNanos()).isZero();
        }
        Path other = Files.writeString(dir.resolve("b.txt"), "malloc 0x1 5\n");
        assertThatThrownBy(() -> drain(other))
                .hasMessageStartingWith(other + ":1: expected the header")
                .hasMessageContaining("or an AOSP memory_replay dump?");
    }

    @Test
    void aDumpHasNoSitesSoASiteBasedPlacementIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("app.txt"), DUMP);
        TraceWorkload workload = new TraceWorkload(file, TraceSummary.scan(file), 1.0, ReplayMarks.stressorDefaults());
        assertThat(workload.characteristics()).isEmpty();
        assertThatThrownBy(() -> PlacementCheck.require(Placement.SITE_TABLE, workload))
                .hasMessageContaining("placement 'site-table' needs allocation sites")
                .hasMessageContaining("AOSP memory_replay dump");
        PlacementCheck.require(Placement.SIZE_CLASS, workload);
    }

    @Test
    void aReplayOfADumpReopensItWithTheClockOfTheFirstPass() throws IOException {
        Path file = Files.writeString(dir.resolve("app.txt"), DUMP);
        TraceSummary summary = TraceSummary.scan(file, 2_000);
        assertThat(summary.durationNanos()).isEqualTo(10_000);
        TraceWorkload workload = new TraceWorkload(file, summary, 1.0, new ReplayMarks(0, 0, 1));
        List<String> replayed = new ArrayList<>();
        try (ReplayStream stream = workload.open(1, Long.MAX_VALUE)) {
            replayed.addAll(events(stream));
        }
        assertThat(replayed).last().isEqualTo("10000 FREE 3 t100");
    }

    private static AospDumpReader reader(String text, long nanosPerCall) {
        return new AospDumpReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "dump.txt", nanosPerCall);
    }

    private static List<String> events(org.mempred.lab.workload.EventStream stream) {
        List<String> events = new ArrayList<>();
        HeapEvent e = stream.event();
        while (stream.next()) {
            events.add(e.timeNanos() + " " + e.kind() + " " + e.id()
                    + (e.kind() == EventKind.ALLOCATE ? " " + e.sizeBytes() : "") + " t" + e.threadId());
        }
        return events;
    }

    private static void drain(Path file) throws IOException {
        try (TraceSource source = TraceSource.open(file, 1_000)) {
            while (source.next()) {
                // read to the end
            }
        }
    }

    private static byte[] stored(Container container, String text) throws IOException {
        byte[] plain = text.getBytes(StandardCharsets.US_ASCII);
        return switch (container) {
            case PLAIN -> plain;
            case GZIP -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                    gzip.write(plain);
                }
                yield bytes.toByteArray();
            }
            case ZIP -> zip("app.txt", text);
        };
    }

    /** A zip of (name, text) pairs; a null text makes a directory entry. */
    private static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                if (namesAndTexts[i + 1] != null) {
                    zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.US_ASCII));
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
