package org.mempred.predict.neural;

import java.util.Locale;

/**
 * The core's one JSON writer: quotes a string as a JSON string literal. {@code core} depends on
 * nothing but the JDK, so it writes its one document (the weights file, {@link WeightsFile})
 * by hand and reads it with {@link JsonReader}; everything else in mempred writes JSON with
 * Jackson. Escapes {@code "} and {@code \} with a backslash and every control character below
 * U+0020 as {@code \}{@code u00XX}; everything else is copied as is (the file is UTF-8).
 */
final class JsonStrings {
    private JsonStrings() {}

    /** Appends {@code value} to {@code out} as a quoted JSON string. */
    static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
