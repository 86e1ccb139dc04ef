package org.mempred.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.mempred.heap.CompactingHeap;
import org.mempred.live.LiveSystem;
import org.mempred.metrics.Metrics;

/**
 * Binds the METRIC figures of a mempred heap ({@link Metrics}, the one place they are defined) to
 * Micrometer meters, named and tagged as Micrometer's own binders for Netty's allocator
 * ({@code netty.allocator.memory.used}, tags {@code id}, {@code memory.type}) and Caffeine
 * ({@code cache.gets}, one meter per {@code result}) do: dotted lower-case names under
 * {@code mempred.}, one meter per quantity with a tag where a figure splits by kind, base units
 * set, the tag {@code id} naming the heap. {@link MeterMap} lists every meter and the METRIC it
 * reads.
 *
 * <p>Bound to a {@link LiveSystem} it also binds the governor's and predictor's figures (whichever
 * governor the system runs when a meter is read). Every meter holds its heap or system through a
 * weak reference (Micrometer's {@link Gauge} and {@link FunctionCounter} do, given the object as
 * their state; the functions capture only the binder's static reading), as Micrometer's cache
 * binders do, and so does the binder itself: a heap its application drops is collected, and its
 * gauges then read NaN.
 *
 * <p>Cost: each reading of a meter takes one {@link Metrics#collect} snapshot (every lock of the
 * heap once, one free-list scan per sub-arena), so a scrape of all meters costs about thirty snapshots: for
 * scraping, never for a hot path.
 *
 * @param <S> the source: a {@link CompactingHeap} or a {@link LiveSystem}
 */
public final class MempredMetrics<S> implements MeterBinder {
    private final WeakReference<S> source;
    private final Function<S, Map<String, Number>> read;
    private final List<MeterMap.Meter> meters;
    private final Tags tags;

    private MempredMetrics(
            S source,
            Function<S, Map<String, Number>> read,
            List<MeterMap.Meter> meters,
            String id,
            Iterable<Tag> tags) {
        this.source = new WeakReference<>(source);
        this.read = read;
        this.meters = meters;
        this.tags = Tags.concat(tags, "id", Objects.requireNonNull(id, "id"));
    }

    /** The heap's figures (space, blocks, OOM events, compactions), tagged {@code id=id} and {@code tags}. */
    public static MempredMetrics<CompactingHeap> of(CompactingHeap heap, String id, Iterable<Tag> tags) {
        Objects.requireNonNull(heap, "heap");
        return new MempredMetrics<>(heap, MempredMetrics::heapFigures, MeterMap.HEAP, id, tags);
    }

    /** The live system's figures: its heap's, its governor's and its predictor's accuracy. */
    public static MempredMetrics<LiveSystem> of(LiveSystem system, String id, Iterable<Tag> tags) {
        Objects.requireNonNull(system, "system");
        return new MempredMetrics<>(system, LiveSystem::metrics, MeterMap.ALL, id, tags);
    }

    private static Map<String, Number> heapFigures(CompactingHeap heap) {
        return Metrics.collect(heap.stats(), null, Optional.empty());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        S live = source.get();
        if (live == null) {
            return; // collected before it was bound: nothing to measure
        }
        Function<S, Map<String, Number>> figures = read; // the meters capture this, never the source
        for (MeterMap.Meter meter : meters) {
            Tags meterTags = meter.tagKey() == null ? tags : tags.and(meter.tagKey(), meter.tagValue());
            if (meter.counter()) {
                FunctionCounter.builder(meter.name(), live, s -> meter.value(figures.apply(s), 0.0))
                        .description(meter.description())
                        .baseUnit(meter.baseUnit())
                        .tags(meterTags)
                        .register(registry);
            } else {
                Gauge.builder(meter.name(), live, s -> meter.value(figures.apply(s), Double.NaN))
                        .description(meter.description())
                        .baseUnit(meter.baseUnit())
                        .tags(meterTags)
                        .register(registry);
            }
        }
    }
}
