package org.mempred.lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedIndentedJsonWithNullForNaN() {
        String json = new JsonWriter()
                .beginObject()
                .name("command")
                .value("stress")
                .name("pressure")
                .value(0.95)
                .name("seeds")
                .beginArray()
                .value(1)
                .value(2)
                .endArray()
                .name("skill")
                .value(Double.NaN)
                .name("empty")
                .beginObject()
                .endObject()
                .name("ok")
                .value(true)
                .name("n")
                .value(600.0)
                .endObject()
                .toString();
        assertThat(json)
                .isEqualTo("{\n  \"command\": \"stress\",\n  \"pressure\": 0.95,\n  \"seeds\": [\n    1,\n    2\n  ],\n"
                        + "  \"skill\": null,\n  \"empty\": {},\n  \"ok\": true,\n  \"n\": 600\n}\n");
    }

    @Test
    void escapesStrings() {
        String json = new JsonWriter().value("a\"b\\c\nd\u0001").toString();
        assertThat(json).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"\n");
    }

    @Test
    void misuseThrows() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().value(1)).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> new JsonWriter().beginArray().endObject()).hasMessageContaining("does not close");
        assertThatThrownBy(() -> new JsonWriter().beginArray().toString()).hasMessageContaining("still open");
        assertThatThrownBy(() -> new JsonWriter().name("x")).hasMessageContaining("only allowed inside an object");
        assertThatThrownBy(() -> new JsonWriter().value(1).value(2)).hasMessageContaining("one top-level value");
    }

    @Test
    void tableAlignsLabelsLeftAndNumbersRight() {
        String table = new Table(List.of("metric", "a", "bb"))
                .row(List.of("x", "1.0", "22.5"))
                .row(List.of("longer", "100.0", "3"))
                .render();
        assertThat(table)
                .isEqualTo("metric      a    bb\n" + "-------------------\n" + "x         1.0  22.5\n"
                        + "longer  100.0     3\n");
        assertThatThrownBy(() -> new Table(List.of("a")).row(List.of("1", "2"))).hasMessageContaining("2 cells");
    }

    @Test
    void tableWiderThanTheLimitWrapsIntoColumnGroupsRepeatingTheLabels() {
        Table table = new Table(List.of("metric", "aaaa", "bbbb", "cccc"))
                .row(List.of("x", "1", "2", "3"))
                .row(List.of("yy", "4", "5", "6"));
        assertThat(table.render(20))
                .isEqualTo("metric  aaaa  bbbb\n" + "------------------\n" + "x          1     2\n"
                        + "yy         4     5\n" + "\n" + "metric  cccc\n" + "------------\n" + "x          3\n"
                        + "yy         6\n");
        assertThat(table.render(20).lines()).allMatch(line -> line.length() <= 20);
        assertThat(table.render(100)).isEqualTo(table.render());
    }
}
