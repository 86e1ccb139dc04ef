package org.mempred.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mempred.lab.workload.Characteristic;
import org.mempred.lab.workload.HeapEvent;

class TraceReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEventsSkippingCommentsBlankLinesAndUnknownFrees() throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/trace/small.trace").toURI());
        List<String> events = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(file)) {
            while (reader.next()) {
                events.add(reader.event().timeNanos() + " " + reader.event().kind() + " "
                        + reader.event().id() + " " + reader.event().sizeBytes());
            }
            assertThat(reader.unknownFrees()).isEqualTo(1);
            assertThat(reader.events()).isEqualTo(6);
            assertThat(reader.allocations()).isEqualTo(3);
            assertThat(reader.liveIds()).isZero();
            assertThat(reader.peakLiveBytes()).isEqualTo(32 + 112);
            assertThat(reader.maxRequestBytes()).isEqualTo(100);
        }
        assertThat(events)
                .containsExactly(
                        "0 ALLOCATE 0 24",
                        "10 ALLOCATE 1 100",
                        "10 FREE 0 0",
                        "25 ALLOCATE 0 1",
                        "41 FREE 1 0",
                        "50 FREE 0 0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "5 x 1|3|expected the operation 'a' (allocate) or 'f' (free)",
                "5 a 1|3|expected a space and then the size in bytes",
                "5 a 1 12 9|3|expected the end of the line after the size",
                "5 f|3|expected a space and then the id",
                "a 1 12|3|expected the time t_ns",
                "5 a -1 12|3|expected the id",
                "5 a 1 2147483648|3|exceeds the largest request 2147483647",
                "5 a 1 99999999999999999999|3|the size in bytes exceeds 9223372036854775807",
                "5a 1 12|3|expected a space and then the operation",
                "1 a 2 16|3|t_ns=1 is before the previous event's t_ns=4",
                "5 a 0 16|3|id=0 is allocated while still live",
            })
    void malformedLineNamesFileLineAndWhatWasExpected(String badLine, int line, String expected) throws IOException {
        Path file = write("bad.trace", "# mempred-trace v1\n4 a 0 8\n" + badLine + "\n6 f 0\n");
        assertThatThrownBy(() -> drain(file))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(file + ":" + line + ": ")
                .hasMessageContaining(expected)
                .satisfies(
                        e -> assertThat(((TraceFormatException) e).lineNumber()).isEqualTo(line));
    }

    @Test
    void missingOrWrongHeaderIsLineOne() throws IOException {
        Path empty = write("empty.trace", "");
        Path noHeader = write("plain.trace", "0 a 0 8\n");
        Path v3 = write("v3.trace", "# mempred-trace v3\n");
        assertThatThrownBy(() -> drain(empty))
                .hasMessage(empty + ":1: empty trace: expected the header line '" + TraceFormat.NEWEST.header() + "'");
        assertThatThrownBy(() -> drain(noHeader)).hasMessageStartingWith(noHeader + ":1: expected the header");
        assertThatThrownBy(() -> drain(v3))
                .hasMessageStartingWith(v3 + ":1: expected the header '# mempred-trace v1' or '# mempred-trace v2'");
    }

    @Test
    void aVersion2TraceCarriesTheSiteOfEveryAllocationInHex() throws IOException {
        Path file =
                write("v2.trace", "# mempred-trace v2\n5 a 1 40 9f3A\n6 a 2 8 0\n7 f 1\n8 a 3 16 ffffffffffffffff\n");
        List<String> events = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(file)) {
            assertThat(reader.format()).isEqualTo(TraceFormat.V2);
            assertThat(reader.characteristics()).containsExactly(Characteristic.SITES);
            while (reader.next()) {
                events.add(reader.event().kind() + " " + reader.event().id() + " "
                        + Long.toHexString(reader.event().site()));
            }
        }
        assertThat(events)
                .containsExactly("ALLOCATE 1 9f3a", "ALLOCATE 2 0", "FREE 1 0", "ALLOCATE 3 ffffffffffffffff");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "5 a 1 40|:2: expected a space and then the site (hexadecimal)",
                "5 a 1 40 xyz|:2: expected the site (1 to 16 hexadecimal digits) at column 10",
                "5 a 1 40 12345678901234567|:2: the site has more than 16 hexadecimal digits",
                "5 a 1 40 12 7|:2: expected the end of the line after the site"
            })
    void aVersion2AllocationWithoutAGoodSiteIsAnErrorNamingTheLine(String line, String message) throws IOException {
        Path file = write("bad2.trace", "# mempred-trace v2\n" + line + "\n");
        assertThatThrownBy(() -> drain(file))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aVersion1TraceHasNoSites() throws IOException {
        Path file = write("v1.trace", "# mempred-trace v1\n5 a 1 40\n");
        try (TraceReader reader = TraceReader.open(file)) {
            assertThat(reader.characteristics()).isEmpty();
            assertThat(reader.next()).isTrue();
            assertThat(reader.event().site()).isEqualTo(HeapEvent.NO_SITE);
        }
        assertThatThrownBy(() -> drain(write("v1site.trace", "# mempred-trace v1\n5 a 1 40 ab\n")))
                .hasMessageContaining(":2: expected the end of the line after the size");
    }

    @Test
    void tooLongLineIsAnError() throws IOException {
        Path file = write("long.trace", "# mempred-trace v1\n# " + "x".repeat(LineSource.BUFFER_BYTES) + "\n");
        assertThatThrownBy(() -> drain(file))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(file + ":2: line longer than");
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesWhateverTheName() throws IOException {
        byte[] text = "# mempred-trace v1\n1 a 3 40\n2 f 3\n".getBytes(StandardCharsets.US_ASCII);
        Path file = dir.resolve("compressed.trace");
        Files.write(file, gzip(text));
        assertThat(TraceSummary.scan(file).events()).isEqualTo(2);
    }

    @Test
    void truncatedGzipIsAClearError() throws IOException {
        StringBuilder text = new StringBuilder("# mempred-trace v1\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(" a ").append(i).append(' ').append(i % 77).append('\n');
        }
        byte[] whole = gzip(text.toString().getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve("cut.trace.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> drain(file))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("truncated gzip");
    }

    @Test
    void corruptGzipIsAClearError() throws IOException {
        byte[] whole = gzip("# mempred-trace v1\n1 a 3 40\n".repeat(50).getBytes(StandardCharsets.US_ASCII));
        for (int i = 12; i < whole.length - 8; i++) {
            whole[i] = (byte) 0xff;
        }
        Path file = dir.resolve("corrupt.gz");
        Files.write(file, whole);
        assertThatThrownBy(() -> drain(file))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("gzip");
    }

    @Test
    void readsFromAnyInputStreamAndNamesIt() {
        byte[] text = "# mempred-trace v1\n7 f 1\n".getBytes(StandardCharsets.US_ASCII);
        TraceReader reader = new TraceReader(new ByteArrayInputStream(text), "stdin");
        assertThat(reader.next()).isFalse();
        assertThat(reader.unknownFrees()).isEqualTo(1);
        assertThat(reader.name()).isEqualTo("stdin");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private static void drain(Path file) throws IOException {
        TraceSummary.scan(file);
    }

    static byte[] gzip(byte[] text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text);
        }
        return bytes.toByteArray();
    }
}
