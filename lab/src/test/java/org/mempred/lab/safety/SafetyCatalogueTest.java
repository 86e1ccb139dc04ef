package org.mempred.lab.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every safety case of the catalogue, run and asserted: the same cases the report's safety table shows. */
class SafetyCatalogueTest {
    static List<SafetyCase> cases() {
        return SafetyCatalogue.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySafetyCasePassesOnARealGovernor(SafetyCase safetyCase) {
        SafetyOutcome outcome = safetyCase.run();
        assertThat(outcome.passed())
                .as(
                        "%s: expected %s, actual %s",
                        outcome.name(),
                        outcome.expected().text(),
                        outcome.actual().text())
                .isTrue();
        assertThat(outcome.safetyCase()).isSameAs(safetyCase);
        assertThat(outcome.observed()).isPositive();
    }

    @Test
    void runningACaseTwiceGivesTheSameOutcome() {
        for (SafetyCase safetyCase : SafetyCatalogue.cases()) {
            assertThat(safetyCase.run()).as(safetyCase.name()).isEqualTo(safetyCase.run());
        }
    }

    @Test
    void caseNamesAreUniqueSoTheReportsRowsAreToo() {
        Set<String> names = new HashSet<>();
        for (SafetyCase safetyCase : SafetyCatalogue.cases()) {
            assertThat(names.add(safetyCase.name())).as(safetyCase.name()).isTrue();
        }
    }

    @Test
    void rateLimitWindowCountsTheBusiestSecond() {
        long second = 1_000_000_000L;
        assertThat(RateLimit.maxInWindow(new long[0])).isZero();
        assertThat(RateLimit.maxInWindow(new long[] {0, second / 2, second - 1, second, 3 * second}))
                .isEqualTo(3);
    }
}
