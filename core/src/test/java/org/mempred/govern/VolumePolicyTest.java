package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mempred.govern.CompactionPolicy.Action;
import org.mempred.govern.CompactionPolicy.Proposal;
import org.mempred.heap.SizeClasses;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.Target;
import org.mempred.telemetry.ClassDemand;
import org.mempred.telemetry.Requests;
import org.mempred.telemetry.Sample;

class VolumePolicyTest {
    private static final int CAPACITY = 1 << 20;
    private static final long TICK = 500_000_000L;
    private static final int KIB2 = SizeClasses.of(2048);

    private final VolumePolicy policy =
            new VolumePolicy("holt", () -> null, 0.0, PredictorConfig.DEFAULT_HORIZON_NANOS);

    /** A sample at tick {@code k}: {@code volume} bytes of 2 KiB requests, {@code capacity} for every class up to 2 KiB. */
    private static Sample sample(int k, long volume, long failed, long capacity, long compactions) {
        long[] volumes = new long[SizeClasses.COUNT];
        long[] failures = new long[SizeClasses.COUNT];
        long[] capacities = new long[SizeClasses.COUNT];
        volumes[KIB2] = volume;
        failures[KIB2] = failed;
        for (int c = 0; c <= KIB2; c++) {
            capacities[c] = capacity;
        }
        int used = CAPACITY / 2;
        return new Sample(
                k * TICK,
                CAPACITY,
                used,
                (int) Math.min(capacity, CAPACITY - used),
                10,
                0,
                0,
                0,
                0,
                compactions,
                new Requests(volume / 2048, volume > 0 ? 2048 : 0, volume, 0),
                ClassDemand.of(volumes, failures, capacities));
    }

    private static double label(double capacities) {
        return Target.labelOfVolume(capacities);
    }

    @Test
    void aForecastOfNoVolumeLeavesOnlyTheReserveOfTheLargestRequest() {
        Proposal proposal = policy.decide(sample(1, 4096, 0, 64 * 1024, 0), 0.0, 0.0);

        assertThat(proposal.action()).isEqualTo(Action.RESERVE);
        assertThat(proposal.targetBytes()).isEqualTo(2048);
        assertThat(proposal.refillBytes()).isZero();
    }

    @Test
    void aClassShortOfItsNeedAsksForOneBlockOfItNow() {
        // 4 capacities over 5 s = 0.8 MiB/s; need = 2 x 0.8 MiB/s x 0.6 s, far above 64 KiB
        Proposal proposal = policy.decide(sample(1, 4096, 0, 64 * 1024, 0), label(4.0), 0.0);

        assertThat(proposal.refillBytes()).isGreaterThan(64 * 1024).isLessThanOrEqualTo(CAPACITY / 2);
        assertThat(proposal.reason()).contains("short: capacity 65536 B");
    }

    @Test
    void capacityThatFreesGiveBackLowersTheNeedUntilNothingIsAsked() {
        double forecast = label(0.2); // 0.2 capacities over 5 s: need 2 x 42 KB/s x 0.6 s = 50 KB > 40 KiB
        assertThat(policy.decide(sample(1, 100_000, 0, 40 * 1024, 0), forecast, 0.0)
                        .refillBytes())
                .isPositive();
        Proposal later = null;
        for (int k = 2; k < 30; k++) {
            // the program requests 100 KB a tick and its capacity stays put: frees give it all back
            later = policy.decide(sample(k, 100_000, 0, 40 * 1024, 0), forecast, 0.0);
        }
        assertThat(later.refillBytes()).isZero();
    }

    @Test
    void aFragmentationFailureBoostsItsClassAndTheBoostFades() {
        double forecast = label(0.02); // need 2 x 4.2 KB/s x 0.6 s = 5 KB < 8 KiB of capacity
        assertThat(policy.decide(sample(1, 2048, 0, 8 * 1024, 0), forecast, 0.0).refillBytes())
                .isZero();
        assertThat(policy.decide(sample(2, 2048, 2048, 8 * 1024, 1), forecast, 0.0)
                        .refillBytes())
                .as("boosted 4x after a failure")
                .isPositive();
        Proposal faded = null;
        for (int k = 3; k < 10; k++) {
            faded = policy.decide(sample(k, 2048, 0, 8 * 1024, k), forecast, 0.0);
        }
        assertThat(faded.refillBytes()).isZero();
    }
}
