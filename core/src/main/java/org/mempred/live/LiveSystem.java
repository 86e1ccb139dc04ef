package org.mempred.live;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.mempred.govern.CompactionPolicy;
import org.mempred.govern.Governor;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.heap.Allocation;
import org.mempred.heap.AllocationRequest;
import org.mempred.heap.CompactingHeap;
import org.mempred.metrics.Metrics;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.neural.NeuralPredictor;
import org.mempred.predict.neural.OfflineTrainer;
import org.mempred.predict.neural.TrainingSet;
import org.mempred.predict.neural.TrainingSetRecorder;
import org.mempred.telemetry.Clock;

/**
 * A heap and its governor on the real clock: what the shell and JMX drive.
 *
 * <p>With autonomy on, a daemon thread ticks the governor every {@code tickNanos}; other threads
 * use the heap meanwhile (the heap and governor are thread-safe), allocating through
 * {@link #allocate}, which hands a reserve wake-up that a request raised to that thread. {@link #setPolicy} swaps the
 * governor for a new one running another policy over the same heap; {@link #train} runs offline
 * epochs over the labels the governor has recorded and installs the result. Predictors are built
 * through {@code decorator} so the shell can time them. Methods are synchronized on this object.
 */
public final class LiveSystem implements AutoCloseable {
    private final CompactingHeap heap;
    private final PredictorConfig predictorConfig;
    private final GovernorConfig governorConfig;
    private final UnaryOperator<Predictor> decorator;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private final long startNanos;
    private Governor governor;
    private TrainingSetRecorder recorder;
    private final Runnable answerWakeup = this::answerWakeup;
    private ScheduledFuture<?> ticking;
    private long tickFailures;

    /** A live system on the real clock over {@code heap} starting with {@code policy}, autonomy off. */
    public LiveSystem(
            CompactingHeap heap,
            PolicySpec policy,
            PredictorConfig predictorConfig,
            GovernorConfig governorConfig,
            UnaryOperator<Predictor> decorator) {
        this(heap, policy, predictorConfig, governorConfig, decorator, Clock.SYSTEM);
    }

    /** As above on {@code clock} (tests drive a manual clock and call {@link #tick}). */
    public LiveSystem(
            CompactingHeap heap,
            PolicySpec policy,
            PredictorConfig predictorConfig,
            GovernorConfig governorConfig,
            UnaryOperator<Predictor> decorator,
            Clock clock) {
        this.heap = Objects.requireNonNull(heap, "heap");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startNanos = clock.nanoTime();
        this.predictorConfig = predictorConfig;
        this.governorConfig = governorConfig;
        this.decorator = decorator;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mempred-governor");
            thread.setDaemon(true);
            return thread;
        });
        setPolicy(policy);
    }

    /** Replaces the governor with one running {@code spec} (a spec that cannot be built throws, state unchanged). */
    public synchronized void setPolicy(PolicySpec spec) {
        CompactionPolicy base = spec.create(predictorConfig);
        CompactionPolicy policy = Policies.decorate(base, decorator);
        TrainingSetRecorder newRecorder =
                new TrainingSetRecorder(configFor(policy).featureSet());
        governor = new Governor(heap, clock, policy, governorConfig, newRecorder);
        recorder = newRecorder;
    }

    /** Turns the autonomy loop on or off. */
    public synchronized void setAutonomy(boolean on) {
        if (on && ticking == null) {
            long period = governorConfig.tickNanos();
            ticking = ticker.scheduleAtFixedRate(this::tickSafely, period, period, TimeUnit.NANOSECONDS);
        } else if (!on && ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    /** Whether the autonomy loop is running. */
    public synchronized boolean autonomy() {
        return ticking != null;
    }

    /** One tick now, on the calling thread (also what the background loop does). */
    public void tick() {
        currentGovernor().tick();
    }

    /**
     * Serves {@code request} from the heap at the system clock's time (it overwrites the
     * request's, so every block of a live heap is timed on one clock); when its outcome raised the
     * reserve's wake-up and autonomy is on, the governor's thread answers it next (with autonomy
     * off it waits, like the ticks). The way live callers allocate, so a wake-up is never left
     * unheard.
     */
    public Allocation allocate(AllocationRequest request) {
        Allocation outcome = heap.allocate(request.at(clock.nanoTime()));
        if (outcome.wakeupRaised()) {
            synchronized (this) {
                if (ticking != null) {
                    ticker.execute(answerWakeup);
                }
            }
        }
        return outcome;
    }

    /** Answers a pending reserve wake-up on the governor's thread. */
    private void answerWakeup() {
        try {
            currentGovernor().onReserveWakeup();
        } catch (RuntimeException e) {
            synchronized (this) {
                tickFailures++;
            }
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            synchronized (this) {
                tickFailures++;
            }
        }
    }

    /** Ticks of the background loop that threw (the loop carries on). */
    public synchronized long tickFailures() {
        return tickFailures;
    }

    /** The governor now (it changes with {@link #setPolicy}). */
    public synchronized Governor currentGovernor() {
        return governor;
    }

    /** Seconds of the system's clock since it was created. */
    public double secondsSince(long clockNanos) {
        return (clockNanos - startNanos) / 1e9;
    }

    /** The heap. */
    public CompactingHeap heap() {
        return heap;
    }

    /** The predictor settings. */
    public PredictorConfig predictorConfig() {
        return predictorConfig;
    }

    /** Labelled examples recorded for the current governor. */
    public synchronized int recordedLabels() {
        return recorder.size();
    }

    /**
     * Runs {@code epochs} offline passes over the labels recorded so far and installs the trained
     * network.
     *
     * @throws IllegalStateException when the policy's predictor is not {@code neural}, or nothing
     *     has been labelled yet
     */
    public synchronized TrainingOutcome train(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs=" + epochs + " must be at least 1");
        }
        Predictor current = governor.predictionLoop()
                .map(loop -> Policies.undecorate(loop.predictor()))
                .orElse(null);
        if (!(current instanceof NeuralPredictor neural)) {
            throw new IllegalStateException("policy '" + governor.policy().name()
                    + "' has no neural network to train (train needs policy neural)");
        }
        TrainingSet data = recorder.toTrainingSet();
        if (data.size() == 0) {
            throw new IllegalStateException("no labelled samples yet: labels arrive "
                    + predictorConfig.horizonNanos() / 1_000_000_000.0 + " s after each prediction");
        }
        NeuralWeights before = neural.weights();
        PredictorConfig config = configFor(governor.policy());
        NeuralWeights after = OfflineTrainer.train(data, config, before, epochs);
        double mseBefore = OfflineTrainer.meanSquaredError(before, data);
        double mseAfter = OfflineTrainer.meanSquaredError(after, data);
        governor.installPredictor(decorator.apply(new NeuralPredictor(config, after)));
        return new TrainingOutcome(data.size(), epochs, mseBefore, mseAfter);
    }

    /** The predictor configuration {@code policy}'s predictors were built with. */
    private PredictorConfig configFor(CompactionPolicy policy) {
        return switch (policy.target()) {
            case VOLUME -> predictorConfig.forVolume();
            case DEMAND -> predictorConfig.forDemand();
            case PEAK_PRESSURE -> predictorConfig;
        };
    }

    /**
     * What {@link #train} did.
     *
     * @param examples labelled examples trained on
     * @param epochs passes over them
     * @param mseBefore mean squared error over them before
     * @param mseAfter and after
     */
    public record TrainingOutcome(int examples, int epochs, double mseBefore, double mseAfter) {}

    /** The METRIC values now. */
    public Map<String, Number> metrics() {
        Governor g = currentGovernor();
        return Metrics.collect(heap.stats(), g.stats(), g.accuracy());
    }

    @Override
    public void close() {
        setAutonomy(false);
        ticker.shutdownNow();
    }
}
