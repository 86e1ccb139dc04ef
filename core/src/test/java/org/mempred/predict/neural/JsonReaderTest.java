package org.mempred.predict.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    @Test
    void readsEveryKindOfValue() {
        Object value = JsonReader.parse(
                " {\"a\": [1, -2.5e3, 0.125], \"b\": \"x\\\"y\\u0041\\n\", \"c\": true, \"d\": false, \"e\": null, \"f\": {}}");

        assertThat(value).isInstanceOf(Map.class);
        Map<?, ?> members = (Map<?, ?>) value;
        assertThat(members.get("a")).isEqualTo(List.of(1.0, -2500.0, 0.125));
        assertThat(members.get("b")).isEqualTo("x\"yA\n");
        assertThat(members.get("c")).isEqualTo(Boolean.TRUE);
        assertThat(members.get("d")).isEqualTo(Boolean.FALSE);
        assertThat(members.containsKey("e")).isTrue();
        assertThat(members.get("e")).isNull();
        assertThat(members.get("f")).isEqualTo(Map.of());
        assertThat(JsonReader.parse("[]")).isEqualTo(List.of());
    }

    @Test
    void rejectsMalformedTextNamingTheOffset() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\": 1,}"))
                .hasMessageContaining("offset 8: expected a quoted key");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\": 1, \"a\": 2}")).hasMessageContaining("duplicate key \"a\"");
        assertThatThrownBy(() -> JsonReader.parse("[01]")).hasMessageContaining("invalid number");
        assertThatThrownBy(() -> JsonReader.parse("[1.]")).hasMessageContaining("invalid number");
        assertThatThrownBy(() -> JsonReader.parse("[1 2]")).hasMessageContaining("expected ',' or ']'");
        assertThatThrownBy(() -> JsonReader.parse("\"abc")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> JsonReader.parse("\"\\q\"")).hasMessageContaining("invalid escape");
        assertThatThrownBy(() -> JsonReader.parse("\"\\u12\"")).hasMessageContaining("\\u escape");
        assertThatThrownBy(() -> JsonReader.parse("tru")).hasMessageContaining("invalid literal");
        assertThatThrownBy(() -> JsonReader.parse("{} x")).hasMessageContaining("unexpected text after the value");
        assertThatThrownBy(() -> JsonReader.parse("")).hasMessageContaining("unexpected end of text");
        assertThatThrownBy(() -> JsonReader.parse("\"a\tb\"")).hasMessageContaining("control character");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\" 1}")).hasMessageContaining("expected ':'");
    }

    @Test
    void limitsNestingSoACorruptFileCannotOverflowTheStack() {
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 2);

        assertThatThrownBy(() -> JsonReader.parse(deep)).hasMessageContaining("nesting deeper than 32");
    }

    @Test
    void quotedStringsReadBackAsWritten() {
        String text = "a \"quoted\" \\ path\n\twith\u0001 controls and ünïcode";
        StringBuilder json = new StringBuilder();
        JsonStrings.quote(json, text);

        assertThat(json.toString()).doesNotContain("\n").startsWith("\"").endsWith("\"");
        assertThat(JsonReader.parse(json.toString())).isEqualTo(text);
    }
}
