package org.mempred.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Whole-number counts given on the command line: seeds, threads, epochs, decisions to show. */
public final class Counts {
    private Counts() {}

    /** A whole number >= 1 ({@code --seeds}, {@code --threads}, {@code --epochs}). */
    public static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return positive(text);
        }
    }

    /**
     * The count in {@code text}.
     *
     * @throws TypeConversionException quoting the text when it is not a whole number >= 1
     */
    public static int positive(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the text
        }
        throw new TypeConversionException("'" + text + "' is not a whole number >= 1");
    }
}
