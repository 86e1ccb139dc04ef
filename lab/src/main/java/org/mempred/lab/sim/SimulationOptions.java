package org.mempred.lab.sim;

import org.mempred.govern.GovernorConfig;
import org.mempred.govern.Placement;
import org.mempred.heap.Granules;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictorConfig;

/**
 * Options of a simulated run that do not vary between the runs of one experiment: the one run
 * configuration from which the governor's ({@link #governorConfig()}) and the predictors'
 * ({@link #predictorConfig(long)}) are derived, so a setting such as the horizon has one home.
 *
 * @param heapBytes heap capacity (a multiple of 16)
 * @param durationNanos virtual length of a run
 * @param horizonNanos prediction horizon H (governor and predictors)
 * @param tickNanos governor tick interval in virtual time
 * @param requestNanos fixed service time of every allocation request
 * @param costModel virtual duration of compactions
 * @param neuralWeights starting weights of the {@code neural} policies; {@code null} for the shipped ones
 * @param placement where the heap places new blocks ({@code tlsf} by default)
 */
public record SimulationOptions(
        int heapBytes,
        long durationNanos,
        long horizonNanos,
        long tickNanos,
        long requestNanos,
        CompactionCostModel costModel,
        NeuralWeights neuralWeights,
        Placement placement) {

    /**
     * Default fixed cost of one allocation request: 100 ns, a round service time of the order of a
     * free plus an allocation on a 100 KiB heap as {@code AllocateFreeBenchmark} measures it (see
     * BENCHMARKS.md, "Current figures"); a setting, not a measurement.
     */
    public static final long DEFAULT_REQUEST_NANOS = 100L;

    /** Checks every option, naming the bad value. */
    public SimulationOptions {
        if (heapBytes <= 0 || heapBytes % Granules.BYTES != 0) {
            throw new IllegalArgumentException(
                    "heapBytes=" + heapBytes + " must be a positive multiple of " + Granules.BYTES);
        }
        if (durationNanos <= 0 || horizonNanos <= 0 || tickNanos <= 0 || requestNanos < 0) {
            throw new IllegalArgumentException("durationNanos=" + durationNanos + ", horizonNanos=" + horizonNanos
                    + ", tickNanos=" + tickNanos + " must be positive and requestNanos=" + requestNanos + " >= 0");
        }
        if (costModel == null || placement == null) {
            throw new IllegalArgumentException("costModel and placement are required");
        }
    }

    /**
     * Defaults (horizon 5 s, tick 500 ms, 100 ns per request, the committed calibration's cost model)
     * for a heap and duration.
     */
    public static SimulationOptions of(int heapBytes, long durationNanos) {
        return new SimulationOptions(
                heapBytes,
                durationNanos,
                PredictorConfig.DEFAULT_HORIZON_NANOS,
                GovernorConfig.DEFAULTS.tickNanos(),
                DEFAULT_REQUEST_NANOS,
                Calibration.shipped().model(),
                null,
                Placement.TLSF);
    }

    /** A copy with another horizon. */
    public SimulationOptions withHorizonNanos(long nanos) {
        return new SimulationOptions(
                heapBytes, durationNanos, nanos, tickNanos, requestNanos, costModel, neuralWeights, placement);
    }

    /** A copy whose {@code neural} policies start from {@code weights} ({@code null}: the shipped ones). */
    public SimulationOptions withNeuralWeights(NeuralWeights weights) {
        return new SimulationOptions(
                heapBytes, durationNanos, horizonNanos, tickNanos, requestNanos, costModel, weights, placement);
    }

    /** A copy whose heaps place blocks by {@code where}. */
    public SimulationOptions withPlacement(Placement where) {
        return new SimulationOptions(
                heapBytes, durationNanos, horizonNanos, tickNanos, requestNanos, costModel, neuralWeights, where);
    }

    /** The governor configuration of a run. */
    public GovernorConfig governorConfig() {
        return GovernorConfig.DEFAULTS.withTickNanos(tickNanos);
    }

    /** The predictor configuration of a run with {@code seed}. */
    public PredictorConfig predictorConfig(long seed) {
        return PredictorConfig.DEFAULTS
                .withHorizonNanos(horizonNanos)
                .withSeed(seed)
                .withWeights(neuralWeights);
    }
}
