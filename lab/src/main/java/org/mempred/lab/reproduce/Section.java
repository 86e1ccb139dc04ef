package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mempred.lab.report.JsonWriter;

/**
 * One numbered section of the reproduction: paragraphs, tables and charts in order, plus raw data
 * for results.json. Both outputs come from the same objects: report.md gets the rendered blocks,
 * results.json gets the paragraphs, the tables' unrounded cells, the chart files and the data.
 */
final class Section {
    private final int number;
    private final String title;
    private final List<Object> blocks = new ArrayList<>();
    private final List<String> dataNames = new ArrayList<>();
    private final List<Consumer<JsonWriter>> dataWriters = new ArrayList<>();

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

    Section table(ReportTable table) {
        blocks.add(table);
        return this;
    }

    Section image(String file, String caption) {
        blocks.add(new Image(file, caption));
        return this;
    }

    /** Raw data written under {@code data.name} in results.json. */
    Section data(String name, Consumer<JsonWriter> writer) {
        dataNames.add(name);
        dataWriters.add(writer);
        return this;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(number).append(". ").append(title).append("\n\n");
        for (Object block : blocks) {
            if (block instanceof ReportTable table) {
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

    void writeJson(JsonWriter json) {
        json.beginObject().name("number").value(number).name("title").value(title);
        json.name("paragraphs").beginArray();
        for (Object block : blocks) {
            if (block instanceof String text) {
                json.value(text);
            }
        }
        json.endArray().name("tables").beginArray();
        for (Object block : blocks) {
            if (block instanceof ReportTable table) {
                table.writeJson(json);
            }
        }
        json.endArray().name("charts").beginArray();
        for (Object block : blocks) {
            if (block instanceof Image image) {
                json.beginObject()
                        .name("file")
                        .value(image.file())
                        .name("caption")
                        .value(image.caption())
                        .endObject();
            }
        }
        json.endArray().name("data").beginObject();
        for (int i = 0; i < dataNames.size(); i++) {
            json.name(dataNames.get(i));
            dataWriters.get(i).accept(json);
        }
        json.endObject().endObject();
    }
}
