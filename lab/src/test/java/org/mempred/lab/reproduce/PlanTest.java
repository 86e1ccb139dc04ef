package org.mempred.lab.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTest {
    @TempDir
    Path dir;

    private static List<Plan.Work<?>> oneStepEach() {
        List<Plan.Work<?>> works = new ArrayList<>();
        for (Plan.Id id : Plan.Id.values()) {
            works.add(Plan.Work.steps(id, 1));
        }
        return works;
    }

    @Test
    void sectionsAreNumberedByTheirPlaceInThePlan() {
        assertThat(Plan.Id.STRESS_SHORT.number()).isEqualTo(1);
        assertThat(Plan.Id.DECISION.number()).isEqualTo(Plan.Id.values().length);
        assertThat(Plan.Id.DECISION.stage()).isEqualTo(Plan.Id.values().length + " decision");
        assertThat(Context.section(Plan.Id.PLACEMENT, "t").number()).isEqualTo(Plan.Id.PLACEMENT.ordinal() + 1);
    }

    @Test
    void aPlanDeclaresEverySectionOnceInOrder() {
        List<Plan.Work<?>> swapped = oneStepEach();
        swapped.set(0, swapped.set(1, swapped.get(0)));
        assertThatThrownBy(() -> new Plan(swapped))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected every section once, in order");
        List<Plan.Work<?>> missing = oneStepEach();
        missing.removeLast();
        assertThatThrownBy(() -> new Plan(missing)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Plan(oneStepEach()).steps()).isEqualTo(Plan.Id.values().length);
    }

    @Test
    void aStepASectionDidNotDeclareIsRefused() {
        List<String> stages = new ArrayList<>();
        Context context = new Context(
                ReproduceSettings.tiny(dir),
                dir,
                (stage, done, total) -> stages.add(stage + " " + done + "/" + total),
                new Plan(oneStepEach()));
        context.step(Plan.Id.SAFETY);
        assertThat(stages).containsExactly("9 safety 1/15");
        assertThatThrownBy(() -> context.step(Plan.Id.SAFETY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("section 9 safety took step 2 of the 1 it declared");
        assertThat(stages).hasSize(1);
    }

    @Test
    void theDeclaredWorkCountsEveryRunOfItsExperiments() {
        ReproduceSettings settings = ReproduceSettings.tiny(dir);
        Plan.Work<Integer> sweep = SweepSection.work(settings);
        int runs = 0;
        for (var spec : sweep.experiments().values()) {
            runs += spec.policies().size() * spec.seeds().size();
        }
        assertThat(sweep.steps()).isEqualTo(runs).isPositive();
        assertThat(sweep.experiments().keySet()).containsExactly(50, 75, 85, 95, 98);
        assertThat(Reproduction.plannedSteps(settings)).isGreaterThan(runs);
    }
}
