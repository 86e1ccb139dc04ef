package org.mempred.cli;

import java.math.BigDecimal;

/**
 * Parses a target pressure written as a percentage ({@code 95}, {@code 95%}) or a fraction below
 * one ({@code 0.95}).
 *
 * <p>Bare numbers from 1 up to (not including) 2 are refused as ambiguous: {@code 1} could mean
 * 1 % or 100 %, {@code 1.5} 1.5 % or 150 %. A full heap is {@code 100} or {@code 100%}; one
 * percent is {@code 1%} or {@code 0.01}.
 */
public final class Pressures {
    /** The accepted forms, for messages. */
    static final String FORMS = "a percentage (95 or 95%; 100 for a full heap) or a fraction below 1 (0.95)";

    private Pressures() {}

    /**
     * The pressure in {@code text} as a fraction in (0, 1].
     *
     * @throws IllegalArgumentException naming {@code option} and the accepted forms when the text
     *     is not a number, is ambiguous, or lies outside (0, 100 %]
     */
    public static double parse(String text, String option) {
        String t = text.trim();
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1).trim();
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + "='" + text + "' is not a pressure: expected " + FORMS, e);
        }
        if (!percent && value >= 1.0 && value < 2.0) {
            throw new IllegalArgumentException(option + "='" + text + "' is ambiguous (" + t + " % or "
                    + new BigDecimal(t).movePointRight(2).stripTrailingZeros().toPlainString() + " %?): write " + FORMS
                    + ", e.g. 100 or 1%");
        }
        double fraction = percent || value >= 1.0 ? value / 100.0 : value;
        if (!(fraction > 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException(option + "='" + text + "' is outside (0, 100 %]: expected " + FORMS);
        }
        return fraction;
    }
}
