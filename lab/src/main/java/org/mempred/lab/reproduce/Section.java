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
 * One numbered section of the reproduction: paragraphs, tables and charts in order, plus raw data
 * for results.json. Both outputs come from the same objects: report.md gets the rendered blocks,
 * results.json gets the paragraphs, the tables' unrounded cells, the chart files and the data.
 */
final class Section {
    private final int number;
    private final String title;
    private final List<Object> blocks = new ArrayList<>();
    private final Map<String, JsonNode> data = new LinkedHashMap<>();

    /** A chart file embedded in the report. */
    private record Image(String file, String caption) {}

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
        blocks.add(text);
        return this;
    }

    Section table(Table table) {
        blocks.add(table);
        return this;
    }

    Section image(String file, String caption) {
        blocks.add(new Image(file, caption));
        return this;
    }

    /** Raw data written under {@code data.name} in results.json. */
    Section data(String name, JsonNode value) {
        data.put(name, value);
        return this;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(number).append(". ").append(title).append("\n\n");
        for (Object block : blocks) {
            if (block instanceof Table table) {
                out.append(table.markdown());
            } else if (block instanceof Image image) {
                out.append("![")
                        .append(image.caption())
                        .append("](")
                        .append(image.file())
                        .append(")\n");
            } else {
                out.append(block).append('\n');
            }
            out.append('\n');
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
        for (Object block : blocks) {
            if (block instanceof String text) {
                paragraphs.add(text);
            } else if (block instanceof Table table) {
                tables.add(table.json());
            } else if (block instanceof Image image) {
                charts.addObject().put("file", image.file()).put("caption", image.caption());
            }
        }
        ObjectNode raw = json.putObject("data");
        data.forEach(raw::set);
        return json;
    }
}
