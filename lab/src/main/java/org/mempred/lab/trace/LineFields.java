package org.mempred.lab.trace;

import java.util.Arrays;

/**
 * A cursor over the fields of {@link LineSource}'s current line, for the dump reader: decimal and
 * hexadecimal numbers read straight from the buffer (no {@code String}), blanks between them, and
 * the errors that name the column and what was expected there.
 *
 * <pre>
 *   buf: ... [lineStart  field  blanks  field ... lineEnd) ...
 *                        ^cursor
 * </pre>
 *
 * <p>Every method moves {@link #cursor} past what it read or throws {@link TraceFormatException}
 * through {@link LineSource#error}, quoting the line. Cost: O(bytes of the field). Not thread-safe.
 */
final class LineFields {
    private static final long LIMIT_DIV_10 = Long.MAX_VALUE / 10;
    private static final int LIMIT_LAST_DIGIT = (int) (Long.MAX_VALUE % 10);
    private static final int HEX_DIGITS = 16;

    private final LineSource lines;
    int cursor;
    int end;

    LineFields(LineSource lines) {
        this.lines = lines;
    }

    /** Starts on the current line at its first non-blank byte; false for a blank line. */
    boolean start() {
        end = lines.lineEnd;
        cursor = skipBlanks(lines.lineStart);
        return cursor != end;
    }

    /** Whether only blanks are left. */
    boolean atEnd() {
        return skipBlanks(cursor) == end;
    }

    /** The byte at the cursor, or -1 at the end of the line. */
    int peek() {
        return cursor < end ? lines.buf[cursor] : -1;
    }

    /** A non-negative decimal integer, {@code what} naming it in errors. */
    long decimal(String what) {
        byte[] b = lines.buf;
        int p = cursor;
        long value = 0;
        while (p < end) {
            int digit = b[p] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            if (value >= LIMIT_DIV_10 && (value > LIMIT_DIV_10 || digit > LIMIT_LAST_DIGIT)) {
                throw lines.error(what + " exceeds " + Long.MAX_VALUE);
            }
            value = value * 10 + digit;
            p++;
        }
        if (p == cursor) {
            throw error("expected " + what + " (a non-negative decimal integer)", p);
        }
        cursor = p;
        return value;
    }

    /** 1 to 16 hexadecimal digits, after an optional {@code 0x} or {@code 0X}. */
    long hex(String what) {
        byte[] b = lines.buf;
        int p = cursor;
        if (p + 1 < end && b[p] == '0' && (b[p + 1] == 'x' || b[p + 1] == 'X')) {
            p += 2;
        }
        int digits = p;
        long value = 0;
        while (p < end) {
            int digit = Character.digit(b[p], HEX_DIGITS);
            if (digit < 0) {
                break;
            }
            if (p - digits == HEX_DIGITS) {
                throw error(what + " has more than 16 hexadecimal digits", cursor);
            }
            value = value << 4 | digit;
            p++;
        }
        if (p == digits) {
            throw error("expected " + what + " (hexadecimal, such as 0x7f12ab00)", cursor);
        }
        cursor = p;
        return value;
    }

    /** The index in {@code words} of the word at the cursor (up to the next blank). */
    int word(byte[][] words, String expected) {
        byte[] b = lines.buf;
        int p = cursor;
        while (p < end && b[p] != ' ' && b[p] != '\t') {
            p++;
        }
        for (int w = 0; w < words.length; w++) {
            if (Arrays.equals(b, cursor, p, words[w], 0, words[w].length)) {
                cursor = p;
                return w;
            }
        }
        throw error("expected " + expected, cursor);
    }

    /** One or more blanks followed by something, {@code next} naming it in errors. */
    void separator(String next) {
        int p = skipBlanks(cursor);
        if (p == cursor || p == end) {
            throw error("expected a space and then " + next, cursor);
        }
        cursor = p;
    }

    /** {@code text} at {@code column} of the current line, quoting the line. */
    TraceFormatException error(String text, int position) {
        return lines.error(text + " at column " + (position - lines.lineStart + 1));
    }

    /** {@code text}, quoting the line. */
    TraceFormatException error(String text) {
        return lines.error(text);
    }

    private int skipBlanks(int from) {
        byte[] b = lines.buf;
        int p = from;
        while (p < end && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p;
    }
}
