package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.RecordedFuture;
import org.mempred.predict.Target;
import org.mempred.telemetry.Requests;
import org.mempred.telemetry.Sample;

class PolicySpecTest {
    private static final PredictorConfig WITH_FUTURE =
            PredictorConfig.DEFAULTS.withFuture(new RecordedFuture(new long[] {0L}, new double[] {0.0}));

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
                Requests.NONE,
                org.mempred.telemetry.ClassDemand.NONE);
    }

    @Test
    void everyCataloguedPolicyBuildsNamesItselfAndSaysWhetherItPredicts() {
        for (PolicySpec spec : Policies.ALL) {
            CompactionPolicy policy = spec.create(WITH_FUTURE);
            assertThat(policy.name()).as(spec.name()).isEqualTo(spec.name());
            assertThat(policy.newPredictor() != null).as(spec.name()).isEqualTo(spec.usesPredictor());
            assertThat(policy.target())
                    .as(spec.name())
                    .isEqualTo(spec.usesPredictor() ? spec.target() : policy.target());
            assertThat(PolicySpec.parse(spec.name())).isEqualTo(spec);
        }
        assertThat(Policies.NAMES)
                .startsWith("reactive-slide", "reactive", "periodic", "linux", "reserve")
                .contains("neural-cold", "oracle", "neural-peak");
        assertThat(Policies.ALL).containsAll(Policies.HEADLINE);
    }

    @Test
    void oracleWithoutAFutureFailsWhenBuiltNotAtTheFirstTick() {
        PolicySpec oracle = PolicySpec.parse("oracle");
        assertThat(oracle.readsFuture()).isTrue();
        assertThatThrownBy(() -> oracle.create(PredictorConfig.DEFAULTS)).hasMessageContaining("oracle");
        assertThat(PolicySpec.parse("oracle-peak@0.7").readsFuture()).isTrue();
        assertThat(PolicySpec.parse("neural").readsFuture()).isFalse();
    }

    @Test
    void parsingGivesTypedParametersAndTheTargetOfEachFamily() {
        assertThat(PolicySpec.parse("reactive")).isEqualTo(PolicySpec.Reactive.EVACUATE);
        assertThat(PolicySpec.parse("reactive-slide")).isEqualTo(PolicySpec.Reactive.SLIDE);
        assertThat(PolicySpec.parse("linux@60")).isEqualTo(new PolicySpec.Linux(OptionalInt.of(60)));
        assertThat(PolicySpec.parse("reserve@0.5")).isEqualTo(new PolicySpec.Reserve(OptionalDouble.of(0.5)));
        assertThat(PolicySpec.parse("neural-cold@1"))
                .isEqualTo(new PolicySpec.Volume(Forecaster.NEURAL_COLD, OptionalDouble.of(1.0)));
        assertThat(PolicySpec.parse("neural-cold-largest@1"))
                .isEqualTo(new PolicySpec.Demand(Forecaster.NEURAL_COLD, OptionalDouble.of(1.0)));
        assertThat(PolicySpec.parse("holt-peak"))
                .isEqualTo(new PolicySpec.Peak(Forecaster.HOLT, OptionalDouble.empty()));
        assertThat(PolicySpec.parse("zgc").target()).isEqualTo(Target.VOLUME);
        assertThat(PolicySpec.parse("zgc-largest").target()).isEqualTo(Target.DEMAND);
        assertThatThrownBy(() -> PolicySpec.parse("croston-peak"))
                .hasMessageContaining("does not forecast the peak target");
        assertThat(PolicySpec.parse("zgc-peak").target()).isEqualTo(Target.PEAK_PRESSURE);
        assertThat(List.of("reactive", "periodic", "linux@5", "reserve"))
                .allSatisfy(name ->
                        assertThat(PolicySpec.parse(name).usesPredictor()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux@60", "reserve@0.5", "neural@1.0", "holt@0.25", "neural-peak@0.80", "oracle"})
    void aNameAsReportsPrintItParsesBackToItself(String name) {
        assertThat(PolicySpec.parse(name).name()).isEqualTo(name);
    }

    @Test
    void aParameterIsShownWithTheDecimalsOfItsKind() {
        assertThat(PolicySpec.parse("neural@1").name()).isEqualTo("neural@1.0");
        assertThat(PolicySpec.parse("holt-peak@0.5").name()).isEqualTo("holt-peak@0.50");
        assertThat(PolicySpec.parse("holt-peak@0.875").name()).isEqualTo("holt-peak@0.875");
    }

    @Test
    void theParameterReachesThePolicy() {
        CompactionPolicy eager = PolicySpec.parse("holt-peak@0.5").create(PredictorConfig.DEFAULTS);
        assertThat(eager.decide(sample(5_500, 2_000), 0.55, 0.0).compact()).isTrue();
        assertThat(PolicySpec.parse("holt-peak")
                        .create(PredictorConfig.DEFAULTS)
                        .decide(sample(5_500, 2_000), 0.55, 0.0)
                        .compact())
                .isFalse();
        CompactionPolicy linux = PolicySpec.parse("linux@100").create(PredictorConfig.DEFAULTS);
        assertThat(linux.decide(sample(5_000, 4_200), Double.NaN, 0.0).compact())
                .isTrue(); // score 16 > high 15
        CompactionPolicy.Proposal reserve =
                PolicySpec.parse("reserve@0.5").create(PredictorConfig.DEFAULTS).decide(sample(5_000, 100), 0, 0);
        assertThat(reserve.action()).isEqualTo(CompactionPolicy.Action.IDLE); // no request seen yet
    }

    @Test
    void badTextIsRefusedNamingTheTextAndWhatWasExpected() {
        assertThatThrownBy(() -> PolicySpec.parse("magic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'magic'")
                .hasMessageContaining("reactive, periodic, linux");
        assertThatThrownBy(() -> PolicySpec.parse(" ")).hasMessageContaining("empty policy name");
        assertThatThrownBy(() -> PolicySpec.parse("neural-peak@high"))
                .hasMessageContaining("policy 'neural-peak@high'")
                .hasMessageContaining("threshold 'high'");
        assertThatThrownBy(() -> PolicySpec.parse("neural-peak@1.5"))
                .hasMessage("policy 'neural-peak@1.5': threshold 1.5 is not a number in (0, 1]");
        assertThatThrownBy(() -> PolicySpec.parse("neural@9"))
                .hasMessageContaining("policy 'neural@9'")
                .hasMessageContaining("wake-up margin 9.0 is not in [0, 4.0]");
        assertThatThrownBy(() -> PolicySpec.parse("neural@NaN")).hasMessageContaining("wake-up margin 'NaN'");
        assertThatThrownBy(() -> PolicySpec.parse("reactive@3")).hasMessageContaining("takes no @parameter");
        assertThatThrownBy(() -> PolicySpec.parse("linux@x")).hasMessageContaining("proactiveness 'x'");
        assertThatThrownBy(() -> PolicySpec.parse("linux@400"))
                .hasMessage("policy 'linux@400': proactiveness 400 is not a whole number in [0, 100]");
        assertThatThrownBy(() -> PolicySpec.parse("nope-peak")).hasMessageContaining("unknown policy 'nope-peak'");
    }
}
