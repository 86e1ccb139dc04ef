package org.mempred.cli;

import java.util.Locale;
import org.mempred.heap.CompactingHeap;

/** Parses byte sizes written as {@code 4096}, {@code 100KiB}, {@code 1MiB}, {@code 1GiB} (also KB/MB/GB, K/M/G as binary). */
public final class Sizes {
    private Sizes() {}

    /**
     * The number of bytes in {@code text}.
     *
     * @throws IllegalArgumentException naming {@code option} and the text when it is not a positive size up to 2^31-1
     */
    public static int parseBytes(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        String[][] units = {{"gib", "gb", "g"}, {"mib", "mb", "m"}, {"kib", "kb", "k"}, {"b"}};
        long[] factors = {1L << 30, 1L << 20, 1L << 10, 1};
        outer:
        for (int i = 0; i < units.length; i++) {
            for (String unit : units[i]) {
                if (t.endsWith(unit)) {
                    multiplier = factors[i];
                    t = t.substring(0, t.length() - unit.length()).trim();
                    break outer;
                }
            }
        }
        try {
            long value = Long.parseLong(t) * multiplier;
            if (value <= 0 || value > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + "='" + text
                            + "' is not a size: expected a positive number of bytes such as 4096, 100KiB or 1MiB",
                    e);
        }
    }

    /**
     * A heap capacity: a size (as {@link #parseBytes}) that is a multiple of the heap's granule and
     * at most its largest arena.
     *
     * @param autoAllowed whether the option also accepts {@code auto} (named in the message only)
     * @throws IllegalArgumentException naming {@code option} and the text otherwise
     */
    static int parseHeapBytes(String text, String option, boolean autoAllowed) {
        int bytes = parseBytes(text, option);
        if (bytes % CompactingHeap.GRANULE_BYTES != 0 || bytes > CompactingHeap.MAX_CAPACITY_BYTES) {
            throw new IllegalArgumentException(option + "=" + text + " must be " + (autoAllowed ? "auto or " : "")
                    + "a multiple of " + CompactingHeap.GRANULE_BYTES + " bytes up to 1GiB");
        }
        return bytes;
    }
}
