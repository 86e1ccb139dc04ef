package org.mempred.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mempred.heap.SizeClasses;
import org.mempred.telemetry.ClassDemand;
import org.mempred.telemetry.Requests;
import org.mempred.telemetry.Sample;

class CrostonPredictorTest {
    private static final int CAPACITY = 100 * 1024;
    private static final long TICK = 500_000_000L;
    private static final PredictorConfig VOLUME = PredictorConfig.DEFAULTS.forVolume();

    /** Tick {@code k} with {@code bytes} requested in the 2 KiB class. */
    private static Sample tick(int k, long bytes) {
        long[] volume = new long[SizeClasses.COUNT];
        volume[SizeClasses.of(2048)] = bytes;
        return new Sample(
                k * TICK,
                CAPACITY,
                CAPACITY / 2,
                CAPACITY / 4,
                4,
                0,
                0,
                0,
                0,
                0,
                Requests.NONE,
                ClassDemand.of(volume, new long[SizeClasses.COUNT], new long[SizeClasses.COUNT]));
    }

    /** A steady 1 KB a tick, and every 20 ticks (10 s) a burst of 4 ticks at 200 KB. */
    private static long bytesAt(int k) {
        return k % 20 < 4 && k >= 20 ? 200_000 : 1_000;
    }

    @Test
    void burstsAreNotExpectedBeforeTheShortestGapAndAreExpectedNearIt() {
        CrostonPredictor croston = new CrostonPredictor(VOLUME);
        double[] features = new double[VOLUME.featureSet().width()];
        double[] forecast = new double[140];
        for (int k = 1; k < forecast.length; k++) {
            forecast[k] = Target.volumeOf(croston.predict(tick(k, bytesAt(k)), features));
        }
        double steady = 10 * 1_000.0 / CAPACITY; // 10 ticks of 1 KB over the 5 s horizon
        // right after the third burst ended (tick 104), the next is 10 s away: no more than the steady volume
        assertThat(forecast[105]).isLessThan(3 * steady);
        // 6 s after its onset, the horizon reaches the shortest gap: the burst volume is expected
        assertThat(forecast[112]).isGreaterThan(2.0);
        // inside a burst, at least the burst's volume so far is expected
        assertThat(forecast[121]).isGreaterThan(2.0);
    }

    @Test
    void forecastsOnlyTheVolume() {
        assertThatThrownBy(() -> new CrostonPredictor(PredictorConfig.DEFAULTS))
                .hasMessageContaining("forecasts the volume target");
    }
}
