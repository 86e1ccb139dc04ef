package org.mempred.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.workload.BurstyConfig;
import org.mempred.lab.workload.BurstyWorkload;
import org.mempred.lab.workload.Workload;
import org.mempred.predict.FutureView;
import org.mempred.predict.Target;

class TrueFutureTest {
    private static final int HEAP = 102_400;
    private static final long MINUTE = 60_000_000_000L;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theStreamsFutureIsWhatEveryRunOfTheSeedObserves(long seed) {
        Workload workload = BurstyWorkload.of(BurstyConfig.Shape.STREAM, 0.95, HEAP);
        SimulationOptions options = SimulationOptions.of(HEAP, MINUTE);
        PressureTrace reactive = new PressureTrace();
        PressureTrace periodic = new PressureTrace();
        Simulator simulator = new Simulator(options);
        simulator.run(workload, PolicySpec.parse("reactive"), seed, Probes.NONE.withTrace(reactive));
        simulator.run(workload, PolicySpec.parse("periodic"), seed, Probes.NONE.withTrace(periodic));

        FutureView computed = TrueFuture.of(workload, seed, options).view(Target.VOLUME);
        FutureView recorded = reactive.toFuture(Target.VOLUME);
        FutureView otherPolicy = periodic.toFuture(Target.VOLUME);
        long horizon = 5_000_000_000L;
        for (long t = 0; t < MINUTE - horizon; t += options.tickNanos()) {
            assertThat(computed.peak(t, horizon)).as("volume label at %d ns", t).isEqualTo(recorded.peak(t, horizon));
            assertThat(otherPolicy.peak(t, horizon)).isEqualTo(recorded.peak(t, horizon));
        }
        FutureView largest = TrueFuture.of(workload, seed, options).view(Target.DEMAND);
        for (long t = 0; t < MINUTE - horizon; t += options.tickNanos()) {
            assertThat(largest.peak(t, horizon))
                    .isEqualTo(reactive.toFuture(Target.DEMAND).peak(t, horizon));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1})
    void thePeakPressureIsNotAPropertyOfTheStream(long seed) {
        TrueFuture future = TrueFuture.of(BurstyWorkload.of(0.9, HEAP), seed, SimulationOptions.of(HEAP, MINUTE));
        assertThatThrownBy(() -> future.view(Target.PEAK_PRESSURE)).hasMessageContaining("depends on the policy");
    }
}
