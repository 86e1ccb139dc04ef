package org.mempred.lab.report;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lab's one table model: a title, column headers and rows of {@link Cell}s, rendered three ways
 * from the same cells: as fixed-width text (the terminal output of {@code stress} and
 * {@code replay}), as a Markdown table (report.md) and as {@code {"title", "header", "rows"}}
 * (results.json), where every figure is a JSON number. The first column holds labels and is
 * left-aligned; the others are right-aligned unless every cell of the column is a label or words.
 */
public final class Table {
    private final String title;
    private final List<String> header;
    private final List<List<Cell>> rows = new ArrayList<>();

    /** A table with this title (Markdown and JSON show it; text does not) and these column headers. */
    public Table(String title, List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("table '" + title + "' needs at least one column");
        }
        this.title = title;
        this.header = List.copyOf(header);
    }

    /** Appends a row of exactly as many cells as there are columns. */
    public Table row(List<Cell> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.size() + " cells, table '" + title + "' has " + header.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The table in Markdown, preceded by its title in bold. */
    public String markdown() {
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

    /** Whether every cell of column {@code c} is a label or words (left-aligned like the first column). */
    private boolean textColumn(int c) {
        for (List<Cell> row : rows) {
            if (!(row.get(c) instanceof Cell.Text || row.get(c) instanceof Cell.Worded)) {
                return false;
            }
        }
        return true;
    }

    /** The table as a JSON object: title, header and the rows' unrounded cells. */
    public ObjectNode json() {
        ObjectNode node = Json.object();
        node.put("title", title);
        ArrayNode columns = node.putArray("header");
        header.forEach(columns::add);
        ArrayNode lines = node.putArray("rows");
        for (List<Cell> row : rows) {
            ArrayNode line = lines.addArray();
            for (Cell cell : row) {
                line.add(cell.json());
            }
        }
        return node;
    }

    /**
     * The table as text in lines of at most {@code maxWidth} characters where possible, a rule
     * under the header: when the columns do not fit, they are split into groups that do, each
     * printed as its own table under the previous one (a blank line between) with the first
     * (label) column repeated. A single column wider than the limit is printed whole.
     */
    public String text(int maxWidth) {
        List<String[]> lines = new ArrayList<>();
        lines.add(header.toArray(new String[0]));
        for (List<Cell> row : rows) {
            String[] line = new String[row.size()];
            for (int c = 0; c < line.length; c++) {
                line[c] = row.get(c).plain();
            }
            lines.add(line);
        }
        int columns = header.size();
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
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
            group(out, lines, widths, first, end);
            first = end;
        } while (first < columns);
        return out.toString();
    }

    /** The label column and columns {@code [from, to)} of every line. */
    private static void group(StringBuilder out, List<String[]> lines, int[] widths, int from, int to) {
        for (int r = 0; r < lines.size(); r++) {
            String[] cells = lines.get(r);
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
