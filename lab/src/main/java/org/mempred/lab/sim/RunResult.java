package org.mempred.lab.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one simulated run (one policy, one seed). Figures that do not apply are NaN:
 * prediction accuracy and skill for a policy without a predictor, compaction times for a run
 * without compactions. Pressures are fractions of capacity.
 *
 * @param policy policy name
 * @param seed workload seed
 * @param peakPressure highest pressure after any event of the run
 * @param meanPressure time-weighted mean pressure over the run's virtual duration
 * @param oomEvents failed allocation requests
 * @param oomFragmentation failures with enough total free space (compaction could have helped)
 * @param oomExhaustion failures with too little total free space
 * @param compactions compactions of either kind
 * @param proactiveCompactions background compactions run by the governor
 * @param reactiveCompactions direct compactions inside allocation requests
 * @param bytesMoved bytes copied by all compactions
 * @param meanCompactionMicros mean virtual (cost-model) duration of a compaction, µs
 * @param meanCompactionWallMicros mean measured wall duration of a compaction, µs
 * @param meanResponseMicros mean response time of an allocation request, µs
 * @param p99ResponseMicros 99th percentile of the response time, µs
 * @param predictionAccuracy (TP + TN) / N of the policy's predictor (NaN without one)
 * @param skill 1 - MSE(model) / MSE(persistence) (NaN without a predictor)
 * @param predictions governor predictions made
 * @param fallbacks predictions the governor discarded
 * @param watchdogAlerts times the watchdog degraded to reactive
 * @param rateLimited compactions refused by the rate limit
 * @param allocationRequests allocation requests issued by the workload
 * @param crashes 1 when an exception escaped the run (figures then cover the run up to it), else 0
 * @param crashMessage the escaped exception, or null
 * @param finalMetrics the METRIC values ({@code org.mempred.metrics.Metrics}) of the heap and governor at the end of the run
 */
public record RunResult(
        String policy,
        long seed,
        double peakPressure,
        double meanPressure,
        long oomEvents,
        long oomFragmentation,
        long oomExhaustion,
        long compactions,
        long proactiveCompactions,
        long reactiveCompactions,
        long bytesMoved,
        double meanCompactionMicros,
        double meanCompactionWallMicros,
        double meanResponseMicros,
        double p99ResponseMicros,
        double predictionAccuracy,
        double skill,
        long predictions,
        long fallbacks,
        long watchdogAlerts,
        long rateLimited,
        long allocationRequests,
        int crashes,
        String crashMessage,
        Map<String, Number> finalMetrics) {

    /** Keeps the metrics' order and makes them unmodifiable. */
    public RunResult {
        finalMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(finalMetrics));
    }

    /**
     * This result with the measured wall time zeroed: the figures that must be identical for
     * every run of the same workload, policy, seed and options (records compare NaN equal to NaN).
     */
    public RunResult withoutWallTime() {
        return new RunResult(
                policy,
                seed,
                peakPressure,
                meanPressure,
                oomEvents,
                oomFragmentation,
                oomExhaustion,
                compactions,
                proactiveCompactions,
                reactiveCompactions,
                bytesMoved,
                meanCompactionMicros,
                0.0,
                meanResponseMicros,
                p99ResponseMicros,
                predictionAccuracy,
                skill,
                predictions,
                fallbacks,
                watchdogAlerts,
                rateLimited,
                allocationRequests,
                crashes,
                crashMessage,
                finalMetrics);
    }
}
