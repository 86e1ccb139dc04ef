package org.mempred.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mempred.heap.HeapStats;

class TelemetrySamplerTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void turnsCumulativeCountersIntoWindowRatesAndKeepsTheSpaceFigures() {
        TelemetrySampler sampler = new TelemetrySampler();
        sampler.recordCounters(0, 0, 0, 0, 0, 0);
        sampler.recordCounters(SECOND, 40, 4_096, 10, 1_024, 3);

        Sample sample = sampler.sample(102_400, 51_200, 25_600, 7);

        assertThat(sample.timeNanos()).isEqualTo(SECOND);
        assertThat(sample.allocOpsPerSecond()).isCloseTo(40.0, within(1e-9));
        assertThat(sample.allocBytesPerSecond()).isCloseTo(4_096.0, within(1e-9));
        assertThat(sample.freeOpsPerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(sample.freeBytesPerSecond()).isCloseTo(1_024.0, within(1e-9));
        assertThat(sample.compactions()).isEqualTo(3);
        assertThat(sample.freeBytes()).isEqualTo(51_200);
        assertThat(sample.pressure()).isEqualTo(0.5);
        assertThat(sample.fragmentation()).isEqualTo(0.5);
        assertThat(sampler.footprintBytes()).isEqualTo(ArrayBytes.ofLongs(64) + ArrayBytes.ofLongs(256));
    }

    @Test
    void bridgesFromHeapStats() {
        TelemetrySampler sampler = new TelemetrySampler();
        sampler.sample(
                0,
                new HeapStats(
                        1_024,
                        512,
                        512,
                        256,
                        2,
                        3,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        org.mempred.heap.RequestSizes.NONE,
                        org.mempred.heap.ClassFigures.NONE));

        Sample sample = sampler.sample(
                SECOND / 2,
                new HeapStats(
                        1_024,
                        768,
                        256,
                        256,
                        1,
                        5,
                        1,
                        4,
                        2,
                        512,
                        256,
                        0,
                        0,
                        0,
                        1,
                        0,
                        64,
                        org.mempred.heap.RequestSizes.NONE,
                        org.mempred.heap.ClassFigures.NONE));

        assertThat(sample.usedBytes()).isEqualTo(768);
        assertThat(sample.largestFreeBytes()).isEqualTo(256);
        assertThat(sample.freeBlocks()).isEqualTo(1);
        assertThat(sample.allocOpsPerSecond()).isCloseTo(8.0, within(1e-9));
        assertThat(sample.freeBytesPerSecond()).isCloseTo(512.0, within(1e-9));
        assertThat(sample.compactions()).isEqualTo(1);
    }

    @Test
    void needsCountersBeforeASampleAndRejectsFallingCompactions() {
        TelemetrySampler sampler = new TelemetrySampler(SECOND, 4);

        assertThatThrownBy(() -> sampler.sample(100, 50, 10, 1)).hasMessageContaining("recordCounters");
        sampler.recordCounters(0, 0, 0, 0, 0, 5);
        assertThatThrownBy(() -> sampler.recordCounters(1, 0, 0, 0, 0, 4))
                .hasMessageContaining("compactions=4 went below the previous 5");
    }

    @Test
    void samplesCheckTheirInvariants() {
        assertThatThrownBy(() -> sample(0, 0, 0, 0, 0, 0)).hasMessageContaining("capacityBytes=0");
        assertThatThrownBy(() -> sample(100, 101, 0, 0, 0, 0))
                .hasMessageContaining("usedBytes=101 outside [0, capacityBytes=100]");
        assertThatThrownBy(() -> sample(100, 50, 51, 0, 0, 0))
                .hasMessageContaining("largestFreeBytes=51 outside [0, freeBytes=50]");
        assertThatThrownBy(() -> sample(100, 50, 10, -1, 0, 0)).hasMessageContaining("freeBlocks=-1");
        assertThatThrownBy(() -> sample(100, 50, 10, 1, Double.NaN, 0)).hasMessageContaining("allocBytesPerSecond=NaN");
        assertThatThrownBy(() -> sample(100, 50, 10, 1, 0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("freeBytesPerSecond=Infinity");
        assertThat(sample(100, 100, 0, 0, 0, 0).fragmentation()).isZero();
    }

    /** A sample at time 0 of these figures, with no operation rates, compactions, requests or class figures. */
    private static Sample sample(
            int capacity, int used, int largestFree, int freeBlocks, double allocBytes, double freeBytes) {
        return new Sample(
                0,
                capacity,
                used,
                largestFree,
                freeBlocks,
                allocBytes,
                0,
                freeBytes,
                0,
                0,
                Requests.NONE,
                ClassDemand.NONE);
    }
}
