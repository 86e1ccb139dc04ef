package org.mempred.lab.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.HeapEvent;

/**
 * A trace decoded once per command run into a compact binary temporary file, which every policy
 * and seed that replays the trace then reads ({@link #open}) instead of inflating and parsing its
 * text again, as Android's {@code memory_replay} tooling converts its text dumps for the same
 * reason. The decoding pass is the first pass too: it validates the trace and yields its
 * {@link TraceSummary}.
 *
 * <p><b>Record layout</b> (one a returned event, in trace order; varints are unsigned LEB128, 7
 * bits a byte, low first):
 *
 * <pre>
 *   byte   flags       bit 0: kind (0 ALLOCATE, 1 FREE); bit 1: a site follows; bit 2: a thread follows
 *   varint timeDelta   time - previous record's time (times are non-decreasing: &gt;= 0)
 *   varint id
 *   varint size        ALLOCATE only (1 .. 2^31-1)
 *   8 bytes site       when bit 1 (big-endian; a site of 0, unknown, is not written)
 *   varint thread      when bit 2: the thread differs from the previous record's (first: from 0)
 * </pre>
 *
 * <p>Size: about 5 bytes an event without sites and 9.5 with them on the shipped traces, near
 * their gzip text (5 to 7 bytes an event); a 50 M-event trace takes a few hundred MB of temporary
 * disk. The file is deleted by {@link #close}, or at the latest when the JVM exits. <b>Memory</b>: the file
 * lives on disk, never in the heap; writer and each reader hold one {@value #BUFFER_BYTES}-byte
 * buffer, and a reader the live ids (for its counters), so memory is proportional to the live
 * set times the threads replaying, never to the trace's length. <b>Identity</b>: a reader returns
 * exactly the events (time, kind, id, size, site, thread) the trace's own reader returned, so a
 * replay from the cache gives the same results byte for byte. {@link #open} is thread-safe (each
 * reader has its own channel); {@link #close} deletes the file and must follow the last reader.
 */
public final class TraceCache implements Closeable {
    static final int BUFFER_BYTES = 1 << 16;
    /** The longest record: flags, three 10-byte varints, a site, a 5-byte thread. */
    static final int MAX_RECORD_BYTES = 1 + 10 + 10 + 10 + 8 + 5;

    static final int FREE = 1;
    static final int SITE = 2;
    static final int THREAD = 4;

    private final Path path;
    private final Path file;
    private final TraceSummary summary;
    private final long bytes;

    private TraceCache(Path path, Path file, TraceSummary summary, long bytes) {
        this.path = path;
        this.file = file;
        this.summary = summary;
        this.bytes = bytes;
    }

    /**
     * Reads {@code trace} (any format, {@link TraceSource#open}; {@code nanosPerCall} for a dump
     * without times) once, writing its events to a new temporary file.
     *
     * @throws IOException when the trace cannot be read or the file cannot be written
     * @throws TraceFormatException when the trace is malformed (the file is then deleted)
     */
    public static TraceCache decode(Path trace, long nanosPerCall) throws IOException {
        return decode(trace, nanosPerCall, null);
    }

    /** As {@link #decode(Path, long)}, the file in {@code directory} (null: the system's temporary directory). */
    static TraceCache decode(Path trace, long nanosPerCall, Path directory) throws IOException {
        Path file = directory == null
                ? Files.createTempFile("mempred-events-", ".bin")
                : Files.createTempFile(directory, "mempred-events-", ".bin");
        file.toFile().deleteOnExit();
        try (TraceSource source = TraceSource.open(trace, nanosPerCall);
                Writer writer = new Writer(FileChannel.open(file, StandardOpenOption.WRITE))) {
            TraceSummary summary = TraceSummary.of(source, writer::write);
            writer.flush();
            return new TraceCache(trace, file, summary, writer.written);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The trace file this cache decoded. */
    public Path path() {
        return path;
    }

    /** What the decoding pass learned. */
    public TraceSummary summary() {
        return summary;
    }

    /** Size of the cache file in bytes. */
    public long bytes() {
        return bytes;
    }

    /**
     * A fresh reader of the decoded events, from the first.
     *
     * @throws IOException when the file cannot be opened
     */
    public TraceSource open() throws IOException {
        return new CachedTraceReader(FileChannel.open(file, StandardOpenOption.READ), summary);
    }

    /** Deletes the file; idempotent. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the event cache " + file, e);
        }
    }

    /** Appends records to the file through one buffer. */
    private static final class Writer implements Closeable {
        private final FileChannel channel;
        private final byte[] buf = new byte[BUFFER_BYTES];
        private final ByteBuffer view = ByteBuffer.wrap(buf);
        private int pos;
        private long written;
        private long timeNanos;
        private int thread;

        Writer(FileChannel channel) {
            this.channel = channel;
        }

        void write(HeapEvent event) {
            if (pos > buf.length - MAX_RECORD_BYTES) {
                flush();
            }
            long delta = event.timeNanos() - timeNanos;
            if (delta < 0) {
                throw new IllegalStateException(
                        "time " + event.timeNanos() + " before the previous event's " + timeNanos);
            }
            timeNanos = event.timeNanos();
            boolean allocate = event.kind() == EventKind.ALLOCATE;
            boolean site = allocate && event.site() != HeapEvent.NO_SITE;
            boolean newThread = event.threadId() != thread;
            buf[pos++] = (byte) ((allocate ? 0 : FREE) | (site ? SITE : 0) | (newThread ? THREAD : 0));
            varint(delta);
            varint(event.id());
            if (allocate) {
                varint(event.sizeBytes());
            }
            if (site) {
                long value = event.site();
                for (int shift = 56; shift >= 0; shift -= 8) {
                    buf[pos++] = (byte) (value >>> shift);
                }
            }
            if (newThread) {
                thread = event.threadId();
                varint(thread & 0xFFFF_FFFFL);
            }
        }

        private void varint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        void flush() {
            view.clear().limit(pos);
            try {
                while (view.hasRemaining()) {
                    channel.write(view);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing the event cache", e);
            }
            written += pos;
            pos = 0;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
