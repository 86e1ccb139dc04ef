package org.mempred.lab.reproduce;

import java.util.Locale;
import org.mempred.lab.report.JsonWriter;
import org.mempred.lab.stats.Summary;

/**
 * One cell of a {@link ReportTable}: a label, a number, or an estimate (mean ± 95 % CI). A cell
 * renders itself twice from the same double: rounded for report.md and unrounded (in the same
 * unit) for results.json, so every number of the report can be found in the JSON.
 */
sealed interface Cell {
    /** The cell as report.md shows it. */
    String markdown();

    /** The cell as results.json holds it. */
    void writeJson(JsonWriter json);

    /** A label. */
    static Cell text(String text) {
        return new Text(text);
    }

    /** A number with {@code decimals} decimals; NaN shows as "-". */
    static Cell value(double value, int decimals) {
        return new Value(value, decimals, false);
    }

    /** A count. */
    static Cell count(long value) {
        return new Value(value, 0, false);
    }

    /** Mean ± half-width of the 95 % CI, {@code decimals} decimals, optionally signed and starred. */
    static Cell estimate(Summary summary, int decimals, boolean signed) {
        return new Estimate(summary, decimals, signed);
    }

    /** Formats {@code value} as the report does. */
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

    /** A label. */
    record Text(String text) implements Cell {
        @Override
        public String markdown() {
            return text.replace("|", "\\|");
        }

        @Override
        public void writeJson(JsonWriter json) {
            json.value(text);
        }
    }

    /** A plain number. */
    record Value(double value, int decimals, boolean signed) implements Cell {
        @Override
        public String markdown() {
            return format(value, decimals, signed);
        }

        @Override
        public void writeJson(JsonWriter json) {
            json.value(value);
        }
    }

    /** Mean ± half-width; a signed estimate whose CI excludes 0 is starred. */
    record Estimate(Summary summary, int decimals, boolean signed) implements Cell {
        @Override
        public String markdown() {
            if (summary.count() == 0 || Double.isNaN(summary.mean())) {
                return "-";
            }
            boolean starred = signed && summary.excludesZero();
            int shown = starred ? visibleDecimals(summary.mean(), decimals) : decimals;
            String mean = format(summary.mean(), shown, signed);
            if (Double.isNaN(summary.halfWidth())) {
                return mean;
            }
            return mean + " ± " + format(summary.halfWidth(), shown, false) + (starred ? " *" : "");
        }

        @Override
        public void writeJson(JsonWriter json) {
            json.beginObject()
                    .name("n")
                    .value(summary.count())
                    .name("mean")
                    .value(summary.mean())
                    .name("halfWidth")
                    .value(summary.halfWidth())
                    .name("ci95")
                    .beginArray()
                    .value(summary.ciLow())
                    .value(summary.ciHigh())
                    .endArray()
                    .endObject();
        }
    }
}
