package org.mempred.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as {@code 10m}, {@code 30s}, {@code 1.5h}, {@code 500ms}, {@code 2000us}, {@code 10ns} (a bare number is seconds). */
final class Durations {
    private static final Pattern DURATION =
            Pattern.compile("([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*(ns|us|µs|ms|s|sec|m|min|h)?");

    private Durations() {}

    /**
     * The nanoseconds in {@code text}.
     *
     * @throws IllegalArgumentException naming {@code option} and the text when it is not a positive duration
     */
    static long parseNanos(String text, String option) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    option + "='" + text + "' is not a duration: expected e.g. 10m, 30s, 1.5h or 500ms");
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
            throw new IllegalArgumentException(option + "='" + text + "' must be a positive duration");
        }
        return nanos.longValue();
    }

    /** {@code nanos} in the shortest exact unit, e.g. {@code 10m}, {@code 5s}, {@code 500ms}. */
    static String format(long nanos) {
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
