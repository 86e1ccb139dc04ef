package org.mempred.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceProfileTest {

    @Test
    void aV2TraceCountsDistinctKnownSitesAndExactSizeQuantiles(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder("# mempred-trace v2\n");
        for (int i = 1; i <= 100; i++) {
            text.append(i * 1000)
                    .append(" a ")
                    .append(i)
                    .append(' ')
                    .append(i * 16)
                    .append(' ')
                    .append(i % 3 == 0 ? "0" : Integer.toHexString(i % 7))
                    .append('\n');
        }
        text.append("200000 f 5\n");
        Path file = dir.resolve("t.trace");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        TraceProfile profile = TraceProfile.scan(file);
        assertThat(profile.summary().events()).isEqualTo(101);
        assertThat(profile.summary().durationNanos()).isEqualTo(200_000);
        assertThat(profile.distinctSites()).as("sites 1..6, 0 is unknown").isEqualTo(6);
        assertThat(profile.sizeQuantiles()).containsExactly(50 * 16, 90 * 16, 99 * 16, 100 * 16);
    }

    @Test
    void aV1TraceHasNoSitesAndItsTableSaysSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("v1.trace");
        Files.writeString(file, "# mempred-trace v1\n0 a 1 64\n10 a 2 32\n20 f 1\n", StandardCharsets.UTF_8);
        TraceProfile profile = TraceProfile.scan(file);
        assertThat(profile.distinctSites()).isEqualTo(-1);
        assertThat(TraceProfile.table("T", List.of(profile)).markdown())
                .contains("| `v1.trace` | v1 | 3 | 2 | 0.000 | 96 | - | 32 | 64 | 64 | 64 |");
    }

    @Test
    void quantilesOfNothingAreZeroAndOfOneValueThatValue() {
        assertThat(TraceProfile.quantiles(new int[0])).containsExactly(0, 0, 0, 0);
        assertThat(TraceProfile.quantiles(new int[] {7})).containsExactly(7, 7, 7, 7);
    }
}
