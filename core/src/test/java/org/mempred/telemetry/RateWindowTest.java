package org.mempred.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateWindowTest {
    private static final long MS = 1_000_000L;

    @Test
    void ratesAreZeroUntilTwoSnapshotsExist() {
        RateWindow window = new RateWindow(1_000 * MS, 8);
        assertThat(window.allocBytesPerSecond()).isZero();

        window.record(0, 10, 1_000, 5, 500);

        assertThat(window.allocOpsPerSecond()).isZero();
        assertThat(window.size()).isEqualTo(1);
    }

    @Test
    void ratesSpanTheWindowWhenTicksAreShorterThanIt() {
        RateWindow window = new RateWindow(1_000 * MS, 8);
        window.record(0, 0, 0, 0, 0);
        window.record(500 * MS, 100, 10_000, 10, 1_000);
        window.record(1_000 * MS, 150, 20_000, 30, 3_000);
        window.record(1_500 * MS, 250, 40_000, 40, 4_000);

        // base is the snapshot at 500 ms: the oldest inside [now - 1 s, now]
        assertThat(window.size()).isEqualTo(3);
        assertThat(window.allocOpsPerSecond()).isCloseTo(150.0, within(1e-9));
        assertThat(window.allocBytesPerSecond()).isCloseTo(30_000.0, within(1e-9));
        assertThat(window.freeOpsPerSecond()).isCloseTo(30.0, within(1e-9));
        assertThat(window.freeBytesPerSecond()).isCloseTo(3_000.0, within(1e-9));
    }

    @Test
    void ratesSpanTheLastIntervalWhenTicksAreLongerThanTheWindow() {
        RateWindow window = new RateWindow(100 * MS, 8);
        window.record(0, 0, 0, 0, 0);
        window.record(2_000 * MS, 0, 4_000, 0, 0);
        window.record(4_000 * MS, 0, 12_000, 0, 0);

        assertThat(window.allocBytesPerSecond()).isCloseTo(4_000.0, within(1e-9));
    }

    @Test
    void aFullRingShortensTheWindowInsteadOfGrowing() {
        RateWindow window = new RateWindow(1_000 * MS, 2);
        window.record(0, 0, 0, 0, 0);
        window.record(100 * MS, 0, 100, 0, 0);
        window.record(200 * MS, 0, 300, 0, 0);

        assertThat(window.size()).isEqualTo(2);
        assertThat(window.allocBytesPerSecond()).isCloseTo(2_000.0, within(1e-9));
        assertThat(window.footprintBytes()).isEqualTo(ArrayBytes.ofLongs(2) + ArrayBytes.ofLongs(8));
    }

    @Test
    void rejectsTimeThatDoesNotAdvanceAndCountersThatGoDown() {
        RateWindow window = new RateWindow(1_000 * MS, 4);
        window.record(10, 5, 5, 5, 5);

        assertThatThrownBy(() -> window.record(10, 6, 6, 6, 6))
                .hasMessageContaining("nowNanos=10 must exceed the previous timeNanos=10");
        assertThatThrownBy(() -> window.record(11, 5, 4, 5, 5)).hasMessageContaining("cumulative counters went down");
        assertThatThrownBy(() -> new RateWindow(0, 4)).hasMessageContaining("windowNanos=0");
        assertThatThrownBy(() -> new RateWindow(10, 1)).hasMessageContaining("capacity=1");
    }

    @Test
    void arrayFootprintsFollowTheHotSpotLayout() {
        assertThat(ArrayBytes.ofDoubles(49)).isEqualTo(408);
        assertThat(ArrayBytes.ofDoubles(0)).isEqualTo(16);
        assertThat(ArrayBytes.of(3, 4)).isEqualTo(32);
        assertThat(ArrayBytes.ofLongs(1)).isEqualTo(24);
        assertThatThrownBy(() -> ArrayBytes.of(-1, 8)).hasMessageContaining("length=-1");
    }
}
