package org.mempred.lab.safety;

import java.util.function.Supplier;
import org.mempred.govern.Governor;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.PredictivePolicy;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.lab.VirtualClock;
import org.mempred.predict.Predictor;

/**
 * The bench a predictor-driven safety case runs on: a real {@link Governor} with the default
 * configuration and a predictive policy over a {@link FaultyPredictor}, a 100 KiB heap filled to
 * half with 256-byte blocks, and a clock that moves only by whole ticks.
 *
 * <p>The policy asks {@link #supply} for its predictor when the governor starts and again when it
 * re-initialises it after a cool-down; a case may swap the predictor handed out next
 * ({@link #nextPredictor}) and count how many were made.
 */
final class SafetyRig {
    private static final int BLOCKS = 200;
    private static final int BLOCK_BYTES = 256;

    final CompactingHeap heap;
    final Governor governor;
    private final VirtualClock clock;
    private final PredictorSupply supply;

    private SafetyRig(CompactingHeap heap, VirtualClock clock, PredictorSupply supply, Governor governor) {
        this.heap = heap;
        this.clock = clock;
        this.supply = supply;
        this.governor = governor;
    }

    /** A rig whose governor starts with {@code predictor}. */
    static SafetyRig of(FaultyPredictor predictor) {
        CompactingHeap heap = new CompactingHeap(CompactingHeap.DEFAULT_CAPACITY_BYTES);
        for (int i = 0; i < BLOCKS; i++) {
            heap.tryAllocate(BLOCK_BYTES, AllocationMode.ATOMIC);
        }
        VirtualClock clock = new VirtualClock();
        PredictorSupply supply = new PredictorSupply(predictor);
        PredictivePolicy policy = new PredictivePolicy(
                "faulty",
                supply,
                PredictivePolicy.DEFAULT_THRESHOLD_PRESSURE,
                PredictivePolicy.DEFAULT_MIN_FRAGMENTATION);
        return new SafetyRig(heap, clock, supply, new Governor(heap, clock, policy, GovernorConfig.DEFAULTS));
    }

    /** Advances the clock by one tick and runs the governor's tick. */
    void tick() {
        clock.advanceBy(governor.config().tickNanos());
        governor.tick();
    }

    /** The predictor handed out from now on (at the next re-initialisation). */
    void nextPredictor(FaultyPredictor predictor) {
        supply.predictor = predictor;
    }

    /** How many predictors the policy has asked for. */
    int predictorsMade() {
        return supply.made;
    }

    /** Hands out the current predictor and counts the requests. */
    private static final class PredictorSupply implements Supplier<Predictor> {
        private FaultyPredictor predictor;
        private int made;

        PredictorSupply(FaultyPredictor predictor) {
            this.predictor = predictor;
        }

        @Override
        public Predictor get() {
            made++;
            return predictor;
        }
    }
}
