package org.mempred.lab.report;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lab's one way to JSON: documents are built as Jackson trees ({@link ObjectNode}, keys in
 * insertion order) and written indented, one document per file, ending in a newline. NaN means
 * "does not apply" throughout the lab; {@link #number} turns it (and the infinities) into
 * {@code null}, so every document is strict JSON; integral numbers are written without a decimal point. The mapper is immutable and shared.
 */
public final class Json {
    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** An empty object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** An empty array. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * {@code value} as a number node: integral values as integers (a mean count of 3 reads
     * {@code 3}), others as doubles, NaN and the infinities as {@code null}.
     */
    public static JsonNode number(double value) {
        if (!Double.isFinite(value)) {
            return NODES.nullNode();
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? NODES.numberNode((long) value)
                : NODES.numberNode(value);
    }

    /** An array of {@code values}, each as {@link #number} writes it. */
    public static ArrayNode numbers(double... values) {
        ArrayNode array = array();
        for (double value : values) {
            array.add(number(value));
        }
        return array;
    }

    /** A string node. */
    public static JsonNode string(String value) {
        return NODES.stringNode(value);
    }

    /** The document, indented, with a final newline. */
    public static String write(JsonNode document) {
        return MAPPER.writeValueAsString(document) + "\n";
    }

    /** Parses a document (for readers of the lab's output, tests among them). */
    public static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }
}
