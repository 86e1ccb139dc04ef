package org.mempred.lab.reproduce;

import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.Granules;
import org.mempred.heap.Handles;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Table;
import org.mempred.predict.FeatureExtractor;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.neural.NeuralPredictor;
import org.mempred.predict.neural.Pretrained;
import org.mempred.telemetry.Sample;
import org.mempred.telemetry.TelemetrySampler;

/**
 * Section 8: in-process latency of the hot operations, each timed one call at a time with
 * {@link System#nanoTime()} into an HdrHistogram (ns, 3 significant digits) after an untimed
 * warm-up of the same length. The timer's own cost is measured as an empty operation and
 * reported beside them: per-call timing of a ~50 ns operation is dominated by it, which is why
 * the speed figures of record are the JMH ones in BENCHMARKS.md.
 */
final class LatencySection {
    private static final int RING = 1024;
    private static final int COMPACTION_SAMPLES_MAX = 2_000;

    /** Keeps the predictions alive so the JIT cannot drop the timed calls. */
    private static volatile double consumed;

    private LatencySection() {}

    /** One measurement. */
    static Plan.Work<Void> work() {
        return Plan.Work.steps(Plan.Id.LATENCY, 1);
    }

    /** Section 8; its result is the mean time of neural's predict, µs. */
    static Part<Double> build(Context context) {
        int samples = context.settings().latencySamples();
        Table table = new Table(
                "Latency per operation in µs (HdrHistogram; one System.nanoTime pair per operation)",
                List.of("operation", "samples", "mean", "p50", "p95", "p99", "max"));
        row(table, "timer overhead (empty operation)", timer(samples));
        Histogram predict = predict(samples, true);
        row(table, "neural predict (4→8→1 forward pass)", predict);
        row(table, "neural train step (learn)", predict(samples, false));
        row(table, "allocate + free (100 KiB heap, ~70 % full)", allocateFree(samples));
        row(
                table,
                "full compaction (100 KiB heap, ~50 % live in ~1,000 blocks)",
                compaction(Math.min(samples, COMPACTION_SAMPLES_MAX)));
        context.step(Plan.Id.LATENCY);
        Section section = Context.section(Plan.Id.LATENCY, "Latency, measured in-process");
        section.paragraph("Measured on this machine inside this run (JIT-warmed by an untimed warm-up of the same"
                + " length). The figures of record for speed are the JMH benchmarks in BENCHMARKS.md"
                + " (PredictorBenchmark, AllocateFreeBenchmark, CompactionBenchmark), which remove the per-call"
                + " timer cost shown in the first row.");
        section.table(table);
        return new Part<>(section, predict.getMean() / 1e3);
    }

    private static void row(Table table, String operation, Histogram histogram) {
        table.row(List.of(
                Cell.text(operation),
                Cell.count(histogram.getTotalCount()),
                Cell.value(histogram.getMean() / 1e3, 3),
                Cell.value(histogram.getValueAtPercentile(50) / 1e3, 3),
                Cell.value(histogram.getValueAtPercentile(95) / 1e3, 3),
                Cell.value(histogram.getValueAtPercentile(99) / 1e3, 3),
                Cell.value(histogram.getMaxValue() / 1e3, 3)));
    }

    private static Histogram histogram() {
        return new Histogram(60_000_000_000L, 3);
    }

    private static Histogram timer(int samples) {
        Histogram histogram = histogram();
        for (int pass = 0; pass < 2; pass++) {
            histogram.reset();
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                histogram.recordValue(System.nanoTime() - start);
            }
        }
        return histogram;
    }

    /** Times {@code predict} (or {@code learn}) of the pre-trained neural predictor over real samples. */
    private static Histogram predict(int samples, boolean predicting) {
        PredictorConfig config = PredictorConfig.DEFAULTS;
        NeuralPredictor predictor = Pretrained.neural(config);
        FeatureExtractor extractor = new FeatureExtractor(config.featureSet(), config.horizonNanos());
        Sample[] ring = new Sample[RING];
        double[][] features = new double[RING][config.featureSet().width()];
        CompactingHeap heap = new CompactingHeap(Context.HEAP_BYTES);
        TelemetrySampler sampler = new TelemetrySampler();
        SplittableRandom random = new SplittableRandom(1);
        long[] live = new long[256];
        for (int i = 0; i < RING; i++) {
            churn(heap, live, random);
            ring[i] = sampler.sample(i * 500_000_000L, heap.stats());
            extractor.extract(ring[i], features[i]);
        }
        Histogram histogram = histogram();
        double sink = 0;
        for (int pass = 0; pass < 2; pass++) {
            histogram.reset();
            for (int i = 0; i < samples; i++) {
                int slot = i & (RING - 1);
                long start = System.nanoTime();
                if (predicting) {
                    sink += predictor.predict(ring[slot], features[slot]);
                } else {
                    predictor.learn(features[slot], ring[slot].pressure());
                }
                histogram.recordValue(System.nanoTime() - start);
            }
        }
        consumed = sink;
        return histogram;
    }

    private static void churn(CompactingHeap heap, long[] live, SplittableRandom random) {
        int slot = random.nextInt(live.length);
        if (live[slot] != Handles.NONE) {
            heap.free(live[slot]);
        }
        live[slot] = heap.tryAllocate(16 + random.nextInt(512), AllocationMode.ATOMIC);
    }

    private static Histogram allocateFree(int samples) {
        CompactingHeap heap = new CompactingHeap(Context.HEAP_BYTES);
        SplittableRandom random = new SplittableRandom(2);
        long[] live = new long[Context.HEAP_BYTES * 7 / 10 / 200];
        for (int i = 0; i < live.length; i++) {
            live[i] = heap.tryAllocate(size(random), AllocationMode.ATOMIC);
        }
        Histogram histogram = histogram();
        for (int pass = 0; pass < 2; pass++) {
            histogram.reset();
            for (int i = 0; i < samples; i++) {
                int slot = random.nextInt(live.length);
                int size = size(random);
                long start = System.nanoTime();
                if (live[slot] != Handles.NONE) {
                    heap.free(live[slot]);
                }
                live[slot] = heap.tryAllocate(size, AllocationMode.ATOMIC);
                histogram.recordValue(System.nanoTime() - start);
            }
        }
        return histogram;
    }

    /** Nine in ten 16–512 B, one in ten 1–4 KiB (the JMH benchmark's mix); mean ~200 B. */
    private static int size(SplittableRandom random) {
        return random.nextInt(10) == 0 ? 1024 + random.nextInt(3072) : 16 + random.nextInt(497);
    }

    private static Histogram compaction(int samples) {
        Histogram histogram = histogram();
        SplittableRandom random = new SplittableRandom(3);
        for (int pass = 0; pass < 2; pass++) {
            histogram.reset();
            for (int i = 0; i < samples; i++) {
                CompactingHeap heap = fragmented(random);
                long start = System.nanoTime();
                heap.compact();
                histogram.recordValue(System.nanoTime() - start);
            }
        }
        return histogram;
    }

    /** A heap filled with 16–80 B blocks, every other one freed. */
    private static CompactingHeap fragmented(SplittableRandom random) {
        CompactingHeap heap = new CompactingHeap(Context.HEAP_BYTES);
        long[] blocks = new long[Context.HEAP_BYTES / Granules.BYTES];
        int count = 0;
        while (true) {
            long handle = heap.tryAllocate(16 + 16 * random.nextInt(5), AllocationMode.ATOMIC);
            if (handle == Handles.NONE) {
                break;
            }
            blocks[count++] = handle;
        }
        for (int i = 0; i < count; i += 2) {
            heap.free(blocks[i]);
        }
        return heap;
    }
}
