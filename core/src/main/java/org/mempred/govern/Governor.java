package org.mempred.govern;

import java.util.List;
import java.util.Optional;
import org.mempred.govern.CompactionPolicy.Proposal;
import org.mempred.govern.Decision.Action;
import org.mempred.govern.GovernorStats.Mode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.predict.LabelListener;
import org.mempred.predict.PredictionCheck;
import org.mempred.predict.PredictionLoop;
import org.mempred.predict.Predictor;
import org.mempred.predict.accuracy.AccuracyEvaluator;
import org.mempred.predict.accuracy.AccuracyReport;
import org.mempred.telemetry.Clock;
import org.mempred.telemetry.Sample;
import org.mempred.telemetry.TelemetrySampler;

/**
 * The autonomy loop. Each {@link #tick} (every {@code tickNanos} of the clock): sample the heap,
 * predict, decide, act, log — with priority <b>safety &gt; reactive &gt; proactive</b>:
 *
 * <ol>
 *   <li><b>Safety.</b> A prediction that is NaN, infinite or outside [0, 1], or a predictor that
 *       throws, is discarded: that tick falls back to reactive (counted). Anomalies and error far
 *       above the predictor's own running error feed the {@link Watchdog}; when it trips the
 *       governor degrades to reactive, raises an alert, and after the cool-down re-initialises the
 *       predictor from its policy. Every compaction the governor starts must pass a
 *       {@link TokenBucket} of {@code maxCompactionsPerSecond} and depth 1, whatever the policy
 *       asks: compactions are at least {@code 1/max} s apart, so no one-second window holds more
 *       than {@code max} of them.
 *   <li><b>Reactive.</b> Direct compaction in the allocation path belongs to the heap and is never
 *       switched off: when everything else is refused, the heap still behaves as {@code reactive}.
 *   <li><b>Proactive.</b> Only then does the policy's proposal run a background compaction.
 * </ol>
 *
 * <p>Runs identically on the real and on a virtual {@link Clock}: every time it reads, including
 * the predictor's latency, comes from that clock. Methods are synchronized so a shell or JMX
 * thread may read counters while the governor thread ticks.
 */
public final class Governor {
    private final CompactingHeap heap;
    private final Clock clock;
    private final CompactionPolicy policy;
    private final GovernorConfig config;
    private final TelemetrySampler sampler = new TelemetrySampler();
    private final TokenBucket bucket;
    private final Watchdog watchdog;
    private final DecisionLog log;
    private final AccuracyEvaluator accuracy;
    private final LabelListener observer;
    private final LabelListener labels;
    private final ReserveEscalation escalation;
    /** Weight of the newest label in the recent mean absolute error a demand policy's margin reads. */
    private static final double ERROR_SMOOTHING = 0.1;

    private Proposal reserveProposal;
    private double recentError;
    private long wakeups;
    private PredictionLoop loop;
    private Mode mode = Mode.PREDICTIVE;
    private long lastTickNanos = Long.MIN_VALUE;
    private Sample lastSample;
    private double lastPrediction = Double.NaN;
    private long ticks;
    private long predictions;
    private long fallbacks;
    private long predictorFailures;
    private long proactiveCompactions;
    private long proactiveBytesMoved;
    private long rateLimited;
    private long watchdogAlerts;
    private long recoveries;
    private long degradedTicks;

    /** A governor of {@code heap} on {@code clock} running {@code policy}. */
    public Governor(CompactingHeap heap, Clock clock, CompactionPolicy policy, GovernorConfig config) {
        this(heap, clock, policy, config, LabelListener.NONE);
    }

    /**
     * A governor that also shows every delayed label to {@code labels} (after the predictor learned
     * it and accuracy scored it), e.g. a {@code TrainingSetRecorder} for offline training.
     */
    public Governor(
            CompactingHeap heap, Clock clock, CompactionPolicy policy, GovernorConfig config, LabelListener labels) {
        this.heap = heap;
        this.clock = clock;
        this.policy = policy;
        this.config = config;
        heap.setDirectCompaction(policy.directCompaction()); // the policy's form reaches every heap it governs
        this.bucket = new TokenBucket(config.maxCompactionsPerSecond(), 1);
        this.escalation = new ReserveEscalation(heap.capacityBytes(), policy.horizonNanos());
        this.watchdog = new Watchdog(config);
        this.log = new DecisionLog(config.logCapacity(), policy.name());
        Predictor predictor = policy.newPredictor();
        this.accuracy = predictor == null ? null : new AccuracyEvaluator();
        this.labels = labels;
        this.observer = this::onLabel;
        this.loop = predictor == null ? null : newLoop(predictor);
    }

    private PredictionLoop newLoop(Predictor predictor) {
        int history = PredictionLoop.historyCapacityFor(predictor.horizonNanos(), config.tickNanos());
        return new PredictionLoop(predictor, history, observer, policy.target());
    }

    /**
     * One pass of the loop at the clock's current time.
     *
     * @return the proactive compaction this tick ran, if any (at most one per tick)
     */
    public synchronized Optional<CompactionResult> tick() {
        long now = clock.nanoTime();
        if (now <= lastTickNanos) {
            throw new IllegalStateException(
                    "tick at " + now + " ns is not after the previous tick at " + lastTickNanos);
        }
        lastTickNanos = now;
        ticks++;
        Sample sample = sampler.sample(now, heap.stats());
        lastSample = sample;
        if (mode == Mode.DEGRADED) {
            degradedTick(now, sample);
            return Optional.empty();
        }
        double prediction = Double.NaN;
        if (loop != null) {
            prediction = predict(now, sample);
            if (Double.isNaN(prediction)) {
                return Optional.empty(); // fallback or degradation already logged
            }
        }
        return act(
                now,
                sample,
                prediction,
                policy.decide(sample, prediction, Double.isNaN(prediction) ? 0.0 : recentError));
    }

    /** Predicts under the safety rules; NaN when the prediction was discarded. */
    private double predict(long now, Sample sample) {
        predictions++;
        double raw;
        long latency;
        try {
            loop.advanceLabels(sample); // each label reaches onLabel, whose watchdog may degrade
            if (mode == Mode.DEGRADED) {
                lastPrediction = Double.NaN;
                return Double.NaN; // a label tripped the watchdog: no prediction this tick
            }
            long started = clock.nanoTime();
            raw = loop.predict(sample);
            latency = clock.nanoTime() - started;
        } catch (RuntimeException e) {
            predictorFailures++;
            return discard(now, sample, Double.NaN, "predictor threw " + e);
        }
        lastPrediction = raw;
        PredictionCheck check = loop.lastCheck();
        if (!check.isValid()) {
            return discard(now, sample, raw, "invalid prediction " + raw + " (" + check + ")");
        }
        if (latency > config.predictLatencyBudgetNanos()
                && watchdog.anomaly(now, "prediction took " + latency + " ns > budget")) {
            degrade(now, sample, raw);
            return Double.NaN;
        }
        return raw;
    }

    private double discard(long now, Sample sample, double raw, String why) {
        fallbacks++;
        if (watchdog.anomaly(now, why)) {
            degrade(now, sample, raw);
        } else {
            log.append(new Decision(now, sample.pressure(), raw, Action.FALLBACK, why + ": reactive this tick"));
        }
        return Double.NaN;
    }

    private void degrade(long now, Sample sample, double raw) {
        mode = Mode.DEGRADED;
        heap.reserve().set(0, 0);
        watchdogAlerts++;
        log.append(new Decision(
                now,
                sample.pressure(),
                raw,
                Action.DEGRADED,
                "watchdog alert: " + watchdog.reason() + "; reactive for " + config.cooldownNanos() / 1_000_000
                        + " ms"));
    }

    private void degradedTick(long now, Sample sample) {
        if (!watchdog.cooledDown(now)) {
            degradedTicks++;
            log.append(new Decision(now, sample.pressure(), Double.NaN, Action.DEGRADED, "degraded: reactive only"));
            return;
        }
        watchdog.reset();
        loop = newLoop(policy.newPredictor());
        mode = Mode.PREDICTIVE;
        recoveries++;
        log.append(new Decision(
                now, sample.pressure(), Double.NaN, Action.RECOVERED, "cool-down over: predictor re-initialised"));
    }

    private Optional<CompactionResult> act(long now, Sample sample, double prediction, Proposal proposal) {
        if (proposal.action() == CompactionPolicy.Action.RESERVE) {
            reserveProposal = proposal;
            heap.reserve().set(Math.min(proposal.targetBytes(), heap.capacityBytes()), proposal.marginBytes());
            if (proposal.refillBytes() > heap.largestFreeBytes()) {
                return refillNow(now, sample.pressure(), prediction, proposal);
            }
            if (!heap.reserve().isShort()) {
                log.append(new Decision(now, sample.pressure(), prediction, Action.IDLE, proposal.reason()));
                return Optional.empty();
            }
        } else {
            reserveProposal = null;
            heap.reserve().set(0, 0);
        }
        if (proposal.action() == CompactionPolicy.Action.IDLE) {
            log.append(new Decision(now, sample.pressure(), prediction, Action.IDLE, proposal.reason()));
            return Optional.empty();
        }
        return compactNow(now, sample.pressure(), prediction, proposal);
    }

    /**
     * Answers the heap's reserve wake-up (see {@link org.mempred.heap.Reserve}) at the clock's
     * current time: one refill of the reserve target through the bounded escalation
     * ({@link ReserveEscalation}: a window, several windows, a range slide, a full compaction),
     * through the rate limit and only while the governor is not degraded. The allocation that raised it says so in its outcome
     * ({@link org.mempred.heap.Allocation#wakeupRaised()}), and its caller calls this, or has the
     * governor's thread call it. A wake-up that is no longer pending (a tick or another answer
     * served it first) is not answered again.
     *
     * @return the evacuation it ran, if any
     */
    public synchronized Optional<CompactionResult> onReserveWakeup() {
        long now = clock.nanoTime();
        if (!heap.reserve().wakeupPending()) {
            return Optional.empty();
        }
        if (mode == Mode.DEGRADED || reserveProposal == null) {
            heap.reserve().acknowledge();
            return Optional.empty();
        }
        wakeups++;
        return compactNow(now, heap.pressure(), lastPrediction, reserveProposal);
    }

    /**
     * Refills the block {@code proposal} wants at this tick ({@link Proposal#refillBytes}) through
     * the escalation, as one compaction through the rate limit, then restores the reserve.
     */
    private Optional<CompactionResult> refillNow(long now, double pressure, double prediction, Proposal proposal) {
        if (!bucket.tryAcquire(now)) {
            return refused(now, pressure, prediction, proposal);
        }
        Proposal block = proposal.refillNow();
        heap.reserve().set(Math.min(block.targetBytes(), heap.capacityBytes()), 0);
        CompactionResult result = escalation.refill(heap, block, now);
        boolean reached = result.largestFreeAfter() >= block.targetBytes();
        heap.reserve().set(Math.min(proposal.targetBytes(), heap.capacityBytes()), proposal.marginBytes());
        proactiveCompactions++;
        proactiveBytesMoved += result.bytesMoved();
        log.append(new Decision(
                now,
                pressure,
                prediction,
                Action.COMPACT,
                proposal.reason() + "; refilled " + block.targetBytes() + " B now by " + escalation.lastServed()
                        + "; moved " + result.bytesMoved() + " bytes" + (reached ? "" : " (target not reached)")));
        return Optional.of(result);
    }

    /** Counts and logs a compaction the rate limit refused; nothing ran. */
    private Optional<CompactionResult> refused(long now, double pressure, double prediction, Proposal proposal) {
        rateLimited++;
        log.append(new Decision(
                now,
                pressure,
                prediction,
                Action.RATE_LIMITED,
                proposal.reason() + "; refused: over " + config.maxCompactionsPerSecond() + " compactions/s"));
        return Optional.empty();
    }

    private Optional<CompactionResult> compactNow(long now, double pressure, double prediction, Proposal proposal) {
        boolean reserve = proposal.action() == CompactionPolicy.Action.RESERVE;
        if (!bucket.tryAcquire(now)) {
            if (reserve) {
                heap.reserve().acknowledge();
            }
            return refused(now, pressure, prediction, proposal);
        }
        CompactionResult result = reserve ? escalation.refill(heap, proposal, now) : heap.compact();
        proactiveCompactions++;
        proactiveBytesMoved += result.bytesMoved();
        log.append(new Decision(
                now,
                pressure,
                prediction,
                Action.COMPACT,
                proposal.reason()
                        + (reserve
                                ? "; refilled for " + heap.reserve().targetBytes() + " B by " + escalation.lastServed()
                                : "")
                        + "; moved " + result.bytesMoved() + " bytes"
                        + (result.largestFreeAfter() >= heap.reserve().targetBytes() ? "" : " (target not reached)")));
        return Optional.of(result);
    }

    /** Each label: scored for accuracy, then watched for error far above the running error. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    private synchronized void onLabel(
            long predictedAtNanos,
            double pressure,
            double threshold,
            double reference,
            double prediction,
            double peak,
            double[] features) {
        accuracy.onLabel(predictedAtNanos, pressure, threshold, reference, prediction, peak, features);
        boolean valid = PredictionCheck.of(prediction).isValid();
        if (valid) {
            recentError += ERROR_SMOOTHING * (Math.abs(prediction - peak) - recentError);
        }
        if (valid && watchdog.error(lastTickNanos, Math.abs(prediction - peak))) {
            degrade(lastTickNanos, lastSample, prediction);
        }
        labels.onLabel(predictedAtNanos, pressure, threshold, reference, prediction, peak, features);
    }

    /**
     * Replaces the predictor (for example with one trained offline); pending labels of the old one
     * are dropped. Accuracy keeps counting across the change.
     *
     * @throws IllegalStateException when the policy has no predictor
     */
    public synchronized void installPredictor(Predictor predictor) {
        if (loop == null) {
            throw new IllegalStateException("policy '" + policy.name() + "' uses no predictor");
        }
        if (predictor.featureSet() != loop.predictor().featureSet()) {
            throw new IllegalArgumentException(
                    "predictor reads feature set '" + predictor.featureSet().id() + "', the governor's reads '"
                            + loop.predictor().featureSet().id() + "'");
        }
        loop = newLoop(predictor);
    }

    /** The counters so far. */
    public synchronized GovernorStats stats() {
        return new GovernorStats(
                ticks,
                predictions,
                fallbacks,
                predictorFailures,
                proactiveCompactions,
                proactiveBytesMoved,
                rateLimited,
                watchdogAlerts,
                recoveries,
                degradedTicks,
                mode,
                escalation.mix());
    }

    /** Accuracy of the predictions labelled so far; empty when the policy has no predictor. */
    public synchronized Optional<AccuracyReport> accuracy() {
        return accuracy == null ? Optional.empty() : Optional.of(accuracy.report());
    }

    /** The last {@code n} decisions, oldest first. */
    public List<Decision> recentDecisions(int n) {
        return log.last(n);
    }

    /** Reserve wake-ups answered (each ran or was refused by the rate limit). */
    public synchronized long reserveWakeups() {
        return wakeups;
    }

    /** The mode now. */
    public synchronized Mode mode() {
        return mode;
    }

    /** The policy this governor runs. */
    public CompactionPolicy policy() {
        return policy;
    }

    /** The settings. */
    public GovernorConfig config() {
        return config;
    }

    /** The last sample taken; empty before the first tick. */
    public synchronized Optional<Sample> lastSample() {
        return Optional.ofNullable(lastSample);
    }

    /** The last raw prediction (possibly invalid), NaN before the first. */
    public synchronized double lastPrediction() {
        return lastPrediction;
    }

    /** The current prediction loop; empty when the policy has no predictor. */
    public synchronized Optional<PredictionLoop> predictionLoop() {
        return Optional.ofNullable(loop);
    }
}
