package org.mempred.lab.sim;

import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.mempred.govern.GovernorStats;
import org.mempred.heap.HeapStats;
import org.mempred.heap.PlacementStats;
import org.mempred.metrics.Metrics;
import org.mempred.predict.accuracy.AccuracyReport;
import org.mempred.predict.accuracy.BandAccuracy;

/**
 * The figures of one simulated run (one policy, one seed), in six parts: the heap, its
 * compactions, the response times of allocation requests, the predictions, the safety counters
 * and the placement. Figures that do not apply are NaN: prediction accuracy and skill for a policy without
 * a predictor, compaction times for a run without compactions, response times for a run without
 * requests. Pressures are fractions of capacity.
 *
 * <p>The end-of-run snapshots of the heap and the governor are kept whole, so the METRIC lines of
 * the run ({@link #finalMetrics()}) are derived from the same values the figures come from, never
 * copied beside them. Records compare NaN equal to NaN, so two results of the same run compare
 * equal once {@link #withoutWallTime()} has removed the one measured figure.
 *
 * @param policy policy name
 * @param seed workload seed
 * @param heap pressure and OOM figures
 * @param compaction compaction counts, bytes and durations
 * @param response response times of allocation requests
 * @param prediction the predictor's accuracy and the governor's predictions
 * @param safety the governor's safety counters and the crash, if any
 */
public record RunResult(
        String policy,
        long seed,
        Heap heap,
        Compaction compaction,
        Response response,
        Prediction prediction,
        Safety safety,
        Placing placing) {

    /**
     * Pressure and OOM figures.
     *
     * @param peakPressure highest pressure after any event of the run
     * @param meanPressure time-weighted mean pressure over the run's virtual duration
     * @param allocationRequests allocation requests issued by the workload
     * @param end the heap's statistics at the end of the run
     */
    public record Heap(double peakPressure, double meanPressure, long allocationRequests, HeapStats end) {
        /** Failed allocation requests. */
        public long oomEvents() {
            return end.oomEvents();
        }

        /** Failures with enough total free space (compaction could have helped). */
        public long oomFragmentation() {
            return end.oomFragmentation();
        }

        /** Failures with too little total free space. */
        public long oomExhaustion() {
            return end.oomExhaustion();
        }
    }

    /**
     * Compaction figures, as the simulator's cost model and clock saw them.
     *
     * @param proactive background compactions run by the governor
     * @param reactive direct compactions inside allocation requests
     * @param bytesMoved bytes copied by all compactions
     * @param meanModelMicros mean virtual (cost-model) duration of a compaction, µs
     * @param meanWallMicros mean measured wall duration of a compaction, µs
     */
    public record Compaction(
            long proactive, long reactive, long bytesMoved, double meanModelMicros, double meanWallMicros) {
        /** Compactions of either kind. */
        public long total() {
            return proactive + reactive;
        }

        /** These figures with the measured wall time zeroed. */
        public Compaction withoutWallTime() {
            return new Compaction(proactive, reactive, bytesMoved, meanModelMicros, 0.0);
        }
    }

    /**
     * Response times of allocation requests (waiting included), µs.
     *
     * @param meanMicros mean
     * @param p99Micros 99th percentile
     */
    public record Response(double meanMicros, double p99Micros) {
        /** The figures of {@code nanos}, a histogram of response times in ns (NaN when empty). */
        public static Response of(Histogram nanos) {
            if (nanos.getTotalCount() == 0) {
                return new Response(Double.NaN, Double.NaN);
            }
            return new Response(nanos.getMean() / 1e3, nanos.getValueAtPercentile(99.0) / 1e3);
        }
    }

    /**
     * The predictions of the run.
     *
     * @param accuracy the predictor's scored labels; empty for a policy without a predictor
     * @param predictions governor predictions made
     */
    public record Prediction(Optional<AccuracyReport> accuracy, long predictions) {
        /** (TP + TN) / N of the predictor (NaN without a predictor or a label). */
        public double accuracyShare() {
            return scored().map(BandAccuracy::accuracy).orElse(Double.NaN);
        }

        /** 1 - MSE(model) / MSE(persistence) (NaN without a predictor or a label). */
        public double skill() {
            return scored().map(BandAccuracy::skill).orElse(Double.NaN);
        }

        private Optional<BandAccuracy> scored() {
            return accuracy.map(AccuracyReport::overall).filter(overall -> overall.count() > 0);
        }
    }

    /**
     * The governor's safety counters and the run's crash.
     *
     * @param governor the governor's counters at the end of the run
     * @param crashMessage the exception that escaped the run (figures then cover the run up to it), or null
     */
    public record Safety(GovernorStats governor, String crashMessage) {
        /** Predictions the governor discarded. */
        public long fallbacks() {
            return governor.fallbacks();
        }

        /** Times the watchdog degraded the governor to reactive. */
        public long watchdogAlerts() {
            return governor.watchdogAlerts();
        }

        /** Compactions refused by the rate limit. */
        public long rateLimited() {
            return governor.rateLimited();
        }

        /** 1 when an exception escaped the run, else 0. */
        public int crashes() {
            return crashMessage == null ? 0 : 1;
        }
    }

    /** The METRIC values ({@link Metrics}) of the heap and governor at the end of the run. */
    public Map<String, Number> finalMetrics() {
        return Metrics.collect(heap.end(), safety.governor(), prediction.accuracy());
    }

    /**
     * This result with the measured wall time zeroed: the figures that must be identical for
     * every run of the same workload, policy, seed and options.
     */
    public RunResult withoutWallTime() {
        return new RunResult(policy, seed, heap, compaction.withoutWallTime(), response, prediction, safety, placing);
    }

    /**
     * Where blocks were placed and how fragmented the heap was.
     *
     * @param placement the placement's id ({@code tlsf}, {@code site-table}, ...)
     * @param regions sub-arenas the heap was cut into (1 for {@code tlsf})
     * @param meanFragmentation time-weighted mean of {@code 1 - largest free block / free bytes}
     * @param stats the lifetime placement's figures (predicted against observed class), null for {@code tlsf}
     */
    public record Placing(String placement, int regions, double meanFragmentation, PlacementStats stats) {
        /** Share of freed blocks whose lifetime class was predicted exactly (NaN without a predictor or a free). */
        public double exactShare() {
            return stats == null || stats.frees() == 0 ? Double.NaN : (double) stats.exact() / stats.frees();
        }
    }
}
