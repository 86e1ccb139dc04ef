package org.mempred.lab.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mempred.lab.trace.AospDumpReader;
import org.mempred.lab.trace.ReplayMarks;
import org.mempred.lab.trace.ReplaySizing;
import org.mempred.lab.trace.TraceCache;
import org.mempred.lab.trace.TraceSource;
import org.mempred.lab.trace.TraceSummary;
import org.mempred.lab.trace.TraceWorkload;
import org.mempred.predict.PredictorConfig;

/**
 * The traces one reproduction replays: the short recordings directly in the traces directory and
 * the long-running programs in its {@code long/} folder. Each is decoded once ({@link
 * TraceCache}), which is also its first pass, and every section and run that replays it reads the
 * decoded events instead of inflating and parsing the text again; {@link #close} deletes them.
 *
 * <p>A long-running program is replayed in full, or, when the settings cut it ({@link
 * ReproduceSettings#longTraceCutNanos}, a quick run), for its first minutes only: its heap is
 * then sized on the peak live bytes of that part, read from the decoded events ({@link
 * TraceSummary#until}), so a cut is judged at the same pressure as the whole.
 */
final class ReplayTraces implements AutoCloseable {
    /** The folder of the long-running programs, inside the traces directory. */
    static final String LONG = "long";

    /**
     * One trace as the report replays it.
     *
     * @param file the trace's file name
     * @param longRunning whether it is a long-running program (from {@code long/})
     * @param cut whether only its first part is replayed
     * @param workload the replay: the decoded events, the summary of the part replayed, the
     *     default speed (stretched to 12 horizons when shorter), the stressor's marks
     */
    record Trace(String file, boolean longRunning, boolean cut, TraceWorkload workload) {}

    private final List<TraceCache> caches = new ArrayList<>();
    private final List<Trace> traces = new ArrayList<>();

    private ReplayTraces() {}

    /** Decodes every trace the settings name; a trace that cannot be read fails the run, naming it. */
    static ReplayTraces open(ReproduceSettings settings) {
        ReplayTraces opened = new ReplayTraces();
        try {
            for (Path trace : list(settings.tracesDir())) {
                opened.add(trace, false, 0);
            }
            for (Path trace : list(settings.tracesDir().resolve(LONG))) {
                opened.add(trace, true, settings.longTraceCutNanos());
            }
        } catch (IOException e) {
            opened.close();
            throw new UncheckedIOException("cannot read a trace: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    private void add(Path trace, boolean longRunning, long cutNanos) throws IOException {
        TraceCache cache = TraceCache.decode(trace, AospDumpReader.DEFAULT_NANOS_PER_CALL);
        caches.add(cache);
        TraceSummary summary = cache.summary();
        boolean cut = cutNanos > 0 && summary.durationNanos() > cutNanos;
        if (cut) {
            try (TraceSource decoded = cache.open()) {
                summary = TraceSummary.until(decoded, cutNanos);
            }
        }
        double speed = ReplaySizing.defaultSpeed(summary.durationNanos(), PredictorConfig.DEFAULT_HORIZON_NANOS);
        TraceWorkload workload = new TraceWorkload(cache, summary, speed, ReplayMarks.stressorDefaults());
        traces.add(new Trace(String.valueOf(trace.getFileName()), longRunning, cut, workload));
    }

    /** The trace files in {@code dir}, sorted; empty when the directory does not exist. */
    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> {
                        String name = String.valueOf(path.getFileName());
                        return name.endsWith(".trace") || name.endsWith(".trace.gz");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list traces in " + dir, e);
        }
    }

    /** Every trace: the short recordings, then the long-running programs, each sorted by name. */
    List<Trace> all() {
        return List.copyOf(traces);
    }

    /** Deletes the decoded events; the workloads must not be replayed after this. */
    @Override
    public void close() {
        caches.forEach(TraceCache::close);
        caches.clear();
    }
}
