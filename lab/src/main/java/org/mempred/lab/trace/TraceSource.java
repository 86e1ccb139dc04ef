package org.mempred.lab.trace;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.mempred.lab.workload.EventStream;

/**
 * A trace file read as an {@link EventStream} of {@code ALLOCATE} and {@code FREE} events, whatever
 * its {@link TraceFormat}, with the counters a first pass reports ({@link TraceSummary}). One
 * implementation per format family: {@link TraceReader} ({@code mempred-trace} v1, v2) and
 * {@link AospDumpReader} (AOSP {@code memory_replay} dumps), and {@link CachedTraceReader} for a
 * trace already decoded into a {@link TraceCache}. {@link #open} tells them apart by the
 * content, never by the file's name.
 *
 * <p>Every source streams in constant memory beyond its live set, returns trace times from 0,
 * non-decreasing, counts and skips frees of what is not live ({@link #unknownFrees}), and throws
 * {@link TraceFormatException} (file, line, what was expected) for a malformed line.
 */
public sealed interface TraceSource extends EventStream, Closeable
        permits TraceReader, AospDumpReader, CachedTraceReader {

    /**
     * Opens {@code path}: plain text, gzip or zip (by the magic bytes), then a {@code mempred-trace}
     * or an AOSP dump (by the first line); {@code nanosPerCall} is the synthetic clock of a dump
     * that records no times ({@link AospDumpReader}).
     *
     * @throws IOException when the file cannot be opened
     * @throws TraceFormatException when it is neither format, or a zip holds no trace
     */
    static TraceSource open(Path path, long nanosPerCall) throws IOException {
        return TraceInput.open(path, nanosPerCall);
    }

    /** The trace's name as used in messages: its path, and for a zip {@code path!entry}. */
    String name();

    /** The format read; for a {@code mempred-trace}, reads the header if no event was read yet. */
    TraceFormat format();

    /** Events returned so far. */
    long events();

    /** Allocations returned so far. */
    long allocations();

    /** Frees of what was not live, counted and skipped. */
    long unknownFrees();

    /** Bytes live now as the heap counts them: each request rounded up to 16-byte granules. */
    long liveBytes();

    /** The largest {@link #liveBytes} so far. */
    long peakLiveBytes();

    /** The largest request so far, in bytes. */
    int maxRequestBytes();

    /** Nanoseconds per allocator call of a synthetic clock; 0 when the times are the trace's own. */
    long syntheticClockNanos();

    /** Events whose recorded time was before the previous event's and was raised to it (AOSP dumps). */
    default long clampedTimes() {
        return 0;
    }

    /** Releases the file; idempotent, and an I/O error on close is unchecked. */
    @Override
    void close();
}
