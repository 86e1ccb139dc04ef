package org.mempred.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Positive, finite real numbers given on the command line: a replay speed, a request rate. */
public final class PositiveNumbers {
    private PositiveNumbers() {}

    /** {@code --speed}, {@code --rate}: a positive, finite number such as {@code 0.01} or {@code 2e4}. */
    public static final class Converter implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            return parse(text);
        }
    }

    /**
     * The number in {@code text}.
     *
     * @throws TypeConversionException quoting the text when it is not a positive, finite number
     */
    public static double parse(String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new TypeConversionException("'" + text + "' is not a positive number: expected e.g. 0.01, 2 or 2e4");
        }
        return value;
    }
}
