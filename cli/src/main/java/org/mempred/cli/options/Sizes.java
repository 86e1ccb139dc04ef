package org.mempred.cli.options;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.Granules;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Byte sizes as users write them: {@code 4096}, {@code 100KiB}, {@code 1MiB}, {@code 1GiB} (also
 * KB/MB/GB/TB and K/M/G/T, all binary). {@link Converter} reads any size up to
 * {@code Integer.MAX_VALUE} bytes, {@link HeapConverter} a heap capacity. A size that parses but is
 * too large says so and names the limit, rather than calling the text "not a size".
 */
public final class Sizes {
    /** The largest heap, as users write it. */
    static final String MAX_HEAP_TEXT = "1GiB";

    private static final Pattern SIZE =
            Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?");

    private Sizes() {}

    /** A positive number of bytes up to {@code Integer.MAX_VALUE} (the shell's {@code SIZE}, {@code BUDGET}). */
    public static final class Converter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return parseBytes(text);
        }
    }

    /** {@code --heap}: a heap capacity, a multiple of the heap's granule up to its largest arena. */
    public static final class HeapConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return parseHeapBytes(text, false);
        }
    }

    /**
     * The number of bytes in {@code text}.
     *
     * @throws TypeConversionException quoting the text when it is not a whole, positive size, or is
     *     larger than {@code Integer.MAX_VALUE} bytes
     */
    public static int parseBytes(String text) {
        return parseBytes(text, Integer.MAX_VALUE, "the largest size, 2147483647 bytes (2GiB - 1)");
    }

    /**
     * A heap capacity: a size (as {@link #parseBytes}) that is a multiple of the heap's granule and
     * at most its largest arena.
     *
     * @param autoAllowed whether the option also accepts {@code auto} (named in the message only)
     * @throws TypeConversionException quoting the text and what is expected otherwise
     */
    static int parseHeapBytes(String text, boolean autoAllowed) {
        int bytes = parseBytes(text, CompactingHeap.MAX_CAPACITY_BYTES, "the largest heap of " + MAX_HEAP_TEXT);
        if (bytes % Granules.BYTES != 0) {
            throw new TypeConversionException("'" + text + "' is " + bytes + " bytes: expected "
                    + (autoAllowed ? "auto or " : "") + "a multiple of " + Granules.BYTES
                    + " bytes up to " + MAX_HEAP_TEXT);
        }
        return bytes;
    }

    private static int parseBytes(String text, long maxBytes, String limit) {
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new TypeConversionException(
                    "'" + text + "' is not a size: expected a positive number of bytes such as 4096, 100KiB or 1MiB");
        }
        BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(factor(matcher.group(2))));
        if (bytes.signum() <= 0) {
            throw new TypeConversionException("'" + text + "' must be a positive size such as 4096 or 1MiB");
        }
        if (bytes.stripTrailingZeros().scale() > 0) {
            throw new TypeConversionException("'" + text + "' is not a whole number of bytes");
        }
        if (bytes.compareTo(BigDecimal.valueOf(maxBytes)) > 0) {
            throw new TypeConversionException("'" + text + "' is " + bytes.toBigInteger() + " bytes, over " + limit);
        }
        return bytes.intValueExact();
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
