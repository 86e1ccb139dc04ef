package org.mempred.lab.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import org.mempred.lab.workload.Characteristic;
import org.mempred.lab.workload.Workload;

/**
 * A captured trace as a lab {@link Workload}: each {@link #open} re-reads the file (streaming,
 * constant memory) through a {@link ReplayStream}, so the same seed gives every policy the same
 * events, and the lab's runner treats a trace like any stressor.
 *
 * <p>Built on a {@link TraceCache}, each {@link #open} reads the trace's decoded events from the
 * cache instead (the same events, without inflating and parsing the text again).
 *
 * <p>The {@link TraceSummary} comes from a first pass ({@link TraceSummary#scan}); it supplies the
 * largest request, the trace's length and, for a dump without times, the synthetic clock the
 * first pass used (each re-read uses the same, so the replay matches the summary). Times are
 * replayed at {@code speed}. Any format {@link TraceSource#open} reads.
 */
public final class TraceWorkload implements Workload {
    private final Path path;
    private final TraceCache cache;
    private final TraceSummary summary;
    private final double speed;
    private final ReplayMarks marks;

    /** Replays {@code path}, summarised by {@code summary}, at {@code speed} with {@code marks}. */
    public TraceWorkload(Path path, TraceSummary summary, double speed, ReplayMarks marks) {
        this(path, null, summary, speed, marks);
    }

    /**
     * Replays the trace decoded in {@code cache} at {@code speed} with {@code marks}: every
     * {@link #open} reads the cache, not the text. The cache must stay open while this workload
     * is run.
     */
    public TraceWorkload(TraceCache cache, double speed, ReplayMarks marks) {
        this(cache.path(), cache, cache.summary(), speed, marks);
    }

    /**
     * Replays the trace decoded in {@code cache} as far as {@code summary} reaches (a summary of
     * its first part, {@link TraceSummary#until}, cuts the replay there) at
     * {@code speed} with {@code marks}. The cache must stay open while this workload is run.
     */
    public TraceWorkload(TraceCache cache, TraceSummary summary, double speed, ReplayMarks marks) {
        this(cache.path(), cache, summary, speed, marks);
    }

    private TraceWorkload(Path path, TraceCache cache, TraceSummary summary, double speed, ReplayMarks marks) {
        this.path = path;
        this.cache = cache;
        this.summary = summary;
        this.speed = ReplaySizing.requireSpeed(speed);
        this.marks = marks;
    }

    @Override
    public String name() {
        Path fileName = path.getFileName();
        return "trace " + (fileName == null ? path : fileName);
    }

    /**
     * A fresh replay marked from {@code seed}, cut at {@code durationNanos} of replayed time.
     *
     * @throws UncheckedIOException when the file cannot be opened
     */
    @Override
    public ReplayStream open(long seed, long durationNanos) {
        long clock = summary.syntheticClock() ? summary.syntheticClockNanos() : AospDumpReader.DEFAULT_NANOS_PER_CALL;
        try {
            TraceSource source = cache != null ? cache.open() : TraceSource.open(path, clock);
            return new ReplayStream(source, speed, marks, seed, durationNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open trace " + path, e);
        }
    }

    @Override
    public int maxRequestBytes() {
        return summary.maxRequestBytes();
    }

    /** {@code SITES} for a v2 trace, none for v1 or an AOSP dump. */
    @Override
    public Set<Characteristic> characteristics() {
        return Characteristic.of(summary.format().hasSites());
    }

    /** The first pass's summary. */
    public TraceSummary summary() {
        return summary;
    }

    /** Replay speed (replayed time = trace time / speed). */
    public double speed() {
        return speed;
    }

    /** How long the whole trace lasts when replayed. */
    public long replayNanos() {
        return ReplaySizing.replayNanos(summary.durationNanos(), speed);
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** The atomic and pin marks. */
    public ReplayMarks marks() {
        return marks;
    }
}
