package org.mempred.predict.neural;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny strict JSON (RFC 8259) reader for mempred's own small files: objects become {@code
 * Map<String, Object>} (insertion order, duplicate keys rejected), arrays {@code List<Object>},
 * numbers {@code Double}, plus {@code String}, {@code Boolean} and {@code null}. Errors throw
 * {@link IllegalArgumentException} naming the character offset. Nesting is limited to {@value
 * #MAX_DEPTH} levels so a corrupt file cannot overflow the stack. Not for hot paths.
 */
final class JsonReader {
    static final int MAX_DEPTH = 32;

    private final String text;
    private int position;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value {@code text} holds; nothing but white space may follow it. */
    static Object parse(String text) {
        JsonReader reader = new JsonReader(text);
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        if (position >= text.length()) {
            throw error("unexpected end of text");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> members = new LinkedHashMap<>();
        position++;
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a quoted key");
            }
            String key = string();
            if (members.containsKey(key)) {
                throw error("duplicate key \"" + key + "\"");
            }
            expect(':');
            members.put(key, value(depth + 1));
            if (!separator('}')) {
                return members;
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> elements = new ArrayList<>();
        position++;
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return elements;
        }
        while (true) {
            elements.add(value(depth + 1));
            if (!separator(']')) {
                return elements;
            }
        }
    }

    /** Consumes ',' (returns true: more follows) or {@code close} (returns false). */
    private boolean separator(char close) {
        skipWhitespace();
        char c = peek();
        position++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        position--;
        throw error("expected ',' or '" + close + "'");
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        position++;
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            out.append(c == '\\' ? escape() : c);
        }
    }

    private char escape() {
        char c = position < text.length() ? text.charAt(position++) : '\0';
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw error("invalid escape");
        };
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
        }
    }

    private Double number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        int digits = digits();
        if (digits == 0 || (digits > 1 && text.charAt(position - digits) == '0')) {
            position = start;
            throw error("invalid number");
        }
        if (peek() == '.') {
            position++;
            requireDigits(start);
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            requireDigits(start);
        }
        return Double.valueOf(text.substring(start, position));
    }

    private void requireDigits(int start) {
        if (digits() == 0) {
            position = start;
            throw error("invalid number");
        }
    }

    private int digits() {
        int start = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        return position - start;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("invalid literal");
        }
        position += word.length();
        return value;
    }

    private void expect(char c) {
        skipWhitespace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("JSON syntax at offset " + position + ": " + problem);
    }
}
