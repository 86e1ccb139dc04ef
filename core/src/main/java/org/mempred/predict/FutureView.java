package org.mempred.predict;

/**
 * The true future of a run, which only {@link OraclePredictor} may read. A simulator that knows
 * what will happen (for example from a recorded run, see {@link RecordedFuture}) supplies it
 * through {@link PredictorConfig#withFuture}; nothing else in {@code core} takes one.
 */
@FunctionalInterface
public interface FutureView {
    /**
     * The largest value the forecast target (see {@link Target}) actually takes in
     * {@code (timeNanos, timeNanos + horizonNanos]}, or {@code NaN} when nothing is known about that
     * interval.
     */
    double peak(long timeNanos, long horizonNanos);
}
