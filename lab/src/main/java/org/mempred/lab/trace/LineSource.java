package org.mempred.lab.trace;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.ZipException;

/**
 * The lines of a trace as byte ranges of one reused buffer: no {@code String}, no copy per line.
 *
 * <pre>
 *   buf: [ consumed | line ... '\n' | next lines ... | partial line | free ]
 *                  ^lineStart     ^lineEnd           ^pos            ^limit
 * </pre>
 *
 * <p>{@link #nextLine()} scans from {@code pos} for {@code '\n'}; when the buffer holds no whole
 * line it moves the partial line to the front and reads more, so memory is one buffer whatever the
 * trace's length. {@code lineEnd} excludes the {@code '\n'} and a {@code '\r'} before it; a last
 * line without {@code '\n'} still counts. A line longer than the buffer is an error. A gzip stream
 * that ends early or is corrupt becomes a {@link TraceFormatException} naming the line reached.
 * Cost: O(bytes) in total, one {@code read} per {@value #BUFFER_BYTES} bytes.
 */
final class LineSource implements Closeable {
    static final int BUFFER_BYTES = 1 << 16;
    private static final int SHOWN_BYTES = 80;

    final byte[] buf = new byte[BUFFER_BYTES];
    int lineStart;
    int lineEnd;

    private final InputStream in;
    private final String name;
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNumber;

    LineSource(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** 1-based number of the current line (0 before the first). */
    long lineNumber() {
        return lineNumber;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean nextLine() {
        int i = pos;
        while (true) {
            byte[] b = buf;
            int end = limit;
            while (i < end && b[i] != '\n') {
                i++;
            }
            if (i < end) {
                setLine(pos, i);
                pos = i + 1;
                return true;
            }
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                setLine(pos, limit);
                pos = limit;
                return true;
            }
            i = refill();
        }
    }

    /** Throws a {@link TraceFormatException} for the current line, quoting it. */
    TraceFormatException error(String detail) {
        return new TraceFormatException(name, lineNumber, detail + " in line \"" + lineText() + "\"");
    }

    /**
     * The current line as text for messages, shortened to {@value #SHOWN_BYTES} bytes, every byte
     * outside printable ASCII shown as {@code ?} (a binary file never reaches the terminal).
     */
    String lineText() {
        int length = Math.min(lineEnd - lineStart, SHOWN_BYTES);
        StringBuilder text = new StringBuilder(length + 3);
        for (int i = lineStart; i < lineStart + length; i++) {
            text.append(printable(buf[i]) ? (char) buf[i] : '?');
        }
        return length < lineEnd - lineStart ? text + "..." : text.toString();
    }

    /** Whether the current line holds a byte that is neither printable ASCII nor a tab. */
    boolean lineIsBinary() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (!printable(buf[i]) && buf[i] != '\t') {
                return true;
            }
        }
        return false;
    }

    private static boolean printable(byte b) {
        return b >= 0x20 && b < 0x7f;
    }

    private void setLine(int start, int end) {
        lineNumber++;
        lineStart = start;
        lineEnd = end > start && buf[end - 1] == '\r' ? end - 1 : end;
    }

    /** Moves the partial line to the front, reads more; returns where scanning resumes. */
    private int refill() {
        int carried = limit - pos;
        if (carried == buf.length) {
            throw new TraceFormatException(
                    name, lineNumber + 1, "line longer than " + BUFFER_BYTES + " bytes: expected one event per line");
        }
        System.arraycopy(buf, pos, buf, 0, carried);
        pos = 0;
        limit = carried;
        int wanted = buf.length - limit;
        int n = readFully(buf, limit, wanted);
        limit += n;
        eof = n < wanted;
        return carried;
    }

    /** Reads up to {@code length} bytes; fewer only at the end of the input. */
    private int readFully(byte[] into, int offset, int length) {
        try {
            return in.readNBytes(into, offset, length);
        } catch (EOFException e) {
            throw new TraceFormatException(
                    name,
                    lineNumber + 1,
                    "truncated gzip: the compressed data ends before its trailer (an interrupted copy or capture?)",
                    e);
        } catch (ZipException e) {
            throw new TraceFormatException(name, lineNumber + 1, "corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading trace " + name + " after line " + lineNumber, e);
        }
    }

    /** Closes the input; idempotent (the input's own close is). */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing trace " + name, e);
        }
    }
}
