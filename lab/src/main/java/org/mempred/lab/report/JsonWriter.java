package org.mempred.lab.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The lab's one JSON writer: a small streaming builder that keeps commas and nesting right and
 * writes indented, stable output (keys in call order). Non-finite numbers (NaN means "does not
 * apply" throughout the lab) are written as {@code null}. Misuse (a value where a name is due,
 * unbalanced ends) throws {@link IllegalStateException}.
 *
 * <pre>
 *   new JsonWriter().beginObject().name("seeds").beginArray().value(1).value(2).endArray().endObject().toString()
 * </pre>
 */
public final class JsonWriter {
    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private boolean nameWritten;

    /** Nesting state: an object expects names, an array values; {@code count} tracks commas. */
    private static final class Frame {
        final boolean object;
        int count;

        Frame(boolean object) {
            this.object = object;
        }
    }

    /** An empty writer. */
    public JsonWriter() {}

    /** Opens an object. */
    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        stack.push(new Frame(true));
        return this;
    }

    /** Closes the innermost object. */
    public JsonWriter endObject() {
        return end(true, '}');
    }

    /** Opens an array. */
    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        stack.push(new Frame(false));
        return this;
    }

    /** Closes the innermost array. */
    public JsonWriter endArray() {
        return end(false, ']');
    }

    /** Writes the name of the next member of the current object. */
    public JsonWriter name(String name) {
        Frame frame = stack.peek();
        if (frame == null || !frame.object || nameWritten) {
            throw new IllegalStateException("name '" + name + "' is only allowed inside an object, once per member");
        }
        separate(frame);
        string(name);
        out.append(": ");
        nameWritten = true;
        return this;
    }

    /** Writes a string value (null writes {@code null}). */
    public JsonWriter value(String value) {
        beforeValue();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    /** Writes an integer value. */
    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** Writes a number; NaN and infinities write {@code null}. */
    public JsonWriter value(double value) {
        beforeValue();
        if (Double.isFinite(value)) {
            out.append(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : value);
        } else {
            out.append("null");
        }
        return this;
    }

    /** Writes a boolean value. */
    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** The document so far; complete once every object and array is closed. */
    @Override
    public String toString() {
        if (!stack.isEmpty()) {
            throw new IllegalStateException(stack.size() + " object(s) or array(s) still open");
        }
        return out.append('\n').toString();
    }

    private JsonWriter end(boolean object, char close) {
        Frame frame = stack.peek();
        if (frame == null || frame.object != object || nameWritten) {
            throw new IllegalStateException("'" + close + "' does not close the innermost " + describe(frame));
        }
        stack.pop();
        if (frame.count > 0) {
            newline();
        }
        out.append(close);
        return this;
    }

    private void beforeValue() {
        Frame frame = stack.peek();
        if (frame == null) {
            if (!out.isEmpty()) {
                throw new IllegalStateException("a JSON document has one top-level value");
            }
            return;
        }
        if (frame.object) {
            if (!nameWritten) {
                throw new IllegalStateException("a value inside an object needs a name first");
            }
            nameWritten = false;
            return;
        }
        separate(frame);
    }

    private void separate(Frame frame) {
        if (frame.count++ > 0) {
            out.append(',');
        }
        newline();
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < stack.size(); i++) {
            out.append(INDENT);
        }
    }

    private static String describe(Frame frame) {
        return frame == null ? "(nothing is open)" : frame.object ? "object" : "array";
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
