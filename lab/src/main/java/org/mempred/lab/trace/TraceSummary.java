package org.mempred.lab.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.mempred.lab.workload.HeapEvent;

/**
 * What a first pass over a trace learns: enough to size a replay heap ({@code --heap auto}) and
 * to pick a replay speed. One streaming pass, constant memory beyond the live set.
 *
 * @param name the trace's name (its path)
 * @param events events (allocations and frees of live ids)
 * @param allocations allocations
 * @param unknownFrees frees of ids that were not live (skipped)
 * @param peakLiveBytes the largest live set, each request rounded up to 16-byte granules as the
 *     heap counts it
 * @param maxRequestBytes the largest single request
 * @param durationNanos time of the last event (trace time starts at 0)
 * @param format the file's format (v2 carries allocation sites; an AOSP dump threads)
 * @param syntheticClockNanos nanoseconds per allocator call of the synthetic clock the times come
 *     from (an AOSP dump without timestamps), 0 when they are the trace's own; a replay re-opens
 *     the trace with the same clock
 * @param clampedTimes events whose recorded time was before the previous event's and was raised
 *     to it (calls overlapping on several threads of an AOSP dump)
 */
public record TraceSummary(
        String name,
        long events,
        long allocations,
        long unknownFrees,
        long peakLiveBytes,
        int maxRequestBytes,
        long durationNanos,
        TraceFormat format,
        long syntheticClockNanos,
        long clampedTimes) {

    /** A summary of a trace whose times are its own (every {@code mempred-trace}). */
    public TraceSummary(
            String name,
            long events,
            long allocations,
            long unknownFrees,
            long peakLiveBytes,
            int maxRequestBytes,
            long durationNanos,
            TraceFormat format) {
        this(name, events, allocations, unknownFrees, peakLiveBytes, maxRequestBytes, durationNanos, format, 0, 0);
    }

    /** Frees among the events. */
    public long frees() {
        return events - allocations;
    }

    /** Whether the times come from a synthetic clock rather than the trace. */
    public boolean syntheticClock() {
        return syntheticClockNanos > 0;
    }

    /**
     * Reads {@code path} (any format, {@link TraceSource#open}) to its end; a dump without times
     * gets the default clock, {@value AospDumpReader#DEFAULT_NANOS_PER_CALL} ns per call.
     *
     * @throws IOException when it cannot be read
     * @throws TraceFormatException when it is malformed
     */
    public static TraceSummary scan(Path path) throws IOException {
        return scan(path, AospDumpReader.DEFAULT_NANOS_PER_CALL);
    }

    /**
     * Reads {@code path} (any format) to its end; a dump without times gets {@code nanosPerCall}.
     *
     * @throws IOException when it cannot be read
     * @throws TraceFormatException when it is malformed
     */
    public static TraceSummary scan(Path path, long nanosPerCall) throws IOException {
        try (TraceSource source = TraceSource.open(path, nanosPerCall)) {
            return of(source);
        }
    }

    /**
     * Reads {@code reader} up to trace time {@code untilNanos}: a summary of the program's first
     * {@code untilNanos}, for a replay cut there. The reader sees an event's time only by reading
     * it, so the counts include the first event after the cut (one event; the peak live bytes may
     * exceed the cut's by that one request); the duration is the last time at or before the cut.
     */
    public static TraceSummary until(TraceSource reader, long untilNanos) {
        if (untilNanos <= 0) {
            throw new IllegalArgumentException("untilNanos=" + untilNanos + " must be > 0");
        }
        long lastTimeNanos = 0;
        while (reader.next()) {
            if (reader.event().timeNanos() > untilNanos) {
                break;
            }
            lastTimeNanos = reader.event().timeNanos();
        }
        return read(reader, lastTimeNanos);
    }

    /** Drains {@code reader} and summarises what it read. */
    public static TraceSummary of(TraceSource reader) {
        return of(reader, event -> {});
    }

    /** Drains {@code reader}, handing every event to {@code sink}, and summarises what it read. */
    static TraceSummary of(TraceSource reader, Consumer<HeapEvent> sink) {
        long lastTimeNanos = 0;
        while (reader.next()) {
            sink.accept(reader.event());
            lastTimeNanos = reader.event().timeNanos();
        }
        return read(reader, lastTimeNanos);
    }

    /** What {@code reader} has read so far, its last event at {@code lastTimeNanos}. */
    static TraceSummary read(TraceSource reader, long lastTimeNanos) {
        return new TraceSummary(
                reader.name(),
                reader.events(),
                reader.allocations(),
                reader.unknownFrees(),
                reader.peakLiveBytes(),
                reader.maxRequestBytes(),
                lastTimeNanos,
                reader.format(),
                reader.syntheticClockNanos(),
                reader.clampedTimes());
    }
}
