package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mempred.cli.CliRun.run;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void demoFragmentsThenCompactsAndPrintsMeasuredFigures() {
        String[] result = run("demo", "--seed", "3", "--heap", "16KiB", "--operations", "3000");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1])
                .contains("heap 16384 bytes, seed 3")
                .contains("after churn")
                .contains("after compact")
                .contains("compaction:");
    }

    @Test
    void demoIsDeterministicForASeedApartFromWallTime() {
        String first = run("demo", "--seed", "9", "--heap", "8KiB", "--operations", "2000")[1];
        String second = run("demo", "--seed", "9", "--heap", "8KiB", "--operations", "2000")[1];
        assertThat(first.replaceAll("[0-9.]+ us", "")).isEqualTo(second.replaceAll("[0-9.]+ us", ""));
    }

    @Test
    void badHeapSizeIsOneClearErrorWithExitCodeTwo() {
        String[] result = run("demo", "--heap", "100");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("option '--heap': '100' is 100 bytes: expected a multiple of 16");
        String[] words = run("demo", "--heap", "lots");
        assertThat(words[0]).isEqualTo("2");
        assertThat(words[2]).contains("option '--heap': 'lots' is not a size");
    }

    @Test
    void noSubcommandPrintsUsageOnStderrWithExitCodeTwo() {
        String[] result = run();
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).isEmpty();
        assertThat(result[2]).contains("Usage: mempred").contains("demo").contains("mempred: a command is required");
    }

    @Test
    void aHeapOverTheCapNamesTheCapNotAParseError() {
        String[] result = run("stress", "--heap", "1TiB");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("option '--heap': '1TiB' is 1099511627776 bytes, over the largest heap of 1GiB");
    }

    @Test
    void aBadShellOptionNamesTheOptionTheValueAndTheValidValuesBeforeTheShellStarts() {
        String[] result = run("shell", "--features", "magic");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).isEmpty();
        assertThat(result[2]).contains("Invalid value for option '--features': 'magic' is unknown; valid: seed,");
    }

    @Test
    void featuresThatTheShellsPolicyWouldIgnoreAreRefusedBeforeTheShellStarts() {
        String[] result = run("shell", "--features", "rich");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).isEmpty();
        assertThat(result[2])
                .contains("mempred: --features rich does not apply to --policy neural")
                .contains("it applies to neural-peak and neural-cold-peak");
    }
}
