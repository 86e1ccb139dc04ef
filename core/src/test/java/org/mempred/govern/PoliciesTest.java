package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mempred.predict.PredictorConfig;
import org.mempred.telemetry.Sample;

class PoliciesTest {

    /** A sample of a 10,000-byte heap with {@code used} bytes used and {@code largestFree} in one block. */
    private static Sample sample(int used, int largestFree) {
        return new Sample(
                1_000_000_000L, 10_000, used, largestFree, 2, 0, 0, 0, 0, 0, org.mempred.telemetry.Requests.NONE);
    }

    @Test
    void everyNamedPolicyExceptOracleCanBeBuiltAndNamesItself() {
        for (String name : Policies.NAMES) {
            if (Policies.readsFuture(name)) {
                assertThatThrownBy(() -> Policies.create(name, PredictorConfig.DEFAULTS))
                        .hasMessageContaining("oracle");
                continue;
            }
            CompactionPolicy policy = Policies.create(name, PredictorConfig.DEFAULTS);
            assertThat(policy.name()).isEqualTo(name);
            assertThat(policy.newPredictor() == null)
                    .isEqualTo(List.of("reactive", "reactive-slide", "periodic", "linux", "reserve")
                            .contains(name));
        }
    }

    @Test
    void unknownPolicyNamesTheValidOnes() {
        assertThatThrownBy(() -> Policies.create("magic", PredictorConfig.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'magic'")
                .hasMessageContaining("reactive, periodic, linux");
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

    @Test
    void aNameMayCarryThePolicysParameter() {
        CompactionPolicy eager = Policies.create("holt-peak@0.5", PredictorConfig.DEFAULTS);
        assertThat(eager.name()).isEqualTo("holt-peak@0.5");
        assertThat(eager.decide(sample(5_500, 2_000), 0.55, 0.0).compact()).isTrue();
        assertThat(Policies.create("holt", PredictorConfig.DEFAULTS)
                        .decide(sample(5_500, 2_000), 0.55, 0.0)
                        .compact())
                .isFalse();
        LinuxPolicy linux = (LinuxPolicy) Policies.create("linux@100", PredictorConfig.DEFAULTS);
        assertThat(linux.decide(sample(5_000, 4_200), Double.NaN, 0.0).compact())
                .isTrue(); // score 16 > high 15
        assertThat(Policies.readsFuture("oracle@0.7")).isTrue();
        assertThat(Policies.readsFuture("neural")).isFalse();
        assertThat(Policies.baseName("neural@0.8")).isEqualTo("neural");
    }

    @Test
    void badParametersAreRefusedNamingThePolicy() {
        assertThatThrownBy(() -> Policies.create("neural-peak@high", PredictorConfig.DEFAULTS))
                .hasMessageContaining("policy 'neural-peak@high'")
                .hasMessageContaining("threshold 'high'");
        assertThatThrownBy(() -> Policies.create("neural-peak@1.5", PredictorConfig.DEFAULTS))
                .hasMessage("policy 'neural-peak@1.5': threshold '1.5' is not a number in (0, 1]");
        assertThatThrownBy(() -> Policies.create("neural@9", PredictorConfig.DEFAULTS))
                .hasMessageContaining("policy 'neural@9'")
                .hasMessageContaining("wake-up margin");
        assertThatThrownBy(() -> Policies.create("reactive@3", PredictorConfig.DEFAULTS))
                .hasMessageContaining("takes no @parameter");
        assertThatThrownBy(() -> Policies.create("linux@x", PredictorConfig.DEFAULTS))
                .hasMessageContaining("proactiveness 'x'");
        assertThatThrownBy(() -> Policies.create("linux@400", PredictorConfig.DEFAULTS))
                .hasMessage("policy 'linux@400': proactiveness '400' is not a whole number in [0, 100]");
    }
}
