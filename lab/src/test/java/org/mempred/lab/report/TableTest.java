package org.mempred.lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.stats.Summary;
import tools.jackson.databind.JsonNode;

class TableTest {
    private static Table table() {
        Summary pressure = new Summary(3, 0.5, 0.01, 0.49, 0.51);
        Summary change = new Summary(3, -2048, 100, -3072, -1024);
        return new Table("T | one", List.of("metric", "value", "change"))
                .row(List.of(
                        Cell.text("pressure %"),
                        Cell.estimate(pressure, Metric.Display.PERCENT, false),
                        Cell.estimate(change, Metric.Display.KIB, true)))
                .row(List.of(Cell.text("  of which | part"), Cell.value(Double.NaN, 1), Cell.count(7)));
    }

    @Test
    void textKeepsIndentationAlignsNumbersAndPadsUnstarredChanges() {
        assertThat(table().text(Integer.MAX_VALUE)).isEqualTo("""
                        metric                  value        change
                        -------------------------------------------
                        pressure %         50.0 ± 1.0  -2.0 ± 1.0 *
                          of which | part           -             7
                        """);
    }

    @Test
    void textSplitsColumnsThatDoNotFitAndRepeatsTheLabels() {
        String text = table().text(32);
        assertThat(text.split("\n\n")).hasSize(2);
        assertThat(text.lines().filter(line -> line.startsWith("  of which"))).hasSize(2);
    }

    @Test
    void markdownStripsLabelsAndEscapesPipes() {
        assertThat(table().markdown()).isEqualTo("""
                        **T | one**

                        | metric | value | change |
                        |---|---:|---:|
                        | pressure % | 50.0 ± 1.0 | -2.0 ± 1.0 * |
                        | of which \\| part | - | 7 |
                        """);
    }

    @Test
    void jsonHoldsTheSameCellsUnroundedInTheShownUnit() {
        JsonNode json = Json.read(Json.write(table().json()));
        assertThat(json.get("title").asString()).isEqualTo("T | one");
        assertThat(json.get("header").size()).isEqualTo(3);
        JsonNode first = json.get("rows").get(0);
        assertThat(first.get(0).asString()).isEqualTo("pressure %");
        assertThat(first.get(1).get("mean").asDouble()).isEqualTo(50.0);
        assertThat(first.get(2).get("ci95").get(1).asDouble()).isEqualTo(-1.0);
        JsonNode second = json.get("rows").get(1);
        assertThat(second.get(0).asString()).isEqualTo("of which | part");
        assertThat(second.get(1).isNull()).as("NaN is null").isTrue();
        assertThat(second.get(2).isIntegralNumber()).isTrue();
    }

    @Test
    void rowsMustMatchTheHeader() {
        assertThatThrownBy(() -> table().row(List.of(Cell.text("x"))))
                .hasMessageContaining("row has 1 cells, table 'T | one' has 3 columns");
    }
}
