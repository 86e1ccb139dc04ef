package org.mempred.cli.options;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as users write them: {@code 10m}, {@code 30s}, {@code 1.5h}, {@code 500ms},
 * {@code 2000us}, {@code 10ns} (a bare number is seconds), read by {@link Converter} into
 * nanoseconds and written back by {@link #format}. {@code format(parse(t))} is the shortest exact
 * spelling of {@code t}, so a command that echoes its settings (a weights file's origin) stays
 * byte-for-byte stable.
 */
public final class Durations {
    private static final Pattern DURATION =
            Pattern.compile("([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*(ns|us|µs|ms|s|sec|m|min|h)?");

    private Durations() {}

    /** {@code --duration}, {@code --lookahead}: a positive duration in nanoseconds. */
    public static final class Converter implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return parseNanos(text);
        }
    }

    /**
     * The nanoseconds in {@code text}.
     *
     * @throws TypeConversionException quoting the text and the accepted forms when it is not a positive duration
     */
    public static long parseNanos(String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new TypeConversionException(
                    "'" + text + "' is not a duration: expected e.g. 10m, 30s, 1.5h or 500ms");
        }
        BigDecimal value = new BigDecimal(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        long nanosPerUnit = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "m", "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000_000_000L;
        };
        BigDecimal nanos = value.multiply(BigDecimal.valueOf(nanosPerUnit));
        if (nanos.signum() <= 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0) {
            throw new TypeConversionException("'" + text + "' must be a positive duration such as 30s or 10m");
        }
        return nanos.longValue();
    }

    /** {@code nanos} in the shortest exact unit, e.g. {@code 10m}, {@code 5s}, {@code 500ms}. */
    public static String format(long nanos) {
        long[] factors = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        String[] units = {"h", "m", "s", "ms", "us"};
        for (int i = 0; i < factors.length; i++) {
            if (nanos % factors[i] == 0) {
                return nanos / factors[i] + units[i];
            }
        }
        return nanos + "ns";
    }
}
