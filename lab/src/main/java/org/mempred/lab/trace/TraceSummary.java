package org.mempred.lab.trace;

import java.io.IOException;
import java.nio.file.Path;

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
 * @param format the file's format version (v2 carries allocation sites)
 */
public record TraceSummary(
        String name,
        long events,
        long allocations,
        long unknownFrees,
        long peakLiveBytes,
        int maxRequestBytes,
        long durationNanos,
        TraceFormat format) {

    /** Frees among the events. */
    public long frees() {
        return events - allocations;
    }

    /**
     * Reads {@code path} to its end.
     *
     * @throws IOException when it cannot be read
     * @throws TraceFormatException when it is malformed
     */
    public static TraceSummary scan(Path path) throws IOException {
        try (TraceReader reader = TraceReader.open(path)) {
            return of(reader);
        }
    }

    /** Drains {@code reader} and summarises what it read. */
    public static TraceSummary of(TraceReader reader) {
        long lastTimeNanos = 0;
        while (reader.next()) {
            lastTimeNanos = reader.event().timeNanos();
        }
        return read(reader, lastTimeNanos);
    }

    /** What {@code reader} has read so far, its last event at {@code lastTimeNanos}. */
    static TraceSummary read(TraceReader reader, long lastTimeNanos) {
        return new TraceSummary(
                reader.name(),
                reader.events(),
                reader.allocations(),
                reader.unknownFrees(),
                reader.peakLiveBytes(),
                reader.maxRequestBytes(),
                lastTimeNanos,
                reader.format());
    }
}
