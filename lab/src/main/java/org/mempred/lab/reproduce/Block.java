package org.mempred.lab.reproduce;

import org.mempred.lab.report.Table;

/**
 * One block of a {@link Section}, in reading order: a paragraph, a table or a chart. A closed set:
 * the renderers of report.md and results.json switch over it, so a new kind of block is a
 * compile error everywhere it must be handled.
 */
sealed interface Block {
    /** A paragraph of prose (Markdown). */
    record Paragraph(String text) implements Block {}

    /** A table: Markdown in the report, unrounded cells in the JSON. */
    record Tabular(Table table) implements Block {}

    /**
     * A chart file the section drew into the output directory, embedded in the report with its
     * caption; the section that draws a chart is the one that declares it.
     */
    record Chart(String file, String caption) implements Block {}

    /** The block in report.md, without the blank line that separates blocks. */
    default String markdown() {
        return switch (this) {
            case Paragraph paragraph -> paragraph.text() + "\n";
            case Tabular tabular -> tabular.table().markdown();
            case Chart chart -> "![" + chart.caption() + "](" + chart.file() + ")\n";
        };
    }
}
