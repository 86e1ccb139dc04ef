package org.mempred.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Each converter reads what users write, and refuses anything else with a {@link
 * TypeConversionException} that quotes the value and says what was expected; picocli puts the
 * option's name in front.
 */
class ConvertersTest {

    @Test
    void pressureAcceptsFractionsAndPercentages() {
        Pressures.Converter pressure = new Pressures.Converter();
        assertThat(pressure.convert("95")).isEqualTo(0.95);
        assertThat(pressure.convert("0.95")).isEqualTo(0.95);
        assertThat(pressure.convert("98%")).isEqualTo(0.98);
        assertThat(pressure.convert("100")).isEqualTo(1.0);
        assertThat(pressure.convert("100%")).isEqualTo(1.0);
        assertThat(pressure.convert("1%")).isEqualTo(0.01);
        assertThatThrownBy(() -> pressure.convert("-0.5"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'-0.5' is outside (0, 100 %]: expected " + Pressures.FORMS);
    }

    @Test
    void ambiguousPressuresAreRefusedShowingTheAcceptedForms() {
        assertThatThrownBy(() -> Pressures.parse("1"))
                .hasMessageContaining("'1' is ambiguous (1 % or 100 %?)")
                .hasMessageContaining("95 or 95%")
                .hasMessageContaining("0.95");
        assertThatThrownBy(() -> Pressures.parse("1.5")).hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> Pressures.parse("150")).hasMessageContaining("outside");
    }

    @ParameterizedTest
    @ValueSource(strings = {"50", "75", "85", "95", "98", "100", "95.5", "1%", "0.95", "12.25%"})
    void aFormattedPressureParsesBackToTheSameFraction(String text) {
        double fraction = Pressures.parse(text);
        assertThat(Pressures.parse(Pressures.format(fraction))).isEqualTo(fraction);
        assertThat(Pressures.format(Pressures.parse("85"))).isEqualTo("85");
    }

    @Test
    void durationsAcceptCommonUnitsAndFormatBackToTheShortestExactUnit() {
        Durations.Converter duration = new Durations.Converter();
        assertThat(duration.convert("10m")).isEqualTo(600_000_000_000L);
        assertThat(duration.convert("1.5h")).isEqualTo(5_400_000_000_000L);
        assertThat(duration.convert("500ms")).isEqualTo(500_000_000L);
        assertThat(duration.convert("30")).isEqualTo(30_000_000_000L);
        assertThat(Durations.format(600_000_000_000L)).isEqualTo("10m");
        assertThat(Durations.format(500_000_000L)).isEqualTo("500ms");
        assertThat(Durations.format(1_500L)).isEqualTo("1500ns");
        assertThatThrownBy(() -> duration.convert("soon"))
                .hasMessage("'soon' is not a duration: expected e.g. 10m, 30s, 1.5h or 500ms");
        assertThatThrownBy(() -> duration.convert("0s")).hasMessageStartingWith("'0s' must be a positive duration");
    }

    @Test
    void sizesAcceptBinaryUnitsAndNameTheLimitWhenTooLarge() {
        Sizes.Converter size = new Sizes.Converter();
        assertThat(size.convert("100KiB")).isEqualTo(102_400);
        assertThat(size.convert("1MiB")).isEqualTo(1 << 20);
        assertThat(size.convert("4096")).isEqualTo(4096);
        assertThatThrownBy(() -> size.convert("-5")).hasMessageStartingWith("'-5' is not a size: expected");
        assertThatThrownBy(() -> size.convert("3GiB")).hasMessageContaining("over the largest size");
        assertThatThrownBy(() -> size.convert("1.5")).hasMessage("'1.5' is not a whole number of bytes");
    }

    @Test
    void aHeapIsAMultipleOfTheGranuleUpToTheLargestArena() {
        Sizes.HeapConverter heap = new Sizes.HeapConverter();
        assertThat(heap.convert("100KiB")).isEqualTo(102_400);
        assertThatThrownBy(() -> heap.convert("100"))
                .hasMessage("'100' is 100 bytes: expected a multiple of 16 bytes up to 1GiB");
        assertThatThrownBy(() -> heap.convert("2GiB")).hasMessageContaining("over the largest heap of 1GiB");
    }

    @Test
    void replayHeapIsAutoOrAFixedCapacity() {
        HeapChoice.Converter choice = new HeapChoice.Converter();
        assertThat(choice.convert("auto")).isEqualTo(new HeapChoice.Auto());
        assertThat(choice.convert(" AUTO ")).isEqualTo(new HeapChoice.Auto());
        assertThat(choice.convert("1MiB")).isEqualTo(new HeapChoice.Fixed(1 << 20));
        assertThatThrownBy(() -> choice.convert("100")).hasMessageContaining("expected auto or a multiple of 16");
    }

    @Test
    void countsAreWholeNumbersFromOne() {
        Counts.Positive count = new Counts.Positive();
        assertThat(count.convert(" 7 ")).isEqualTo(7);
        assertThatThrownBy(() -> count.convert("0")).hasMessage("'0' is not a whole number >= 1");
        assertThatThrownBy(() -> count.convert("2.5")).hasMessage("'2.5' is not a whole number >= 1");
    }

    @Test
    void positiveNumbersRefuseZeroNegativesAndInfinity() {
        PositiveNumbers.Converter number = new PositiveNumbers.Converter();
        assertThat(number.convert("2e4")).isEqualTo(20_000.0);
        for (String bad : new String[] {"0", "-1", "Infinity", "NaN", "fast"}) {
            assertThatThrownBy(() -> number.convert(bad))
                    .as(bad)
                    .hasMessageStartingWith("'" + bad + "' is not a positive number");
        }
    }

    @Test
    void policyListsKeepTheirOrderAndAllMeansEveryPolicy() {
        assertThat(PolicyList.parse(PolicyList.DEFAULT).specs())
                .extracting(PolicySpec::name)
                .contains("periodic", "reactive", "oracle");
        assertThat(PolicyList.parse(" holt , neural ").specs())
                .extracting(PolicySpec::name)
                .containsExactly("holt", "neural");
        assertThat(PolicyList.parse("all").specs()).isEqualTo(Policies.ALL);
        assertThatThrownBy(() -> PolicyList.parse(",")).hasMessage("',' names no policy");
        assertThatThrownBy(() -> PolicyList.parse("reactive,psychic")).hasMessageContaining("unknown policy 'psychic'");
    }

    /** A command with one converted option, to see the message picocli builds around a converter's. */
    @Command(name = "probe")
    static final class Probe {
        @Option(names = "--pressure", converter = Pressures.Converter.class)
        double pressure;
    }

    @Test
    void picocliNamesTheOptionInFrontOfTheConvertersMessage() {
        assertThatThrownBy(() -> new CommandLine(new Probe()).parseArgs("--pressure", "high"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage(
                        "Invalid value for option '--pressure': 'high' is not a pressure: expected " + Pressures.FORMS);
    }
}
