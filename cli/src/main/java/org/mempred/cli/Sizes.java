package org.mempred.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mempred.heap.CompactingHeap;

/**
 * Parses byte sizes written as {@code 4096}, {@code 100KiB}, {@code 1MiB}, {@code 1GiB} (also
 * KB/MB/GB/TB and K/M/G/T, all binary). A size that parses but is too large says so and names the
 * limit, rather than calling the text "not a size".
 */
public final class Sizes {
    /** The largest heap, as users write it. */
    static final String MAX_HEAP_TEXT = "1GiB";

    private static final Pattern SIZE =
            Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?");

    private Sizes() {}

    /**
     * The number of bytes in {@code text}.
     *
     * @throws IllegalArgumentException naming {@code option} and the text when it is not a whole,
     *     positive size, or is larger than {@code Integer.MAX_VALUE} bytes
     */
    public static int parseBytes(String text, String option) {
        return parseBytes(text, option, Integer.MAX_VALUE, "the largest size, 2147483647 bytes (2GiB - 1)");
    }

    /**
     * The number of bytes in {@code text}, at most {@code maxBytes}.
     *
     * @param limit how the message names {@code maxBytes}
     * @throws IllegalArgumentException naming {@code option}, the text and the limit otherwise
     */
    public static int parseBytes(String text, String option, long maxBytes, String limit) {
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + "='" + text
                    + "' is not a size: expected a positive number of bytes such as 4096, 100KiB or 1MiB");
        }
        BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(factor(matcher.group(2))));
        if (bytes.signum() <= 0) {
            throw new IllegalArgumentException(option + "='" + text + "' must be a positive size such as 4096 or 1MiB");
        }
        if (bytes.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(option + "='" + text + "' is not a whole number of bytes");
        }
        if (bytes.compareTo(BigDecimal.valueOf(maxBytes)) > 0) {
            throw new IllegalArgumentException(
                    option + "='" + text + "' is " + bytes.toBigInteger() + " bytes, over " + limit);
        }
        return bytes.intValueExact();
    }

    /**
     * A heap capacity: a size (as {@link #parseBytes}) that is a multiple of the heap's granule and
     * at most its largest arena.
     *
     * @param autoAllowed whether the option also accepts {@code auto} (named in the message only)
     * @throws IllegalArgumentException naming {@code option} and the text otherwise
     */
    public static int parseHeapBytes(String text, String option, boolean autoAllowed) {
        int bytes = parseBytes(text, option, CompactingHeap.MAX_CAPACITY_BYTES, "the largest heap of " + MAX_HEAP_TEXT);
        if (bytes % CompactingHeap.GRANULE_BYTES != 0) {
            throw new IllegalArgumentException(option + "=" + text + " must be " + (autoAllowed ? "auto or " : "")
                    + "a multiple of " + CompactingHeap.GRANULE_BYTES + " bytes up to " + MAX_HEAP_TEXT);
        }
        return bytes;
    }

    private static long factor(String unit) {
        if (unit == null || unit.equals("b")) {
            return 1;
        }
        return switch (unit.charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L << 40;
        };
    }
}
