package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.mempred.lab.report.JsonWriter;

/**
 * A titled table of {@link Cell}s, rendered as a Markdown table for report.md and as
 * {@code {"title", "header", "rows"}} for results.json from the same cells. The first column is
 * left-aligned (labels), the others right-aligned (numbers).
 */
final class ReportTable {
    private final String title;
    private final List<String> header;
    private final List<List<Cell>> rows = new ArrayList<>();

    ReportTable(String title, List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("table '" + title + "' needs at least one column");
        }
        this.title = title;
        this.header = List.copyOf(header);
    }

    /** Appends a row of exactly as many cells as there are columns. */
    ReportTable row(List<Cell> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.size() + " cells, table '" + title + "' has " + header.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    String title() {
        return title;
    }

    /** The table in Markdown, preceded by its title in bold. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("**").append(title).append("**\n\n|");
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < header.size(); c++) {
            out.append(' ').append(header.get(c).replace("|", "\\|")).append(" |");
            rule.append(c == 0 || textColumn(c) ? "---|" : "---:|");
        }
        out.append('\n').append(rule).append('\n');
        for (List<Cell> row : rows) {
            out.append('|');
            for (Cell cell : row) {
                out.append(' ').append(cell.markdown()).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Whether every cell of column {@code c} is a label (left-aligned like the first column). */
    private boolean textColumn(int c) {
        for (List<Cell> row : rows) {
            if (!(row.get(c) instanceof Cell.Text)) {
                return false;
            }
        }
        return true;
    }

    /** The table as a JSON object. */
    void writeJson(JsonWriter json) {
        json.beginObject().name("title").value(title).name("header").beginArray();
        for (String column : header) {
            json.value(column);
        }
        json.endArray().name("rows").beginArray();
        for (List<Cell> row : rows) {
            json.beginArray();
            for (Cell cell : row) {
                cell.writeJson(json);
            }
            json.endArray();
        }
        json.endArray().endObject();
    }
}
