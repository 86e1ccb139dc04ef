package org.mempred.lab.reproduce;

import java.util.List;
import java.util.Locale;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Table;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.workload.SubsystemMix;
import org.mempred.lab.workload.Workload;

/**
 * Section 3: the long autonomous run: the multi-subsystem mix (four subsystems sharing the heap,
 * total target 95 %) under {@code neural}, with {@code reactive} for reference, paired per seed.
 * The governor decides at every tick; the number of decisions is read from a re-run of seed 1
 * with a timeline (one entry per tick), the other figures from the experiment.
 */
final class AutonomySection {
    static final double PRESSURE = 0.95;
    private static final List<PolicySpec> POLICIES =
            List.of(PolicySpec.Reactive.EVACUATE, Policies.volume(Forecaster.NEURAL));

    private static final List<Metric> METRICS = List.of(
            Metric.PREDICTION_ACCURACY,
            Metric.SKILL,
            Metric.COMPACTIONS,
            Metric.PROACTIVE_COMPACTIONS,
            Metric.REACTIVE_COMPACTIONS,
            Metric.BYTES_MOVED,
            Metric.OOM_EVENTS,
            Metric.OOM_FRAGMENTATION,
            Metric.OOM_EXHAUSTION,
            Metric.P99_RESPONSE_MICROS,
            Metric.FALLBACKS,
            Metric.WATCHDOG_ALERTS,
            Metric.RATE_LIMITED,
            Metric.CRASHES);

    private AutonomySection() {}

    /** The experiment, and one re-run per seed with a timeline. */
    static Plan.Work<Plan.Id> work(ReproduceSettings settings) {
        SubsystemMix mix = new SubsystemMix(PRESSURE, Context.HEAP_BYTES);
        return Plan.Work.one(
                Plan.Id.AUTONOMY, Context.spec(settings, mix, POLICIES, settings.autonomyNanos()), settings.seeds());
    }

    static Part<ExperimentResult> build(Context context, Plan.Work<Plan.Id> work) {
        ReproduceSettings settings = context.settings();
        ExperimentResult result = context.experiment(work, work.id());
        Workload mix = result.spec().workload();
        double[] decisions = new double[context.seeds().size()];
        for (int s = 0; s < decisions.length; s++) {
            decisions[s] = DetailRuns.run(
                            mix,
                            result.spec().options(),
                            Policies.volume(Forecaster.NEURAL),
                            context.seeds().get(s),
                            0)
                    .timeline()
                    .size();
            context.step(work.id());
        }
        double predictionsPerSecond = Stats.summarize(predictions(
                                result.runs(Forecaster.NEURAL.label()).runs()))
                        .mean()
                / (settings.autonomyNanos() / 1e9);
        Section section = Context.section(work.id(), "Autonomous multi-subsystem run");
        section.paragraph(String.format(
                Locale.ROOT,
                "Workload %s: %s minutes of virtual time per run, autonomy on (governor tick 500 ms), seeds 1..%d.",
                mix.name(),
                Cell.format(ReproduceSettings.minutesOf(settings.autonomyNanos()), 1, false),
                settings.seeds()));
        Table counts =
                new Table("Governor activity per run, neural (mean ± 95% CI over seeds)", List.of("figure", "value"));
        counts.row(List.of(
                Cell.text("autonomous decisions (governor ticks)"),
                Cell.estimate(Stats.summarize(decisions), 1, false)));
        counts.row(List.of(
                Cell.text("predictions"),
                Cell.estimate(
                        Stats.summarize(predictions(
                                result.runs(Forecaster.NEURAL.label()).runs())),
                        1,
                        false)));
        counts.row(List.of(
                Cell.text("predictions per second of virtual time (mean over seeds)"),
                Cell.value(predictionsPerSecond, 2)));
        section.table(counts);
        section.table(ExperimentReport.summary("Autonomous run, mean ± 95% CI over seeds", result, METRICS));
        section.table(ExperimentReport.paired("Autonomous run, neural vs reactive (paired)", result, METRICS));
        section.data("experiment", Json.object().set("policies", ExperimentReport.policies(result)));
        return new Part<>(section, result);
    }

    private static double[] predictions(List<RunResult> runs) {
        double[] values = new double[runs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = runs.get(i).prediction().predictions();
        }
        return values;
    }
}
