package org.mempred.lab.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Table;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.HeapEvent;

/**
 * What {@code mempred trace-info} prints of a trace: its {@link TraceSummary} (events, duration,
 * peak live bytes) plus the number of distinct allocation sites (v2) and exact quantiles of the
 * request sizes. One pass; memory grows with the allocations (one int each, sorted at the end) and
 * the distinct sites. {@link #table} turns profiles into the lab's one table model, so the table
 * in traces/README.md is this command's output.
 *
 * @param summary the first-pass figures
 * @param distinctSites distinct known (non-zero) sites of the allocations; -1 for a v1 trace,
 *     which records none
 * @param sizeQuantiles request sizes in bytes at {@link #QUANTILES} (0 without allocations)
 */
public record TraceProfile(TraceSummary summary, long distinctSites, List<Integer> sizeQuantiles) {
    /** The size quantiles reported, as fractions: median, 90th and 99th percentile, maximum. */
    public static final List<Double> QUANTILES = List.of(0.50, 0.90, 0.99, 1.0);

    /** Copies the quantiles. */
    public TraceProfile {
        sizeQuantiles = List.copyOf(sizeQuantiles);
    }

    /**
     * Reads {@code path} to its end.
     *
     * @throws IOException when it cannot be read
     * @throws TraceFormatException when it is malformed
     */
    public static TraceProfile scan(Path path) throws IOException {
        try (TraceReader reader = TraceReader.open(path)) {
            int[] sizes = new int[1024];
            int count = 0;
            Set<Long> sites = new HashSet<>();
            long lastTimeNanos = 0;
            while (reader.next()) {
                HeapEvent event = reader.event();
                lastTimeNanos = event.timeNanos();
                if (event.kind() == EventKind.ALLOCATE) {
                    if (count == sizes.length) {
                        sizes = Arrays.copyOf(sizes, 2 * count);
                    }
                    sizes[count++] = event.sizeBytes();
                    if (event.site() != HeapEvent.NO_SITE) {
                        sites.add(event.site());
                    }
                }
            }
            TraceSummary summary = TraceSummary.read(reader, lastTimeNanos);
            int[] sorted = Arrays.copyOf(sizes, count);
            Arrays.sort(sorted);
            return new TraceProfile(summary, summary.format().hasSites() ? sites.size() : -1, quantiles(sorted));
        }
    }

    /** The {@link #QUANTILES} of sorted values: the smallest value with at least that share at or below it. */
    static List<Integer> quantiles(int[] sorted) {
        Integer[] out = new Integer[QUANTILES.size()];
        for (int q = 0; q < out.length; q++) {
            if (sorted.length == 0) {
                out[q] = 0;
                continue;
            }
            int rank = (int) Math.ceil(QUANTILES.get(q) * sorted.length);
            out[q] = sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
        }
        return List.of(out);
    }

    /** One row per profile, titled {@code title}: every figure a number of the table model. */
    public static Table table(String title, List<TraceProfile> profiles) {
        Table table = new Table(
                title,
                List.of(
                        "file",
                        "format",
                        "events",
                        "allocations",
                        "length s",
                        "peak live B",
                        "distinct sites",
                        "size p50 B",
                        "size p90 B",
                        "size p99 B",
                        "size max B"));
        for (TraceProfile profile : profiles) {
            TraceSummary summary = profile.summary();
            List<Cell> row = new ArrayList<>(List.of(
                    Cell.text("`" + Path.of(summary.name()).getFileName() + "`"),
                    Cell.text(summary.format().name().toLowerCase(Locale.ROOT)),
                    Cell.count(summary.events()),
                    Cell.count(summary.allocations()),
                    Cell.value(summary.durationNanos() / 1e9, 3),
                    Cell.count(summary.peakLiveBytes()),
                    profile.distinctSites() < 0 ? Cell.text("-") : Cell.count(profile.distinctSites())));
            for (int size : profile.sizeQuantiles()) {
                row.add(Cell.count(size));
            }
            table.row(row);
        }
        return table;
    }
}
