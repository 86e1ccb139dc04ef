package org.mempred.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.heap.Granules;

/**
 * Random traces (seeded; the seed is in the failure message) written with varied spacing, line
 * endings, comments and frees of unknown ids, long enough to cross many buffer refills, read back
 * and compared event by event with a plain model built while writing.
 */
class TraceReaderModelTest {
    @TempDir
    Path dir;

    /** A generated trace and what a correct reader must make of it. */
    private static final class Model {
        final StringBuilder text = new StringBuilder(TraceFormat.V1.header()).append('\n');
        final List<String> expected = new ArrayList<>();
        final Map<Long, Integer> live = new HashMap<>();
        long time;
        long liveBytes;
        long peak;
        int unknown;

        Model(long seed, int lines) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < lines; i++) {
                time += random.nextInt(3) == 0 ? 0 : random.nextLong(1_000_000);
                String sep = random.nextInt(10) == 0 ? " \t " : " ";
                String eol = random.nextInt(10) == 0 ? "  \r\n" : "\n";
                if (random.nextInt(50) == 0) {
                    text.append(random.nextBoolean() ? "# comment " + i : "").append(eol);
                    continue;
                }
                long id = random.nextLong(random.nextBoolean() ? 64 : 1L << 40);
                if (live.containsKey(id) || random.nextInt(20) == 0) {
                    text.append(time)
                            .append(sep)
                            .append('f')
                            .append(sep)
                            .append(id)
                            .append(eol);
                    free(id);
                } else {
                    int size = random.nextInt(5) == 0 ? random.nextInt(1 << 20) : random.nextInt(600);
                    text.append(time)
                            .append(sep)
                            .append('a')
                            .append(sep)
                            .append(id)
                            .append(sep)
                            .append(size);
                    text.append(eol);
                    allocate(id, Math.max(1, size));
                }
            }
        }

        private void free(long id) {
            Integer size = live.remove(id);
            if (size == null) {
                unknown++;
            } else {
                liveBytes -= Granules.roundUp(size);
                expected.add(time + " FREE " + id + " 0");
            }
        }

        private void allocate(long id, int request) {
            live.put(id, request);
            liveBytes += Granules.roundUp(request);
            peak = Math.max(peak, liveBytes);
            expected.add(time + " ALLOCATE " + id + " " + request);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234567})
    void readerAgreesWithAPlainModel(long seed) throws IOException {
        Model model = new Model(seed, 30_000);
        Path file = Files.writeString(dir.resolve("random.trace"), model.text, StandardCharsets.US_ASCII);
        List<String> actual = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(file)) {
            while (reader.next()) {
                actual.add(reader.event().timeNanos() + " " + reader.event().kind() + " "
                        + reader.event().id() + " " + reader.event().sizeBytes());
            }
            assertThat(actual).as("seed %d", seed).isEqualTo(model.expected);
            assertThat(reader.unknownFrees()).as("seed %d", seed).isEqualTo(model.unknown);
            assertThat(reader.peakLiveBytes()).as("seed %d", seed).isEqualTo(model.peak);
            assertThat(reader.liveIds()).as("seed %d", seed).isEqualTo(model.live.size());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6})
    void gzipAndPlainGiveTheSameSummary(long seed) throws IOException {
        Model model = new Model(seed, 20_000);
        byte[] text = model.text.toString().getBytes(StandardCharsets.US_ASCII);
        Path plain = Files.write(dir.resolve("random.trace"), text);
        Path gz = Files.write(dir.resolve("random.trace.gz"), TraceReaderTest.gzip(text));
        TraceSummary fromPlain = TraceSummary.scan(plain);
        TraceSummary fromGzip = TraceSummary.scan(gz);
        assertThat(fromGzip.events()).as("seed %d", seed).isEqualTo(model.expected.size());
        assertThat(fromGzip.peakLiveBytes()).as("seed %d", seed).isEqualTo(model.peak);
        assertThat(fromGzip.unknownFrees()).as("seed %d", seed).isEqualTo(model.unknown);
        assertThat(fromGzip)
                .usingRecursiveComparison()
                .ignoringFields("name")
                .as("seed %d", seed)
                .isEqualTo(fromPlain);
    }
}
