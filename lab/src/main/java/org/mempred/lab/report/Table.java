package org.mempred.lab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The lab's one table printer: fixed columns, the first left-aligned (labels), the others
 * right-aligned (numbers), a rule under the header. Widths fit the widest cell of each column.
 */
public final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** A table with these column headers. */
    public Table(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = header.size();
        rows.add(header.toArray(new String[0]));
    }

    /** Appends a row of exactly as many cells as there are columns. */
    public Table row(List<String> cells) {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + columns + " columns");
        }
        rows.add(cells.toArray(new String[0]));
        return this;
    }

    /** The table as text, one line per row plus the rule, each line ending in a newline. */
    public String render() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            line(out, rows.get(r), widths);
            if (r == 0) {
                int total = 0;
                for (int width : widths) {
                    total += width + 2;
                }
                out.append("-".repeat(total - 2)).append('\n');
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(widths[c] - cells[c].length());
            if (c > 0) {
                line.append("  ");
            }
            line.append(c == 0 ? cells[c] + pad : pad + cells[c]);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
