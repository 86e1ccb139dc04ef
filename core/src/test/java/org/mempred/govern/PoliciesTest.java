package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mempred.telemetry.Sample;

class PoliciesTest {

    /** A sample of a 10,000-byte heap with {@code used} bytes used and {@code largestFree} in one block. */
    private static Sample sample(int used, int largestFree) {
        return new Sample(
                1_000_000_000L,
                10_000,
                used,
                largestFree,
                2,
                0,
                0,
                0,
                0,
                0,
                org.mempred.telemetry.Requests.NONE,
                org.mempred.telemetry.ClassDemand.NONE);
    }

    @Test
    void reactiveNeverAndPeriodicAlwaysCompact() {
        assertThat(new ReactivePolicy().decide(sample(9_000, 10), 0.99, 0.0).compact())
                .isFalse();
        assertThat(new PeriodicPolicy().decide(sample(1_000, 9_000), 0.1, 0.0).compact())
                .isTrue();
    }

    @Test
    void linuxStartsAboveHighWatermarkAndStopsAtLow() {
        LinuxPolicy linux = new LinuxPolicy(20); // low 80, high 90
        assertThat(linux.decide(sample(5_000, 600), Double.NaN, 0.0).compact()).isFalse(); // score 88
        assertThat(linux.decide(sample(5_000, 400), Double.NaN, 0.0).compact()).isTrue(); // score 92
        assertThat(linux.decide(sample(5_000, 800), Double.NaN, 0.0).compact()).isTrue(); // score 84: keep going
        assertThat(linux.decide(sample(5_000, 1_000), Double.NaN, 0.0).compact())
                .isFalse(); // score 80: stop
        assertThat(linux.decide(sample(5_000, 600), Double.NaN, 0.0).compact()).isFalse(); // 88 again: below high
        assertThatThrownBy(() -> new LinuxPolicy(101)).hasMessageContaining("proactiveness=101");
    }

    @Test
    void linuxWatermarksFollowTheKernelFormula() {
        LinuxPolicy eager = new LinuxPolicy(100); // low max(0,5)=5, high 15
        assertThat(eager.decide(sample(5_000, 4_200), Double.NaN, 0.0).compact())
                .isTrue(); // score 16
        assertThat(eager.decide(sample(5_000, 4_800), Double.NaN, 0.0).compact())
                .isFalse(); // score 4
    }

    @Test
    void predictiveCompactsOnAHighForecastOnlyWhenThereIsFragmentationToRemove() {
        PredictivePolicy policy = new PredictivePolicy("p", () -> null, 0.90, 0.10);
        assertThat(policy.decide(sample(8_000, 1_000), 0.95, 0.0).compact()).isTrue(); // fragmentation 0.5
        assertThat(policy.decide(sample(8_000, 1_000), 0.85, 0.0).compact()).isFalse(); // forecast low
        assertThat(policy.decide(sample(8_000, 1_950), 0.99, 0.0).compact()).isFalse(); // fragmentation 0.025
        assertThat(policy.decide(sample(8_000, 1_000), 0.95, 0.0).reason()).contains("forecast peak 0.950");
    }
}
