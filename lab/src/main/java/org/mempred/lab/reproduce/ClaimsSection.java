package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Table;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;

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
                List.of("#", "seed report's claim", "mempred measured", "rule", "verdict"));
        int number = 1;
        for (Claim claim : claims) {
            table.row(List.of(
                    Cell.count(number++),
                    Cell.text(claim.claim()),
                    Cell.text(claim.measured()),
                    Cell.text(claim.rule()),
                    Cell.text(claim.verdict().toString())));
        }
        Section section = new Section(11, "Claims vs measured");
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
                "OOM events, neural vs reactive, long run: " + Claim.estimate(longChange, 1, true) + " ("
                        + Verdicts.Change.of(longChange) + ")",
                "paired CI lies below 0",
                longChange.count() >= 2 && longChange.ciHigh() < 0));
        Summary ratio = StressSections.ratio(
                measured.longStress(), measured.shortStress(), Policies.REACTIVE, Metric.OOM_EVENTS);
        claims.add(Claim.check(
                "30-minute baseline totals are 3x the 10-minute ones (OOM 8 -> 24)",
                "reactive OOM ratio long / short: " + Claim.estimate(ratio, 2, false),
                "CI contains 3",
                Verdicts.Contains.of(ratio, 3.0) == Verdicts.Contains.YES));
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
                "watchdog alerts, all seeds: " + alerts,
                "total is 0",
                alerts == 0));
        long crashes = crashes(measured);
        claims.add(Claim.check(
                "Zero crashes at 95 %+ pressure",
                "crashed runs in sections 1, 2, 3 and the 95/98 % sweep: " + crashes, "total is 0", crashes == 0));
    }

    private static void otherClaims(Measured measured, List<Claim> claims) {
        claims.add(bandClaim(measured.bands()));
        Summary gain = measured.coldStartGain();
        claims.add(Claim.check(
                "Cold start: the first 100-200 predictions are less accurate; pre-trained weights would help",
                "accuracy gain of pre-trained over random start, first labels: " + Claim.estimate(gain, 1, true)
                        + " pp",
                "paired CI lies above 0",
                gain.count() >= 2 && gain.ciLow() > 0));
        double percent = 100.0 * measured.neuralFootprintBytes() / Context.HEAP_BYTES;
        claims.add(Claim.check(
                "Predictor footprint 656 bytes, under 1 % of the 100 KiB heap",
                "neural footprint " + measured.neuralFootprintBytes() + " bytes = " + Cell.format(percent, 2, false)
                        + " % of 100 KiB",
                "below 1 %",
                percent < 1.0));
        claims.add(Claim.check(
                "Prediction inference under 20 µs mean",
                "neural predict mean " + Cell.format(measured.neuralPredictMeanMicros(), 3, false) + " µs (in-process)",
                "below 20 µs",
                measured.neuralPredictMeanMicros() < 20.0));
        claims.add(Claim.check(
                "Compaction rate limited to at most 10 per second",
                "adversarial periodic policy at 5 ms ticks: "
                        + (measured.safety().rateLimitHeld() ? "held" : "violated"),
                "no 1 s window over 10",
                measured.safety().rateLimitHeld()));
        claims.add(Claim.check(
                "All safety tests passed",
                measured.safety().passed() + " of " + measured.safety().cases() + " cases passed",
                "every case passes",
                measured.safety().passed() == measured.safety().cases()));
    }

    /** Accuracy at 95-100 % vs 0-50 %: comparable only when both bands hold enough predictions. */
    private static Claim bandClaim(Optional<AccuracySection.NeuralBands> neural) {
        String claim = "Accuracy is lower at 95-100 % pressure (89.3 %) than at 0-50 % (98.2 %)";
        if (neural.isEmpty()) {
            return new Claim(claim, "neural was not run", "both bands need data", Verdicts.Support.NOT_COMPARABLE);
        }
        AccuracySection.NeuralBands bands = neural.get();
        Summary low = bands.lowAccuracy();
        Summary high = bands.highAccuracy();
        String measured = "neural 0-50 %: " + Claim.estimate(Metric.Display.PERCENT.scale(low), 1, false) + " (N = "
                + bands.lowCount() + "), 95-100 %: "
                + Claim.estimate(Metric.Display.PERCENT.scale(high), 1, false) + " (N = "
                + bands.highCount() + ")";
        String rule = "both bands N >= " + MIN_BAND_PREDICTIONS + " over 2+ seeds; 95-100 % CI below the 0-50 % CI";
        boolean comparable = low.count() >= 2
                && high.count() >= 2
                && bands.lowCount() >= MIN_BAND_PREDICTIONS
                && bands.highCount() >= MIN_BAND_PREDICTIONS;
        if (!comparable) {
            return new Claim(claim, measured, rule, Verdicts.Support.NOT_COMPARABLE);
        }
        return Claim.check(claim, measured, rule, high.ciHigh() < low.ciLow());
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
        for (int pressure : new int[] {95, 98}) {
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
