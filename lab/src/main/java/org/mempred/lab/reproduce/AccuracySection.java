package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.mempred.govern.PolicySpec;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Table;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;
import org.mempred.predict.accuracy.AccuracyReport;
import org.mempred.predict.accuracy.BandAccuracy;
import org.mempred.predict.accuracy.PressureBand;

/**
 * Section 4: accuracy of every predictor by band of current pressure, from the section-1 runs.
 * Each predictive (policy, seed) of section 1 is re-run with a {@link LabelLog} attached (the
 * simulator is deterministic; the section states whether every re-run matched its section-1
 * result). Per band: N summed over seeds, accuracy / FP % / FN % as mean ± 95 % CI over the seeds
 * whose band is not empty; overall also MAE, RMSE (percentage points) and skill.
 */
final class AccuracySection {
    /** A band's bar is drawn only from this many predictions of the policy up (summed over seeds). */
    static final int MIN_CHARTED_PREDICTIONS = 30;

    private static final String BANDS_CHART = "accuracy-by-band.png";
    private static final String FORECAST_CHART = "predicted-vs-actual.png";

    private AccuracySection() {}

    /**
     * What the claims table reads of neural's accuracy by band: the accuracy (a fraction) at 0-50 %
     * and at 95-100 % pressure as mean ± CI over seeds, and the predictions in each band.
     */
    record NeuralBands(Summary lowAccuracy, Summary highAccuracy, long lowCount, long highCount) {}

    /** One re-run per seed of every predictive policy of section 1's experiment. */
    static Plan.Work<Void> work(Plan.Work<Plan.Id> shortStress) {
        ExperimentSpec spec = shortStress.spec();
        int predictive = 0;
        for (PolicySpec policy : spec.policies()) {
            predictive += policy.usesPredictor() ? 1 : 0;
        }
        return Plan.Work.steps(Plan.Id.ACCURACY, predictive * spec.seeds().size());
    }

    /** Section 4 from the runs of section 1; its result is empty when neural was not among them. */
    static Part<Optional<NeuralBands>> build(Context context, ExperimentResult experiment) {
        Map<String, List<AccuracyReport>> reports = new LinkedHashMap<>();
        LabelLog neuralSeedOne = null;
        int mismatches = 0;
        for (PolicySpec spec : experiment.spec().policies()) {
            if (!spec.usesPredictor()) {
                continue;
            }
            String policy = spec.name();
            List<AccuracyReport> perSeed = new ArrayList<>();
            List<RunResult> original = experiment.runs(policy).runs();
            for (int s = 0; s < original.size(); s++) {
                DetailRuns.DetailRun run = DetailRuns.run(
                        experiment.spec().workload(),
                        experiment.spec().options(),
                        spec,
                        original.get(s).seed(),
                        Integer.MAX_VALUE);
                context.step(Plan.Id.ACCURACY);
                mismatches +=
                        run.result().withoutWallTime().equals(original.get(s).withoutWallTime()) ? 0 : 1;
                perSeed.add(run.labels().report());
                if (policy.equals(Forecaster.NEURAL.label()) && s == 0) {
                    neuralSeedOne = run.labels();
                }
            }
            reports.put(policy, perSeed);
        }
        Section section = Context.section(Plan.Id.ACCURACY, "Prediction accuracy by pressure band");
        section.paragraph("A prediction is positive when the forecast over the horizon is at least θ, and it is right"
                + " when the label agrees. For the volume forecasters (persistence, holt, zgc, croston, neural,"
                + " oracle) the forecast is the volume the next horizon will request in size classes, v/(1 + v)"
                + " with v in heaps, and θ the same map of the smallest class's contiguous capacity at the"
                + " prediction (positive: the horizon will request more than can be served without compaction); for"
                + " neural-largest it is the largest request and θ the largest free block; for neural-peak it"
                + " is the peak pressure and θ = 90 %. N is summed over seeds; percentages"
                + " are mean ± 95 % CI over the seeds whose band holds predictions. Re-runs of the section-1 runs"
                + " that differed from section 1 (should be none; the simulator is deterministic): " + mismatches
                + ".");
        section.table(overall(reports));
        for (Map.Entry<String, List<AccuracyReport>> entry : reports.entrySet()) {
            section.table(bands(entry.getKey(), entry.getValue()));
        }
        charts(context, section, reports, neuralSeedOne);
        List<AccuracyReport> neural = reports.get(Forecaster.NEURAL.label());
        return new Part<>(
                section,
                Optional.ofNullable(neural)
                        .map(runs -> new NeuralBands(
                                bandSummary(runs, PressureBand.P0_50),
                                bandSummary(runs, PressureBand.P95_100),
                                bandCount(runs, PressureBand.P0_50),
                                bandCount(runs, PressureBand.P95_100))));
    }

    private static void charts(
            Context context, Section section, Map<String, List<AccuracyReport>> reports, LabelLog neural) {
        List<String> bands = new ArrayList<>();
        for (PressureBand band : PressureBand.values()) {
            long fewest = Long.MAX_VALUE;
            for (List<AccuracyReport> perSeed : reports.values()) {
                fewest = Math.min(fewest, bandCount(perSeed, band));
            }
            bands.add(band.label() + " (n ≥ " + fewest + ")");
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        for (Map.Entry<String, List<AccuracyReport>> entry : reports.entrySet()) {
            double[] means = new double[bands.size()];
            for (PressureBand band : PressureBand.values()) {
                boolean enough = bandCount(entry.getValue(), band) >= MIN_CHARTED_PREDICTIONS;
                means[band.ordinal()] =
                        enough ? bandSummary(entry.getValue(), band).mean() * 100.0 : 0.0;
            }
            series.put(entry.getKey(), means);
        }
        Charts.bars(
                context.outDir().resolve(BANDS_CHART),
                "Accuracy by band of current pressure (mean over seeds; n = fewest predictions of a policy; a"
                        + " policy with under " + MIN_CHARTED_PREDICTIONS + " in a band is drawn as 0)",
                "current pressure band",
                "accuracy (%)",
                bands,
                series);
        section.chart(BANDS_CHART, "Accuracy by pressure band, every predictor");
        if (neural != null) {
            Charts.predictedVsActual(
                    context.outDir().resolve(FORECAST_CHART),
                    "neural: forecast vs actual largest request of the next horizon (seed 1, section 1)",
                    neural);
            section.chart(FORECAST_CHART, "Forecast vs actual largest request (% of capacity), neural, seed 1");
        }
    }

    private static Table overall(Map<String, List<AccuracyReport>> reports) {
        Table table = new Table(
                "Overall accuracy per predictor (MAE and RMSE in percentage points of pressure)",
                List.of("predictor", "N", "accuracy %", "FP %", "FN %", "MAE", "RMSE", "skill vs persistence"));
        for (Map.Entry<String, List<AccuracyReport>> entry : reports.entrySet()) {
            List<BandAccuracy> runs = new ArrayList<>();
            for (AccuracyReport report : entry.getValue()) {
                runs.add(report.overall());
            }
            table.row(List.of(
                    Cell.text(entry.getKey()),
                    Cell.count(count(runs)),
                    Cell.estimate(summary(runs, BandAccuracy::accuracy, 100.0), 1, false),
                    Cell.estimate(summary(runs, BandAccuracy::falsePositiveRate, 100.0), 1, false),
                    Cell.estimate(summary(runs, BandAccuracy::falseNegativeRate, 100.0), 1, false),
                    Cell.estimate(summary(runs, BandAccuracy::meanAbsoluteError, 100.0), 2, false),
                    Cell.estimate(summary(runs, BandAccuracy::rootMeanSquaredError, 100.0), 2, false),
                    Cell.estimate(summary(runs, BandAccuracy::skill, 1.0), 3, false)));
        }
        return table;
    }

    private static Table bands(String policy, List<AccuracyReport> reports) {
        Table table = new Table(
                "Accuracy by pressure band: " + policy,
                List.of("pressure range", "predictions", "accuracy %", "false positives %", "false negatives %"));
        for (PressureBand band : PressureBand.values()) {
            List<BandAccuracy> runs = new ArrayList<>();
            for (AccuracyReport report : reports) {
                runs.add(report.band(band));
            }
            table.row(List.of(
                    Cell.text(band.label()),
                    Cell.count(count(runs)),
                    Cell.estimate(summary(runs, BandAccuracy::accuracy, 100.0), 1, false),
                    Cell.estimate(summary(runs, BandAccuracy::falsePositiveRate, 100.0), 1, false),
                    Cell.estimate(summary(runs, BandAccuracy::falseNegativeRate, 100.0), 1, false)));
        }
        return table;
    }

    static Summary bandSummary(List<AccuracyReport> reports, PressureBand band) {
        List<BandAccuracy> runs = new ArrayList<>();
        for (AccuracyReport report : reports) {
            runs.add(report.band(band));
        }
        return summary(runs, BandAccuracy::accuracy, 1.0);
    }

    private static long bandCount(List<AccuracyReport> reports, PressureBand band) {
        long n = 0;
        for (AccuracyReport report : reports) {
            n += report.band(band).count();
        }
        return n;
    }

    private static long count(List<BandAccuracy> runs) {
        long n = 0;
        for (BandAccuracy run : runs) {
            n += run.count();
        }
        return n;
    }

    /** Mean ± CI of {@code figure} × {@code scale} over the runs with predictions (empty ones are NaN). */
    private static Summary summary(List<BandAccuracy> runs, ToDoubleFunction<BandAccuracy> figure, double scale) {
        double[] values = new double[runs.size()];
        for (int i = 0; i < values.length; i++) {
            BandAccuracy run = runs.get(i);
            values[i] = run.count() == 0 ? Double.NaN : figure.applyAsDouble(run) * scale;
        }
        return Stats.summarize(values);
    }
}
