package org.mempred.cli.options;

import org.mempred.lab.trace.AospDumpReader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --clock NS} ({@code @Mixin} of replay and train): the synthetic clock of an AOSP
 * {@code memory_replay} dump that records no timestamps, in nanoseconds per allocator call.
 *
 * <p><b>Default</b>: {@value AospDumpReader#DEFAULT_NANOS_PER_CALL} ns. A dump without times says
 * only the order of the calls, so the clock stands for one allocator call plus the program's work
 * up to the next one. Over the shipped {@code mempred-trace} captures (traces/README.md) that mean
 * gap ranges from about 0.2 to 2.2 microseconds, with a median near 1; 1 microsecond is that order
 * of magnitude. With the default replay speed a short dump is stretched to a dozen horizons
 * anyway, so the clock matters most for long dumps and for {@code --speed}. Traces that record
 * their own times ignore it.
 */
public final class ClockOption {
    @Option(
            names = "--clock",
            paramLabel = "NS",
            converter = Converter.class,
            defaultValue = "" + AospDumpReader.DEFAULT_NANOS_PER_CALL,
            description = "Time per allocator call for an AOSP memory_replay dump without timestamps: nanoseconds"
                    + " (1000) or a duration (1us) (default: ${DEFAULT-VALUE} ns, about the median time between"
                    + " allocator calls of the shipped captures, 0.2-2.2 us; timed traces keep their own times).")
    private long nanosPerCall = AospDumpReader.DEFAULT_NANOS_PER_CALL;

    /** Nanoseconds per call of the synthetic clock. */
    public long nanosPerCall() {
        return nanosPerCall;
    }

    /** {@code --clock}: a bare number is nanoseconds; a number with a unit is a duration ({@link Durations}). */
    public static final class Converter implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            String trimmed = text.trim();
            if (trimmed.chars().anyMatch(Character::isLetter)) {
                long nanos = Durations.parseNanos(trimmed);
                if (nanos >= 1) {
                    return nanos;
                }
            }
            try {
                long nanos = Long.parseLong(trimmed);
                if (nanos > 0) {
                    return nanos;
                }
            } catch (NumberFormatException e) {
                // not a whole number (or below 1 ns with a unit): reported below
            }
            throw new TypeConversionException(
                    "'" + text + "' is not a clock: expected a positive whole number of ns per call, e.g. 1000 or 1us");
        }
    }
}
