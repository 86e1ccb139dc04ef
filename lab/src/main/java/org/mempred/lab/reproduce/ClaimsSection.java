package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Phrase;
import org.mempred.lab.report.Table;
import org.mempred.lab.safety.RateLimit;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;
import org.mempred.predict.accuracy.PressureBand;

/**
 * Section 11: each headline claim of the seed report beside what this run measured. The claims
 * are quoted as the report's (its numbers were never measured); the measured side and the
 * verdict come from the earlier sections' results ({@link Measured}, handed over by
 * {@link Reproduction}) through the rules of {@link Claim}. {@code neural} is the
 * report's "predictive" configuration, {@code reactive} its baseline.
 */
final class ClaimsSection {
    private static final String NEURAL = Forecaster.NEURAL.label();
    private static final int MIN_BAND_PREDICTIONS = 30;
    /** The sweep levels (target pressure, %) whose runs count for the crash claim. */
    private static final int[] CRASH_SWEEP_PERCENT = {95, 98};
    /** Long runs are three times as long as short ones: the claimed ratio of their totals. */
    private static final double EXPECTED_RATIO = 3.0;

    private static final double FOOTPRINT_PERCENT = 1.0;
    private static final double PREDICT_MICROS = 20.0;

    private ClaimsSection() {}

    /**
     * What the claims are checked against, each from the section that measured it.
     *
     * @param shortStress section 1
     * @param longStress section 2
     * @param autonomy section 3
     * @param bands section 4: neural's accuracy by band (empty when neural was not run)
     * @param sweep section 5, by target pressure in percent
     * @param coldStartGain section 6: accuracy gain of pre-trained weights, percentage points
     * @param neuralFootprintBytes section 7
     * @param neuralPredictMeanMicros section 8
     * @param safety section 9
     */
    record Measured(
            ExperimentResult shortStress,
            ExperimentResult longStress,
            ExperimentResult autonomy,
            Optional<AccuracySection.NeuralBands> bands,
            Map<Integer, ExperimentResult> sweep,
            Summary coldStartGain,
            long neuralFootprintBytes,
            double neuralPredictMeanMicros,
            SafetySection.Tally safety) {}

    static Section build(Measured measured) {
        List<Claim> claims = new ArrayList<>();
        stressClaims(measured, claims);
        durationClaims(measured, claims);
        otherClaims(measured, claims);
        Table table = new Table(
                "The seed report's claims (as the report states them) vs mempred's measurements",
                List.of("seed report's claim", "mempred measured", "rule", "verdict"));
        for (Claim claim : claims) {
            table.row(List.of(
                    Cell.text(claim.claim()),
                    Cell.words(claim.measured()),
                    Cell.words(claim.rule()),
                    Cell.text(claim.verdict().toString())));
        }
        Section section = Context.section(Plan.Id.CLAIMS, "Claims vs measured");
        section.paragraph("Left: what the seed report claims (its figures were never measured; quoted here only to be"
                + " checked). Right: this run's measurement for neural (the report's predictive mode) vs reactive"
                + " (its baseline), and a verdict computed from the measured 95 % CI by the stated rule.");
        section.table(table);
        return section;
    }

    private static void stressClaims(Measured measured, List<Claim> claims) {
        ExperimentResult stress = measured.shortStress();
        claims.add(Claim.relativeChange(
                "Proactive compaction reduces OOM events by 40-60 % (10-minute stress at 95 %)",
                "OOM events, neural vs reactive, per-seed relative change",
                relative(stress, NEURAL, Metric.OOM_EVENTS),
                -60.0,
                -40.0));
        claims.add(Claim.relativeChange(
                "Compaction triggers reduced by 31.0 % (142 -> 98)",
                "compactions, neural vs reactive, per-seed relative change",
                relative(stress, NEURAL, Metric.COMPACTIONS),
                -31.0,
                -31.0));
        claims.add(Claim.relativeChange(
                "Average compaction time reduced by 25.0 % (1.2 ms -> 0.9 ms)",
                "mean compaction time (cost model), neural vs reactive, per-seed relative change",
                relative(stress, NEURAL, Metric.MEAN_COMPACTION_MICROS),
                -25.0,
                -25.0));
        claims.add(Claim.atLeast(
                "Prediction accuracy 94.2 % (10-minute stress at 95 %)",
                "neural accuracy %",
                Metric.Display.PERCENT.scale(stress.summary(NEURAL, Metric.PREDICTION_ACCURACY)),
                94.2,
                1));
        claims.add(Claim.atLeast(
                "68.4 % of compactions were proactive",
                "neural proactive share of compactions %",
                proactiveShare(stress.runs(NEURAL).runs()),
                68.4,
                1));
    }

    private static void durationClaims(Measured measured, List<Claim> claims) {
        Summary longChange = measured.longStress().versusBaseline(NEURAL, Metric.OOM_EVENTS);
        claims.add(Claim.check(
                "Improvements consistent across durations: OOM events -62.5 % at 30 minutes too",
                Phrase.builder()
                        .text("OOM events, neural vs reactive, long run: ")
                        .estimate(longChange, 1, true)
                        .text(" (" + Verdicts.Change.of(longChange) + ")")
                        .build(),
                Phrase.builder().text("paired CI lies below ").count(0).build(),
                longChange.count() >= 2 && longChange.ciHigh() < 0));
        Summary ratio = StressSections.ratio(
                measured.longStress(), measured.shortStress(), Policies.REACTIVE, Metric.OOM_EVENTS);
        claims.add(Claim.check(
                "30-minute baseline totals are 3x the 10-minute ones (OOM 8 -> 24)",
                Phrase.builder()
                        .text("reactive OOM ratio long / short: ")
                        .estimate(ratio, 2, false)
                        .build(),
                Phrase.builder().text("CI contains ").value(EXPECTED_RATIO, 0).build(),
                Verdicts.Contains.of(ratio, EXPECTED_RATIO) == Verdicts.Contains.YES));
        ExperimentResult autonomy = measured.autonomy();
        claims.add(Claim.atLeast(
                "1-hour autonomous run: prediction accuracy 96.8 %",
                "neural accuracy % (multi-subsystem run)",
                Metric.Display.PERCENT.scale(autonomy.summary(NEURAL, Metric.PREDICTION_ACCURACY)),
                96.8,
                1));
        long alerts = total(autonomy.runs(NEURAL).runs(), Metric.WATCHDOG_ALERTS);
        claims.add(Claim.check(
                "1-hour autonomous run: zero watchdog triggers",
                Phrase.builder()
                        .text("watchdog alerts, all seeds: ")
                        .count(alerts)
                        .build(),
                Phrase.builder().text("total is ").count(0).build(),
                alerts == 0));
        long crashes = crashes(measured);
        Phrase.Builder where = Phrase.builder()
                .text("crashed runs in sections ")
                .count(1)
                .text(", ")
                .count(2)
                .text(", ")
                .count(3)
                .text(" and the ");
        for (int i = 0; i < CRASH_SWEEP_PERCENT.length; i++) {
            where.text(i == 0 ? "" : "/").count(CRASH_SWEEP_PERCENT[i]);
        }
        claims.add(Claim.check(
                "Zero crashes at 95 %+ pressure",
                where.text(" % sweep: ").count(crashes).build(),
                Phrase.builder().text("total is ").count(0).build(),
                crashes == 0));
    }

    private static void otherClaims(Measured measured, List<Claim> claims) {
        claims.add(bandClaim(measured.bands()));
        Summary gain = measured.coldStartGain();
        claims.add(Claim.check(
                "Cold start: the first 100-200 predictions are less accurate; pre-trained weights would help",
                Phrase.builder()
                        .text("accuracy gain of pre-trained over random start, first labels: ")
                        .estimate(gain, 1, true)
                        .text(" pp")
                        .build(),
                Phrase.builder().text("paired CI lies above ").count(0).build(),
                gain.count() >= 2 && gain.ciLow() > 0));
        double percent = 100.0 * measured.neuralFootprintBytes() / Context.HEAP_BYTES;
        claims.add(Claim.check(
                "Predictor footprint 656 bytes, under 1 % of the 100 KiB heap",
                Phrase.builder()
                        .text("neural footprint ")
                        .count(measured.neuralFootprintBytes())
                        .text(" bytes = ")
                        .value(percent, 2)
                        .text(" % of ")
                        .count(Context.HEAP_BYTES / 1024)
                        .text(" KiB")
                        .build(),
                Phrase.builder()
                        .text("below ")
                        .value(FOOTPRINT_PERCENT, 0)
                        .text(" %")
                        .build(),
                percent < FOOTPRINT_PERCENT));
        claims.add(Claim.check(
                "Prediction inference under 20 µs mean",
                Phrase.builder()
                        .text("neural predict mean ")
                        .value(measured.neuralPredictMeanMicros(), 3)
                        .text(" µs (in-process)")
                        .build(),
                Phrase.builder()
                        .text("below ")
                        .value(PREDICT_MICROS, 0)
                        .text(" µs")
                        .build(),
                measured.neuralPredictMeanMicros() < PREDICT_MICROS));
        safetyClaims(measured.safety(), claims);
    }

    private static void safetyClaims(SafetySection.Tally safety, List<Claim> claims) {
        claims.add(Claim.check(
                "Compaction rate limited to at most 10 per second",
                Phrase.builder()
                        .text("adversarial periodic policy at ")
                        .count(RateLimit.TICK_NANOS / 1_000_000L)
                        .text(" ms ticks: " + (safety.rateLimitHeld() ? "held" : "violated"))
                        .build(),
                Phrase.builder()
                        .text("no ")
                        .count(1)
                        .text(" s window over ")
                        .count(GovernorConfig.DEFAULTS.maxCompactionsPerSecond())
                        .build(),
                safety.rateLimitHeld()));
        claims.add(Claim.check(
                "All safety tests passed",
                Phrase.builder()
                        .count(safety.passed())
                        .text(" of ")
                        .count(safety.cases())
                        .text(" cases passed")
                        .build(),
                Phrase.words("every case passes"),
                safety.passed() == safety.cases()));
    }

    /** Accuracy at 95-100 % vs 0-50 %: comparable only when both bands hold enough predictions. */
    private static Claim bandClaim(Optional<AccuracySection.NeuralBands> neural) {
        String claim = "Accuracy is lower at 95-100 % pressure (89.3 %) than at 0-50 % (98.2 %)";
        if (neural.isEmpty()) {
            return new Claim(
                    claim,
                    Phrase.words("neural was not run"),
                    Phrase.words("both bands need data"),
                    Verdicts.Support.NOT_COMPARABLE);
        }
        AccuracySection.NeuralBands bands = neural.get();
        Summary low = bands.lowAccuracy();
        Summary high = bands.highAccuracy();
        Phrase.Builder measured = band(Phrase.builder().text("neural "), PressureBand.P0_50)
                .text(": ")
                .estimate(Metric.Display.PERCENT.scale(low), 1, false)
                .text(" (N = ")
                .count(bands.lowCount())
                .text("), ");
        band(measured, PressureBand.P95_100)
                .text(": ")
                .estimate(Metric.Display.PERCENT.scale(high), 1, false)
                .text(" (N = ")
                .count(bands.highCount())
                .text(")");
        Phrase.Builder rule = Phrase.builder()
                .text("both bands N >= ")
                .count(MIN_BAND_PREDICTIONS)
                .text(" over ")
                .count(2)
                .text("+ seeds; ");
        band(rule, PressureBand.P95_100).text(" CI below the ");
        band(rule, PressureBand.P0_50).text(" CI");
        boolean comparable = low.count() >= 2
                && high.count() >= 2
                && bands.lowCount() >= MIN_BAND_PREDICTIONS
                && bands.highCount() >= MIN_BAND_PREDICTIONS;
        if (!comparable) {
            return new Claim(claim, measured.build(), rule.build(), Verdicts.Support.NOT_COMPARABLE);
        }
        return Claim.check(claim, measured.build(), rule.build(), high.ciHigh() < low.ciLow());
    }

    /** Appends a band as "95-100 %". */
    private static Phrase.Builder band(Phrase.Builder phrase, PressureBand band) {
        return phrase.value(100 * band.lowerPressure(), 0)
                .text("-")
                .value(100 * band.upperPressure(), 0)
                .text(" %");
    }

    /** Per-seed (policy − reactive) / reactive × 100 over the seeds where reactive is not 0. */
    static Summary relative(ExperimentResult result, String policy, Metric metric) {
        double[] values = result.runs(policy).values(metric);
        double[] baseline = result.runs(Policies.REACTIVE).values(metric);
        double[] change = new double[values.length];
        for (int i = 0; i < change.length; i++) {
            change[i] = baseline[i] != 0 ? 100.0 * (values[i] - baseline[i]) / baseline[i] : Double.NaN;
        }
        return Stats.summarize(change);
    }

    private static Summary proactiveShare(List<RunResult> runs) {
        double[] shares = new double[runs.size()];
        for (int i = 0; i < shares.length; i++) {
            RunResult run = runs.get(i);
            shares[i] = run.compaction().total() == 0
                    ? Double.NaN
                    : 100.0 * run.compaction().proactive() / run.compaction().total();
        }
        return Stats.summarize(shares);
    }

    private static long total(List<RunResult> runs, Metric metric) {
        long sum = 0;
        for (RunResult run : runs) {
            sum += (long) metric.of(run);
        }
        return sum;
    }

    private static long crashes(Measured measured) {
        long crashes = 0;
        List<ExperimentResult> results =
                new ArrayList<>(List.of(measured.shortStress(), measured.longStress(), measured.autonomy()));
        for (int pressure : CRASH_SWEEP_PERCENT) {
            if (measured.sweep().containsKey(pressure)) {
                results.add(measured.sweep().get(pressure));
            }
        }
        for (ExperimentResult result : results) {
            for (String policy : result.spec().names()) {
                crashes += result.runs(policy).crashes();
            }
        }
        return crashes;
    }
}
