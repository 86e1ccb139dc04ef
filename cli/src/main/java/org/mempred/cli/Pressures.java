package org.mempred.cli;

/** Parses a target pressure written as a fraction ({@code 0.95}) or a percentage ({@code 95}, {@code 95%}). */
public final class Pressures {
    private Pressures() {}

    /**
     * The pressure in {@code text} as a fraction in (0, 1]; values above 1 are read as percentages.
     *
     * @throws IllegalArgumentException naming {@code option} when the text is not a number or lies outside (0, 1]
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
            throw new IllegalArgumentException(
                    option + "='" + text + "' is not a pressure: expected e.g. 95, 95% or 0.95", e);
        }
        double fraction = percent || value > 1.0 ? value / 100.0 : value;
        if (!(fraction > 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException(
                    option + "='" + text + "' is outside (0, 1]: a pressure is a fraction (0.95) or a percentage (95)");
        }
        return fraction;
    }
}
