package org.mempred.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mempred.heap.Granules;

class ReplaySizingTest {
    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "peak {0} at {1} -> {2}")
    @CsvSource({"1000, 0.95, 1056", "950, 0.95, 1008", "1600, 1.0, 1600", "16, 0.5, 32", "100000, 0.75, 133344"})
    void autoHeapPutsThePeakAtThePressureRoundedUpToAGranule(long peak, double pressure, int capacity) {
        assertThat(ReplaySizing.autoCapacityBytes(peak, pressure)).isEqualTo(capacity);
    }

    @Test
    void autoHeapPeakPressureIsAtMostTheTargetAndWithinAGranuleOfIt() {
        for (long peak = 16; peak < 200_000; peak += 4_099) {
            for (double pressure : new double[] {0.5, 0.75, 0.9, 0.95, 0.98}) {
                int capacity = ReplaySizing.autoCapacityBytes(peak, pressure);
                assertThat(capacity % Granules.BYTES).isZero();
                assertThat((double) peak / capacity).isLessThanOrEqualTo(pressure);
                assertThat((double) peak / (capacity - Granules.BYTES)).isGreaterThan(pressure);
            }
        }
    }

    @Test
    void autoHeapRejectsBadInputNamingTheValues() {
        assertThatThrownBy(() -> ReplaySizing.autoCapacityBytes(100, 0.0)).hasMessageContaining("pressure=0.0");
        assertThatThrownBy(() -> ReplaySizing.autoCapacityBytes(100, 1.5)).hasMessageContaining("pressure=1.5");
        assertThatThrownBy(() -> ReplaySizing.autoCapacityBytes(0, 0.9)).hasMessageContaining("peakLiveBytes=0");
        assertThatThrownBy(() -> ReplaySizing.autoCapacityBytes(1L << 30, 0.95))
                .hasMessageContaining("above the heap's maximum");
    }

    @Test
    void defaultSpeedStretchesShortTracesToTwelveHorizons() {
        long horizon = 5 * SECOND;
        assertThat(ReplaySizing.defaultSpeed(SECOND / 2, horizon)).isEqualTo(0.5 / 60.0);
        assertThat(ReplaySizing.replayNanos(SECOND / 2, ReplaySizing.defaultSpeed(SECOND / 2, horizon)))
                .isBetween(60 * SECOND - 1, 60 * SECOND);
        assertThat(ReplaySizing.defaultSpeed(120 * SECOND, horizon)).isEqualTo(1.0);
        assertThat(ReplaySizing.defaultSpeed(0, horizon)).isEqualTo(1.0);
    }

    @Test
    void speedMustBePositiveAndFinite() {
        assertThatThrownBy(() -> ReplaySizing.requireSpeed(0)).hasMessageContaining("speed=0.0");
        assertThatThrownBy(() -> ReplaySizing.requireSpeed(Double.NaN)).hasMessageContaining("speed=NaN");
        assertThatThrownBy(() -> ReplaySizing.requireSpeed(Double.POSITIVE_INFINITY))
                .hasMessageContaining("speed=Infinity");
        assertThat(ReplaySizing.replayNanos(1000, 2.0)).isEqualTo(500);
    }
}
