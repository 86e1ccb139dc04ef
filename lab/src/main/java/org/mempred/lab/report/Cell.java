package org.mempred.lab.report;

import java.util.Locale;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.stats.Summary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One cell of a {@link Table}: a label, a number, an estimate (mean ± 95 % CI), or words with
 * figures in them ({@link Phrase}). A cell renders itself three ways from the same doubles:
 * rounded for text and Markdown, unrounded (in the same unit) as JSON numbers, so every figure a
 * table shows is a number in the JSON. A label names a row, a category or a verdict and carries no
 * figure: a figure in words is a {@link Worded} cell. Numbers are formatted in the root locale; NaN
 * shows as "-" and "-0.0" as "0.0".
 */
public sealed interface Cell {
    /** The cell in a fixed-width text table (labels keep their indentation). */
    String plain();

    /** The cell in a Markdown table. */
    String markdown();

    /** The cell in a JSON table. */
    JsonNode json();

    /** A label (names, never figures). */
    static Cell text(String text) {
        return new Text(text);
    }

    /** Words with figures: the text as shown, the figures as JSON numbers. */
    static Cell words(Phrase phrase) {
        return new Worded(phrase);
    }

    /** A number with {@code decimals} decimals. */
    static Cell value(double value, int decimals) {
        return new Value(value, decimals, false);
    }

    /** A count. */
    static Cell count(long value) {
        return new Value(value, 0, false);
    }

    /** Mean ± half-width of the 95 % CI, {@code decimals} decimals, optionally signed and starred. */
    static Estimate estimate(Summary summary, int decimals, boolean signed) {
        return new Estimate(summary, decimals, signed);
    }

    /** Mean ± half-width of the 95 % CI of a figure shown as {@code display} says. */
    static Estimate estimate(Summary summary, Metric.Display display, boolean signed) {
        return new Estimate(display.scale(summary), display.decimals(), signed);
    }

    /** Formats {@code value} as tables do. */
    static String format(double value, int decimals, boolean signed) {
        if (Double.isNaN(value)) {
            return "-";
        }
        String text = String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + decimals + "f", value);
        return text.startsWith("-") && Double.parseDouble(text) == 0.0 ? (signed ? "+" : "") + text.substring(1) : text;
    }

    /**
     * At least {@code decimals}, and as many more (up to six) as a non-zero {@code value} needs not
     * to print as zero: a starred change must read as a change.
     */
    static int visibleDecimals(double value, int decimals) {
        int shown = decimals;
        while (shown < decimals + 6 && value != 0.0 && Double.parseDouble(format(value, shown, false)) == 0.0) {
            shown++;
        }
        return shown;
    }

    /** A label; Markdown and JSON drop the indentation text tables use for sub-rows. */
    record Text(String text) implements Cell {
        @Override
        public String plain() {
            return text;
        }

        @Override
        public String markdown() {
            return text.strip().replace("|", "\\|");
        }

        @Override
        public JsonNode json() {
            return Json.string(text.strip());
        }
    }

    /** Words with figures; JSON holds {@code {"text", "figures"}}, the figures unrounded. */
    record Worded(Phrase phrase) implements Cell {
        @Override
        public String plain() {
            return phrase.text();
        }

        @Override
        public String markdown() {
            return phrase.text().strip().replace("|", "\\|");
        }

        @Override
        public JsonNode json() {
            ObjectNode node = Json.object();
            node.put("text", phrase.text().strip());
            ArrayNode figures = node.putArray("figures");
            for (double figure : phrase.figures()) {
                figures.add(Json.number(figure));
            }
            return node;
        }
    }

    /** A plain number. */
    record Value(double value, int decimals, boolean signed) implements Cell {
        @Override
        public String plain() {
            return markdown();
        }

        @Override
        public String markdown() {
            return format(value, decimals, signed);
        }

        @Override
        public JsonNode json() {
            return Json.number(value);
        }
    }

    /**
     * Mean ± half-width; a signed estimate whose CI excludes 0 is starred (and shows enough
     * decimals to read as non-zero). In text tables an unstarred signed estimate is padded to the
     * starred ones' width, so the numbers of a column stay aligned.
     */
    record Estimate(Summary summary, int decimals, boolean signed) implements Cell {
        @Override
        public String plain() {
            String shown = markdown();
            return signed && !starred() ? shown + "  " : shown;
        }

        @Override
        public String markdown() {
            if (summary.count() == 0 || Double.isNaN(summary.mean())) {
                return "-";
            }
            boolean starred = starred();
            int shown = starred ? visibleDecimals(summary.mean(), decimals) : decimals;
            String mean = format(summary.mean(), shown, signed);
            if (Double.isNaN(summary.halfWidth())) {
                return mean;
            }
            return mean + " ± " + format(summary.halfWidth(), shown, false) + (starred ? " *" : "");
        }

        /** Mean ± half-width without the star, as prose quotes it. */
        public String unstarred() {
            return markdown().replace(" *", "");
        }

        private boolean starred() {
            return signed && summary.excludesZero();
        }

        @Override
        public JsonNode json() {
            ObjectNode node = Json.object();
            node.put("n", summary.count());
            node.set("mean", Json.number(summary.mean()));
            node.set("halfWidth", Json.number(summary.halfWidth()));
            node.set("ci95", Json.numbers(summary.ciLow(), summary.ciHigh()));
            return node;
        }
    }
}
