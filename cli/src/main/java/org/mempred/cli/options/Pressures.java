package org.mempred.cli.options;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Target pressures as users write them: a percentage ({@code 95}, {@code 95%}) or a fraction
 * below one ({@code 0.95}), read by {@link Converter} into a fraction in (0, 1] and written back
 * as a percentage by {@link #format}.
 *
 * <p>Bare numbers from 1 up to (not including) 2 are refused as ambiguous: {@code 1} could mean
 * 1 % or 100 %, {@code 1.5} 1.5 % or 150 %. A full heap is {@code 100} or {@code 100%}; one
 * percent is {@code 1%} or {@code 0.01}.
 */
public final class Pressures {
    /** The accepted forms, for messages. */
    static final String FORMS = "a percentage (95 or 95%; 100 for a full heap) or a fraction below 1 (0.95)";

    private Pressures() {}

    /** {@code --pressure}, {@code --pressures}: a fraction in (0, 1]. */
    public static final class Converter implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            return parse(text);
        }
    }

    /**
     * The pressure in {@code text} as a fraction in (0, 1].
     *
     * @throws TypeConversionException quoting the text and the accepted forms when it is not a
     *     number, is ambiguous, or lies outside (0, 100 %]
     */
    public static double parse(String text) {
        String t = text.trim();
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1).trim();
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a pressure: expected " + FORMS);
        }
        if (!percent && value >= 1.0 && value < 2.0) {
            throw new TypeConversionException("'" + text + "' is ambiguous (" + t + " % or "
                    + new BigDecimal(t).movePointRight(2).stripTrailingZeros().toPlainString() + " %?): write " + FORMS
                    + ", e.g. 100 or 1%");
        }
        double fraction = percent || value >= 1.0 ? value / 100.0 : value;
        if (!(fraction > 0.0 && fraction <= 1.0)) {
            throw new TypeConversionException("'" + text + "' is outside (0, 100 %]: expected " + FORMS);
        }
        return fraction;
    }

    /**
     * {@code fraction} as the shortest percentage that {@link #parse} reads back as it: {@code 0.95}
     * is {@code 95}, {@code 0.955} is {@code 95.5}, and below 2 % the sign is written ({@code 1%}),
     * where a bare number would be ambiguous or read as a fraction.
     */
    public static String format(double fraction) {
        BigDecimal percent = BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros();
        return percent.toPlainString() + (percent.compareTo(BigDecimal.TWO) < 0 ? "%" : "");
    }
}
