package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Table;
import org.mempred.lab.safety.RateLimit;
import org.mempred.lab.safety.SafetyCatalogue;
import org.mempred.lab.safety.SafetyOutcome;
import tools.jackson.databind.node.ArrayNode;

/**
 * Section 9: the safety cases of the {@link SafetyCatalogue} (the same cases its tests assert),
 * each actually run against a governor, in the seed report's table layout (expected, actual,
 * pass/fail).
 */
final class SafetySection {
    private SafetySection() {}

    /**
     * What the claims table reads of the safety cases.
     *
     * @param cases cases run
     * @param passed cases passed
     * @param rateLimitHeld whether the rate-limit case passed
     */
    record Tally(int cases, int passed, boolean rateLimitHeld) {}

    /** One measurement. */
    static Plan.Work<Void> work() {
        return Plan.Work.steps(Plan.Id.SAFETY, 1);
    }

    static Part<Tally> build(Context context) {
        List<SafetyOutcome> outcomes = SafetyCatalogue.runAll();
        context.step(Plan.Id.SAFETY);
        Table table = new Table(
                "Safety cases, run against a Governor with a fault-injecting predictor",
                List.of("test case", "expected", "actual", "pass/fail"));
        int passed = 0;
        List<SafetyOutcome> rateLimit = new ArrayList<>();
        for (SafetyOutcome outcome : outcomes) {
            passed += outcome.passed() ? 1 : 0;
            if (outcome.safetyCase() instanceof RateLimit) {
                rateLimit.add(outcome);
            }
            table.row(List.of(
                    Cell.text(outcome.name()),
                    Cell.words(outcome.expected()),
                    Cell.words(outcome.actual()),
                    Cell.text(outcome.passed() ? "PASS" : "FAIL")));
        }
        Section section = Context.section(Plan.Id.SAFETY, "Safety tests");
        section.paragraph("Each case builds a Governor on a virtual clock over a real 100 KiB heap, injects the fault"
                + " through a scripted predictor (or the periodic policy at 5 ms ticks) and reads the outcome back"
                + " from the governor's counters, mode and decision log. Passed: " + passed + " of "
                + outcomes.size() + ".");
        section.table(table);
        ArrayNode cases = Json.array();
        for (SafetyOutcome outcome : outcomes) {
            cases.addObject()
                    .put("case", outcome.name())
                    .put("expected", outcome.expected().text())
                    .put("actual", outcome.actual().text())
                    .put("observed", outcome.observed())
                    .put("passed", outcome.passed());
        }
        section.data("cases", cases);
        return new Part<>(
                section,
                new Tally(
                        outcomes.size(),
                        passed,
                        !rateLimit.isEmpty() && rateLimit.get(0).passed()));
    }
}
