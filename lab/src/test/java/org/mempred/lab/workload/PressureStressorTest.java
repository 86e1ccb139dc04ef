package org.mempred.lab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PressureStressorTest {
    private static final int CAPACITY = 102_400;
    private static final long SECOND = 1_000_000_000L;
    private static final long TEN_MINUTES = 600 * SECOND;

    @ParameterizedTest(name = "target {0}")
    @ValueSource(doubles = {0.50, 0.75, 0.85, 0.95, 0.98})
    void meanIntendedPressureLandsOnTheTarget(double target) {
        for (long seed = 1; seed <= 3; seed++) {
            StreamStats stats = StreamStats.of(
                    StressWorkload.kernel(target, CAPACITY).open(seed, TEN_MINUTES), CAPACITY, TEN_MINUTES, 1024);
            assertThat(stats.meanIntendedPressure()).as("seed %d", seed).isCloseTo(target, within(0.015));
        }
    }

    @Test
    void streamKeepsTheContractAndTheConfiguredMix() {
        StreamStats stats =
                StreamStats.of(StressWorkload.kernel(0.85, CAPACITY).open(7, TEN_MINUTES), CAPACITY, TEN_MINUTES, 1024);
        assertThat(stats.allocations).isGreaterThan(50_000);
        assertThat((double) stats.atomicAllocations / stats.allocations).isCloseTo(0.20, within(0.01));
        assertThat((double) stats.largeAllocations / stats.allocations).isCloseTo(0.08, within(0.01));
        assertThat(stats.maxSizeBytes).isLessThanOrEqualTo(8192);
        assertThat((double) stats.pins / stats.allocations).isCloseTo(0.02, within(0.005));
        assertThat(stats.unpins).isLessThanOrEqualTo(stats.pins).isGreaterThan(stats.pins - 50);
    }

    @Test
    void levelHasTemporalStructureWorthPredicting() {
        StreamStats stats =
                StreamStats.of(StressWorkload.kernel(0.75, CAPACITY).open(3, TEN_MINUTES), CAPACITY, TEN_MINUTES, 1024);
        double[] perSecond = stats.perSecondPressure;
        double min = 1.0;
        double max = 0.0;
        double sameAsFiveSecondsLater = 0.0;
        for (int s = 10; s < perSecond.length - 5; s++) {
            min = Math.min(min, perSecond[s]);
            max = Math.max(max, perSecond[s]);
            sameAsFiveSecondsLater += Math.abs(perSecond[s + 5] - perSecond[s]);
        }
        assertThat(max - min).as("phases and bursts move the level").isGreaterThan(0.15);
        double meanFiveSecondChange = sameAsFiveSecondsLater / (perSecond.length - 15);
        assertThat(meanFiveSecondChange)
                .as("but slowly: the next 5 s resembles the last")
                .isLessThan(0.05);
    }

    @Test
    void sameSeedGivesTheIdenticalStreamAndAnotherSeedDoesNot() {
        assertThat(fingerprint(5)).isEqualTo(fingerprint(5)).isNotEqualTo(fingerprint(6));
    }

    private static long fingerprint(long seed) {
        EventStream stream = StressWorkload.kernel(0.95, CAPACITY).open(seed, 60 * SECOND);
        long hash = 17;
        while (stream.next()) {
            hash = hash * 31 + stream.event().timeNanos();
            hash = hash * 31 + stream.event().kind().ordinal();
            hash = hash * 31 + stream.event().id();
            hash = hash * 31 + stream.event().sizeBytes();
            hash = hash * 31 + (stream.event().atomic() ? 1 : 0);
        }
        return hash;
    }

    @Test
    void sitesCarryLifetimesThatDifferBySiteAndRepeatAcrossSeeds() {
        Map<Long, long[]> bySite = new HashMap<>(); // site -> {blocks, summed lifetime}
        Set<Long> sitesOfSeed1 = new HashSet<>();
        long seed2Allocations = 0;
        long seed2Known = 0;
        for (long seed = 1; seed <= 2; seed++) {
            EventStream stream = StressWorkload.kernel(0.95, CAPACITY).open(seed, TEN_MINUTES);
            assertThat(stream.characteristics()).contains(Characteristic.SITES);
            Map<Long, long[]> live = new HashMap<>(); // id -> {site, born}
            while (stream.next()) {
                HeapEvent e = stream.event();
                if (e.kind() == EventKind.ALLOCATE) {
                    assertThat(e.site()).isNotEqualTo(HeapEvent.NO_SITE);
                    live.put(e.id(), new long[] {e.site(), e.timeNanos()});
                    if (seed == 1) {
                        sitesOfSeed1.add(e.site());
                    } else {
                        seed2Allocations++;
                        seed2Known += sitesOfSeed1.contains(e.site()) ? 1 : 0;
                    }
                } else if (e.kind() == EventKind.FREE) {
                    long[] block = live.remove(e.id());
                    long[] sum = bySite.computeIfAbsent(block[0], k -> new long[2]);
                    sum[0]++;
                    sum[1] += e.timeNanos() - block[1];
                }
            }
        }
        double shortest = Double.MAX_VALUE;
        double longest = 0;
        for (long[] sum : bySite.values()) {
            if (sum[0] >= 30) {
                double mean = (double) sum[1] / sum[0];
                shortest = Math.min(shortest, mean);
                longest = Math.max(longest, mean);
            }
        }
        assertThat(longest / shortest)
                .as("longest / shortest mean lifetime of a site")
                .isGreaterThan(5.0);
    }

    @Test
    void badConfigurationIsRejectedWithTheValue() {
        assertThatThrownBy(() -> StressorConfig.kernel(1.5, CAPACITY)).hasMessageContaining("targetPressure=1.5");
        assertThatThrownBy(() -> StressorConfig.kernel(0.0, CAPACITY)).hasMessageContaining("targetPressure=0.0");
        assertThatThrownBy(() -> new PressureStressor(StressorConfig.kernel(0.5, CAPACITY), 1, -1, 0))
                .hasMessageContaining("durationNanos=-1");
        assertThatThrownBy(() -> new SizeMix(1.5, 16, 512, 1024, 8192)).hasMessageContaining("largeShare=1.5");
    }

    @Test
    void subsystemMixMergesInTimeOrderAndLandsOnTheTotalTarget() {
        SubsystemMix mix = new SubsystemMix(0.85, CAPACITY);
        StreamStats stats = StreamStats.of(mix.open(2, TEN_MINUTES), CAPACITY, TEN_MINUTES, 1024);
        assertThat(stats.meanIntendedPressure()).isCloseTo(0.85, within(0.02));
        assertThat(stats.pins).isPositive();
        assertThat(mix.maxRequestBytes()).isEqualTo(8192);
        assertThat(mix.name()).contains("85%");
    }
}
