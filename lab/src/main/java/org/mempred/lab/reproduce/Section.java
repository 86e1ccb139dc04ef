package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Table;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One numbered section of the reproduction: {@link Block}s in reading order, plus raw data for
 * results.json. Both outputs come from the same blocks: report.md gets them rendered in order,
 * results.json gets the paragraphs, the tables' unrounded cells, the chart files and the data.
 * Built by one section on one thread, then only read.
 */
final class Section {
    private final int number;
    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, JsonNode> data = new LinkedHashMap<>();

    Section(int number, String title) {
        this.number = number;
        this.title = title;
    }

    int number() {
        return number;
    }

    String title() {
        return title;
    }

    Section paragraph(String text) {
        blocks.add(new Block.Paragraph(text));
        return this;
    }

    Section table(Table table) {
        blocks.add(new Block.Tabular(table));
        return this;
    }

    /** Declares a chart the section has drawn into the output directory as {@code file}. */
    Section chart(String file, String caption) {
        blocks.add(new Block.Chart(file, caption));
        return this;
    }

    /** Raw data written under {@code data.name} in results.json. */
    Section data(String name, JsonNode value) {
        data.put(name, value);
        return this;
    }

    /** The chart files this section drew, in order. */
    List<String> charts() {
        List<String> files = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Chart chart) {
                files.add(chart.file());
            }
        }
        return files;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(number).append(". ").append(title).append("\n\n");
        for (Block block : blocks) {
            out.append(block.markdown()).append('\n');
        }
        return out.toString();
    }

    ObjectNode json() {
        ObjectNode json = Json.object();
        json.put("number", number);
        json.put("title", title);
        ArrayNode paragraphs = json.putArray("paragraphs");
        ArrayNode tables = json.putArray("tables");
        ArrayNode charts = json.putArray("charts");
        for (Block block : blocks) {
            switch (block) {
                case Block.Paragraph paragraph -> paragraphs.add(paragraph.text());
                case Block.Tabular tabular -> tables.add(tabular.table().json());
                case Block.Chart chart ->
                    charts.addObject().put("file", chart.file()).put("caption", chart.caption());
            }
        }
        ObjectNode raw = json.putObject("data");
        data.forEach(raw::set);
        return json;
    }
}
