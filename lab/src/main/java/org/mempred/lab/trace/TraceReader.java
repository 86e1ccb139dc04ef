package org.mempred.lab.trace;

import com.carrotsearch.hppc.LongIntHashMap;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.mempred.heap.Granules;
import org.mempred.lab.workload.Characteristic;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.EventStream;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lab.workload.IdMaps;

/**
 * Streams a {@code mempred-trace} file of any {@link TraceFormat} version (docs/design.md "Trace
 * formats") as an {@link EventStream} of {@code ALLOCATE} and {@code FREE} events, in constant
 * memory whatever the file's length:
 *
 * <pre>
 *   # mempred-trace v2                 header, required as the first line (or v1)
 *   # any comment                      '#' lines and blank lines are skipped
 *   &lt;t_ns&gt; a &lt;id&gt; &lt;size&gt; &lt;site&gt;        allocate: decimal integers, size &lt; 2^31; site hex (v2 only)
 *   &lt;t_ns&gt; f &lt;id&gt;                      free
 * </pre>
 *
 * <p>Fields are separated by spaces or tabs; trailing blanks and {@code \r\n} endings are
 * accepted. Gzip input is recognised by its magic bytes (whatever the file's name).
 *
 * <p><b>Checks</b>: every malformed line, a time before the previous one, an allocation of an id
 * that is still live, a truncated or corrupt gzip stream: {@link TraceFormatException} naming the
 * file and line and what was expected. A free of an id that is not live is counted
 * ({@link #unknownFrees}) and skipped, as the design says.
 *
 * <p><b>Cost</b>: a hand-written byte-level parser over {@link LineSource}'s buffer, no regex,
 * no {@code String} and no boxing per line; one hash-map probe per event (live id to request size,
 * {@link IdMaps}: it starts small and grows with the live set, not the trace). {@code malloc(0)} still returns a distinct block, so a
 * size of 0 is reported as a 1-byte request. Not thread-safe.
 */
public final class TraceReader implements TraceSource {

    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final long LIMIT_DIV_10 = Long.MAX_VALUE / 10;
    private static final int LIMIT_LAST_DIGIT = (int) (Long.MAX_VALUE % 10);

    private final LineSource lines;
    private final LongIntHashMap live = IdMaps.toInt();
    private boolean headerRead;
    private int cursor;

    private final HeapEvent event = new HeapEvent();
    private TraceFormat format;
    private long timeNanos;
    private long id;

    private long events;
    private long allocations;
    private long unknownFrees;
    private long liveBytes;
    private long peakLiveBytes;
    private int maxRequestBytes;

    /** A reader of the already decoded (plain text) {@code in}; {@code name} is used in messages. */
    public TraceReader(InputStream in, String name) {
        this.lines = new LineSource(in, name);
    }

    /**
     * Opens {@code path}, plain or gzip (recognised by its magic bytes).
     *
     * @throws IOException when the file cannot be opened
     */
    public static TraceReader open(Path path) throws IOException {
        PushbackInputStream in = new PushbackInputStream(Files.newInputStream(path), 2);
        try {
            int first = in.read();
            int second = first < 0 ? -1 : in.read();
            if (second >= 0) {
                in.unread(second);
            }
            if (first >= 0) {
                in.unread(first);
            }
            boolean gzip = first == GZIP_MAGIC_0 && second == GZIP_MAGIC_1;
            return new TraceReader(gzip ? gunzip(in, path) : in, path.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A gzip stream over {@code in}; a bad gzip header is a format error, not an I/O one. */
    static InputStream gunzip(InputStream in, Path path) throws IOException {
        try {
            return new GZIPInputStream(in, LineSource.BUFFER_BYTES);
        } catch (ZipException | EOFException e) {
            throw new TraceFormatException(
                    path.toString(),
                    1,
                    "not gzip and not a mempred trace: it starts like gzip, but " + e.getMessage(),
                    e);
        }
    }

    @Override
    public boolean next() {
        if (!headerRead) {
            readHeader();
        }
        while (lines.nextLine()) {
            if (parseLine()) {
                events++;
                return true;
            }
        }
        return false;
    }

    /** The current event; never atomic: a trace does not say, {@link ReplayStream} marks atomics. */
    @Override
    public HeapEvent event() {
        return event;
    }

    /** {@code SITES} for a v2 trace; reads the header if no event was read yet. */
    @Override
    public Set<Characteristic> characteristics() {
        return Characteristic.of(format().hasSites());
    }

    /** The file's format version; reads the header if no event was read yet. */
    @Override
    public TraceFormat format() {
        if (!headerRead) {
            readHeader();
        }
        return format;
    }

    /** The trace's name (its path) as used in messages. */
    @Override
    public String name() {
        return lines.name();
    }

    /** Events returned so far (skipped frees of unknown ids excluded). */
    @Override
    public long events() {
        return events;
    }

    /** Allocations returned so far. */
    @Override
    public long allocations() {
        return allocations;
    }

    /** Frees of ids that were not live, counted and skipped. */
    @Override
    public long unknownFrees() {
        return unknownFrees;
    }

    /** Bytes live now as the heap counts them: each request rounded up to 16-byte granules. */
    @Override
    public long liveBytes() {
        return liveBytes;
    }

    /** The largest {@link #liveBytes} so far. */
    @Override
    public long peakLiveBytes() {
        return peakLiveBytes;
    }

    /** The largest request so far, in bytes. */
    @Override
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Ids live now. */
    public int liveIds() {
        return live.size();
    }

    /** 0: a {@code mempred-trace} records its own times. */
    @Override
    public long syntheticClockNanos() {
        return 0;
    }

    /** Closes the file; idempotent. */
    @Override
    public void close() {
        lines.close();
    }

    private void readHeader() {
        headerRead = true;
        if (!lines.nextLine()) {
            throw new TraceFormatException(
                    lines.name(), 1, "empty trace: expected the header line '" + TraceFormat.NEWEST.header() + "'");
        }
        int end = lines.lineEnd;
        while (end > lines.lineStart && (lines.buf[end - 1] == ' ' || lines.buf[end - 1] == '\t')) {
            end--;
        }
        for (TraceFormat candidate : TraceFormat.values()) {
            if (candidate.header() != null && lineIs(candidate.header(), end)) {
                format = candidate;
                return;
            }
        }
        if (lines.lineIsBinary()) {
            throw new TraceFormatException(
                    lines.name(),
                    1,
                    "not gzip and not a mempred trace: binary data where a header "
                            + String.join(" or ", TraceFormat.headers()) + " should be");
        }
        throw lines.error("expected the header '" + String.join("' or '", TraceFormat.headers())
                + "' (is this a mempred trace, of a version this build reads, or an AOSP memory_replay dump?)");
    }

    private boolean lineIs(String text, int end) {
        if (end - lines.lineStart != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (lines.buf[lines.lineStart + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Parses the current line; true when it is an event to return. */
    private boolean parseLine() {
        int end = lines.lineEnd;
        int start = skipBlanks(lines.lineStart, end);
        if (start == end || lines.buf[start] == '#') {
            return false;
        }
        cursor = start;
        long t = number(end, "the time t_ns");
        if (t < timeNanos) {
            throw lines.error("t_ns=" + t + " is before the previous event's t_ns=" + timeNanos
                    + ": expected non-decreasing times");
        }
        timeNanos = t;
        separator(end, "the operation 'a' or 'f'");
        byte op = lines.buf[cursor++];
        if (op == 'a') {
            separator(end, "the id");
            id = number(end, "the id");
            separator(end, "the size in bytes");
            long size = number(end, "the size in bytes");
            long site = HeapEvent.NO_SITE;
            if (format.hasSites()) {
                separator(end, "the site (hexadecimal)");
                site = hexNumber(end);
            }
            endOfLine(end, format.hasSites() ? "the site" : "the size");
            allocate(size, site);
            return true;
        }
        if (op == 'f') {
            separator(end, "the id");
            id = number(end, "the id");
            endOfLine(end, "the id");
            return free();
        }
        throw lines.error("expected the operation 'a' (allocate) or 'f' (free) after the time, found '"
                + (char) (op & 0xff) + "'");
    }

    private void allocate(long size, long site) {
        if (size > Integer.MAX_VALUE) {
            throw lines.error("size=" + size + " exceeds the largest request " + Integer.MAX_VALUE + " bytes");
        }
        int request = Math.max(1, (int) size);
        int slot = live.indexOf(id);
        if (live.indexExists(slot)) {
            throw lines.error("id=" + id + " is allocated while still live: expected its free first");
        }
        live.indexInsert(slot, id, request);
        event.allocate(timeNanos, id, request, false, site);
        allocations++;
        maxRequestBytes = Math.max(maxRequestBytes, request);
        liveBytes += Granules.roundUp(request);
        peakLiveBytes = Math.max(peakLiveBytes, liveBytes);
    }

    private boolean free() {
        int size = live.remove(id); // sizes are >= 1: 0 means the id is not live
        if (size == 0) {
            unknownFrees++;
            return false;
        }
        event.other(timeNanos, EventKind.FREE, id);
        liveBytes -= Granules.roundUp(size);
        return true;
    }

    private long number(int end, String what) {
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
            throw lines.error("expected " + what + " (a non-negative decimal integer) at column " + column(p));
        }
        cursor = p;
        return value;
    }

    private long hexNumber(int end) {
        byte[] b = lines.buf;
        int p = cursor;
        long value = 0;
        while (p < end) {
            int c = b[p];
            int digit = c >= '0' && c <= '9'
                    ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                break;
            }
            if (p - cursor == 16) {
                throw lines.error(
                        "the site has more than 16 hexadecimal digits (a 64-bit id) at column " + column(cursor));
            }
            value = value << 4 | digit;
            p++;
        }
        if (p == cursor) {
            throw lines.error("expected the site (1 to 16 hexadecimal digits) at column " + column(p));
        }
        cursor = p;
        return value;
    }

    private void separator(int end, String next) {
        int p = skipBlanks(cursor, end);
        if (p == cursor || p == end) {
            throw lines.error("expected a space and then " + next + " at column " + column(cursor));
        }
        cursor = p;
    }

    private void endOfLine(int end, String last) {
        if (skipBlanks(cursor, end) != end) {
            throw lines.error("expected the end of the line after " + last + " at column " + column(cursor));
        }
    }

    private int skipBlanks(int from, int end) {
        byte[] b = lines.buf;
        int p = from;
        while (p < end && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p;
    }

    private int column(int p) {
        return p - lines.lineStart + 1;
    }
}
