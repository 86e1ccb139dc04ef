package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mempred.lab.experiment.ExperimentSpec;

/**
 * The reproduction declared before anything runs. Its sections are {@link Id}s in report order, so
 * a section's number is its position; each declares its {@link Work} (the experiments it will run,
 * keyed by what they vary, and its other steps: a re-run with detail, a measurement) from the
 * settings alone, and then runs exactly that work. Progress counts against the plan's total, and
 * {@link Context} refuses a step a section did not declare, so the count and the runs cannot
 * drift apart.
 */
final class Plan {
    /** The sections, in report order. */
    enum Id {
        STRESS_SHORT("stress short"),
        STRESS_LONG("stress long"),
        AUTONOMY("autonomy"),
        ACCURACY("accuracy"),
        SWEEP("sweep"),
        COLD_START("cold start"),
        FOOTPRINT("footprint"),
        LATENCY("latency"),
        SAFETY("safety"),
        TRACES("traces"),
        CLAIMS("claims"),
        PARETO("pareto"),
        HORIZONS("lookahead"),
        PLACEMENT("placement"),
        DECISION("decision");

        private final String words;

        Id(String words) {
            this.words = words;
        }

        /** The section's number in the report: its position in the plan. */
        int number() {
            return ordinal() + 1;
        }

        /** The section as progress names it: "15 decision". */
        String stage() {
            return number() + " " + words;
        }

        @Override
        public String toString() {
            return stage();
        }
    }

    /**
     * What one section will do: its experiments in run order, keyed by what they vary (a pressure,
     * a trace, a horizon), and how many other steps it takes.
     *
     * @param id the section
     * @param experiments the experiments, in run order
     * @param otherSteps steps that are not runs of these experiments
     * @param <K> what the experiments are keyed by
     */
    record Work<K>(Id id, Map<K, ExperimentSpec> experiments, int otherSteps) {
        Work {
            if (otherSteps < 0) {
                throw new IllegalArgumentException("otherSteps=" + otherSteps + " must be >= 0 for section " + id);
            }
            experiments = Collections.unmodifiableMap(new LinkedHashMap<>(experiments));
        }

        /** Work of {@code otherSteps} steps and no experiment. */
        static Work<Void> steps(Id id, int otherSteps) {
            return new Work<>(id, Map.of(), otherSteps);
        }

        /** Work of one experiment (keyed by its section) and {@code otherSteps} steps. */
        static Work<Id> one(Id id, ExperimentSpec spec, int otherSteps) {
            return new Work<>(id, Map.of(id, spec), otherSteps);
        }

        /** The only experiment of a {@link #one} work. */
        ExperimentSpec spec() {
            if (experiments.size() != 1) {
                throw new IllegalStateException("section " + id + " declared " + experiments.size() + " experiments");
            }
            return experiments.values().iterator().next();
        }

        /** Every run of every experiment (one per policy and seed), plus the other steps. */
        int steps() {
            int steps = otherSteps;
            for (ExperimentSpec spec : experiments.values()) {
                steps += spec.policies().size() * spec.seeds().size();
            }
            return steps;
        }
    }

    private final Map<Id, Work<?>> work = new EnumMap<>(Id.class);

    /** The plan of {@code works}, one per section, in report order. */
    Plan(List<Work<?>> works) {
        List<Id> ids = new ArrayList<>();
        for (Work<?> one : works) {
            ids.add(one.id());
            work.put(one.id(), one);
        }
        if (!ids.equals(List.of(Id.values()))) {
            throw new IllegalArgumentException(
                    "the plan declares " + ids + "; expected every section once, in order " + List.of(Id.values()));
        }
    }

    /** The steps {@code id} declared. */
    int steps(Id id) {
        return work.get(id).steps();
    }

    /** Every step of every section. */
    int steps() {
        int steps = 0;
        for (Work<?> one : work.values()) {
            steps += one.steps();
        }
        return steps;
    }

    /** "1 stress short: 12 steps, 2 stress long: ...", for errors and logs. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        work.forEach((id, one) -> parts.add(String.format(Locale.ROOT, "%s: %d steps", id, one.steps())));
        return String.join(", ", parts);
    }
}
