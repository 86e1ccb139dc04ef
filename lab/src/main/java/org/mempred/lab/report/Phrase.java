package org.mempred.lab.report;

import java.util.ArrayList;
import java.util.List;
import org.mempred.lab.stats.Summary;

/**
 * Words with figures in them, such as {@code "max 10 in any 1 s (100 run, 1900 refused)"}: the
 * text as a table shows it (each figure rounded as {@link Cell#format} does) and, in the order
 * they appear, every figure it shows, unrounded. A {@link Cell.Worded} cell writes the text to
 * report.md and the figures to results.json as numbers, so a figure in prose can be found in the
 * JSON like any other. Built with {@link #builder()}; a value, compared by content.
 *
 * @param text the words and the rounded figures
 * @param figures every figure the text shows, unrounded, in order (NaN where the text shows "-")
 */
public record Phrase(String text, List<Double> figures) {
    /** Copies the figures. */
    public Phrase {
        figures = List.copyOf(figures);
    }

    /** Words without a figure. */
    public static Phrase words(String text) {
        return builder().text(text).build();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Appends words and figures in reading order. Not thread-safe; build once. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Double> figures = new ArrayList<>();

        private Builder() {}

        /** Words, shown as given; they must not carry a figure (append figures with the other methods). */
        public Builder text(String words) {
            text.append(words);
            return this;
        }

        /** A whole number. */
        public Builder count(long value) {
            return figure(value, Long.toString(value));
        }

        /** A number with {@code decimals} decimals. */
        public Builder value(double value, int decimals) {
            return figure(value, Cell.format(value, decimals, false));
        }

        /** A number with {@code decimals} decimals and its sign. */
        public Builder signed(double value, int decimals) {
            return figure(value, Cell.format(value, decimals, true));
        }

        /** Mean ± half-width of the 95 % CI, unstarred (as {@link Cell.Estimate#unstarred} shows it). */
        public Builder estimate(Summary summary, int decimals, boolean signed) {
            text.append(Cell.estimate(summary, decimals, signed).unstarred());
            figures.add(summary.mean());
            figures.add(summary.halfWidth());
            return this;
        }

        private Builder figure(double value, String shown) {
            text.append(shown);
            figures.add(value);
            return this;
        }

        /** The phrase. */
        public Phrase build() {
            return new Phrase(text.toString(), figures);
        }
    }
}
