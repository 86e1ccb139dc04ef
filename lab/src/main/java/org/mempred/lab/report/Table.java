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
        return render(Integer.MAX_VALUE);
    }

    /**
     * The table as text in lines of at most {@code maxWidth} characters where possible: when the
     * columns do not fit, they are split into groups that do, each printed as its own table under
     * the previous one (a blank line between) with the first (label) column repeated. A single
     * column wider than the limit is printed whole.
     */
    public String render(int maxWidth) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        int first = 1;
        do {
            int end = first;
            int width = widths[0];
            while (end < columns && (end == first || width + 2 + widths[end] <= maxWidth)) {
                width += 2 + widths[end];
                end++;
            }
            if (first > 1) {
                out.append('\n');
            }
            group(out, widths, first, end);
            first = end;
        } while (first < columns);
        return out.toString();
    }

    /** The label column and columns {@code [from, to)}. */
    private void group(StringBuilder out, int[] widths, int from, int to) {
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            StringBuilder line = new StringBuilder(cells[0]).append(" ".repeat(widths[0] - cells[0].length()));
            for (int c = from; c < to; c++) {
                line.append("  ")
                        .append(" ".repeat(widths[c] - cells[c].length()))
                        .append(cells[c]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = widths[0];
                for (int c = from; c < to; c++) {
                    total += widths[c] + 2;
                }
                out.append("-".repeat(total)).append('\n');
            }
        }
    }
}
