package org.mempred.lab.workload;

import java.util.Set;
import java.util.SplittableRandom;
import org.mempred.heap.Granules;

/**
 * The pressure-level stressor: an open-loop, seeded stream of allocate/free/pin/unpin events
 * whose intended live set tracks a moving target level, so that the heap sits at a chosen mean
 * pressure with structure worth predicting.
 *
 * <p><b>Model.</b>
 * <ol>
 *   <li><b>Requests</b> arrive as a Poisson process at {@code opsPerSecond} times the level
 *       process's rate factor (bursts raise it). Each request is either an allocation or a free.
 *   <li><b>How the target pressure is reached</b>: the stressor keeps its own account of the
 *       intended live bytes {@code L} (requested sizes rounded up to the heap's 16-byte granule,
 *       counted whether or not the heap served them). With {@code T = level(t) * capacity} from
 *       {@link LevelProcess}: if {@code L < T - band} the request allocates, if
 *       {@code L > T + band} it frees, otherwise it is a fair coin (steady churn). So {@code L}
 *       tracks {@code T} within about one band ({@code 0.5 %} of capacity) plus one request, and
 *       the mean intended pressure equals the mean level, which the level process holds at the
 *       target by construction. A test checks that the time-weighted mean lands on the target.
 *   <li><b>Sizes</b> come from a {@link SizeMix} (kernel-like: mostly 16–512 B, some 1–8 KiB).
 *       A share {@code atomicShare} of allocations is atomic.
 *   <li><b>Lifetimes</b>: each block joins the short-lived pool, or with probability
 *       {@code longLivedAllocShare} the long-lived pool. A free picks a uniformly random block of
 *       the long-lived pool while that pool holds more than {@code longLivedByteShare} of the live
 *       bytes, else of the short-lived pool. Random eviction gives roughly exponential lifetimes;
 *       long-lived blocks (few entries, large byte share) live some 20 times longer, and stay
 *       scattered among short-lived ones: the source of fragmentation.
 *   <li><b>Pins</b>: a share {@code pinShare} of allocations is pinned at once (a PIN event at
 *       the same time) and unpinned after an exponential time of mean {@code meanPinNanos}; a
 *       pinned block is never chosen for a free (up to 8 draws, else the request is skipped).
 *   <li><b>Sites</b>: each allocation names the code site that made it ({@link Sites}): drawn
 *       after the lifetime pool and from a random stream of its own, so sites add a field and
 *       change no other event of the stream; most sites are faithful to one pool, some mixed.
 *   <li><b>Temporal structure</b> (phases, ramps, bursts with a lead-in): see
 *       {@link LevelProcess}.
 * </ol>
 *
 * <p><b>Ids</b> are {@code idBase + slot}, slots reused after a free; pins are scheduled by slot in a
 * {@link PinSchedule}. <b>Cost</b>: O(log pins) per event, no allocation after construction except
 * when the pin schedule grows; arrays are sized for {@code capacity / 16} live blocks plus slack. Deterministic: a pure function of (config, seed, duration).
 */
public final class PressureStressor implements EventStream {
    private static final int FREE_ATTEMPTS = 8;

    private final StressorConfig config;
    private final long durationNanos;
    private final long idBase;
    private final SplittableRandom random;
    private final LevelProcess level;
    private final long bandBytes;
    private final LivePool shortLived;
    private final LivePool longLived;
    private final int[] sizeBytesById;
    private final int[] freeIds;
    private final PinSchedule pins = new PinSchedule();

    private int freeIdCount;
    private int nextFreshId;
    private long liveBytes;
    private long nextArrivalNanos;
    private int pendingPinId = -1;

    private final Sites sites;
    private final HeapEvent event = new HeapEvent();
    private long timeNanos;

    /** A stream of {@code durationNanos} from {@code seed}; ids start at {@code idBase}. */
    public PressureStressor(StressorConfig config, long seed, long durationNanos, long idBase) {
        if (durationNanos < 0 || idBase < 0) {
            throw new IllegalArgumentException(
                    "durationNanos=" + durationNanos + " and idBase=" + idBase + " must be >= 0");
        }
        this.config = config;
        this.durationNanos = durationNanos;
        this.idBase = idBase;
        SplittableRandom root = new SplittableRandom(seed);
        this.level = new LevelProcess(config.pattern(), config.targetPressure(), config.swing(), root.split());
        this.random = root.split();
        this.sites = new Sites(root.split(), idBase);
        this.bandBytes = Math.max(Granules.BYTES, config.capacityBytes() / 200);
        int maxIds =
                (int) ((config.capacityBytes() + bandBytes + 2L * config.sizes().maxBytes()) / Granules.BYTES) + 1;
        this.shortLived = new LivePool(maxIds);
        this.longLived = new LivePool(maxIds);
        this.sizeBytesById = new int[maxIds];
        this.freeIds = new int[maxIds];
        this.nextArrivalNanos = interArrivalNanos(level.rateFactor());
    }

    @Override
    public boolean next() {
        if (pendingPinId >= 0) {
            event.other(timeNanos, EventKind.PIN, idBase + pendingPinId);
            pendingPinId = -1;
            return true;
        }
        while (true) {
            long unpinAt = pins.peekDueNanos();
            long eventAt = Math.min(unpinAt, nextArrivalNanos);
            if (eventAt > durationNanos) {
                return false;
            }
            timeNanos = eventAt;
            if (unpinAt <= nextArrivalNanos) {
                event.other(timeNanos, EventKind.UNPIN, idBase + pins.popDue());
                return true;
            }
            level.advanceTo(eventAt);
            nextArrivalNanos = eventAt + interArrivalNanos(level.rateFactor());
            if (request()) {
                return true;
            }
        }
    }

    /** One request at {@code timeNanos}: allocate or free to track the level; false if skipped. */
    private boolean request() {
        long targetBytes = (long) (level.level() * config.capacityBytes());
        boolean allocate;
        if (liveBytes < targetBytes - bandBytes) {
            allocate = true;
        } else if (liveBytes > targetBytes + bandBytes) {
            allocate = false;
        } else {
            allocate = random.nextBoolean();
        }
        return allocate ? allocate() : free();
    }

    private boolean allocate() {
        int id = freeIdCount > 0 ? freeIds[--freeIdCount] : nextFreshId < sizeBytesById.length ? nextFreshId++ : -1;
        if (id < 0) {
            return false;
        }
        int size = config.sizes().sampleBytes(random);
        boolean isAtomic = random.nextDouble() < config.atomicShare();
        boolean longLivedBlock = random.nextDouble() < config.longLivedAllocShare();
        int rounded = (int) Granules.roundUp(size);
        sizeBytesById[id] = rounded;
        (longLivedBlock ? longLived : shortLived).add(id, rounded);
        liveBytes += rounded;
        if (random.nextDouble() < config.pinShare()) {
            pendingPinId = id;
            pins.pin(id, timeNanos + exponentialNanos(config.meanPinNanos()));
        }
        event.allocate(timeNanos, idBase + id, size, isAtomic, sites.draw(longLivedBlock, size));
        return true;
    }

    private boolean free() {
        boolean fromLong = longLived.bytes() > config.longLivedByteShare() * liveBytes;
        LivePool pool = (fromLong && longLived.count() > 0) || shortLived.count() == 0 ? longLived : shortLived;
        if (pool.count() == 0) {
            return false;
        }
        for (int attempt = 0; attempt < FREE_ATTEMPTS; attempt++) {
            int id = pool.idAt(random.nextInt(pool.count()));
            if (!pins.isPinned(id)) {
                pool.remove(id, sizeBytesById[id]);
                liveBytes -= sizeBytesById[id];
                freeIds[freeIdCount++] = id;
                event.other(timeNanos, EventKind.FREE, idBase + id);
                return true;
            }
        }
        return false;
    }

    private long interArrivalNanos(double rateFactor) {
        return Math.max(1L, exponentialNanos(1e9 / (config.opsPerSecond() * rateFactor)));
    }

    private long exponentialNanos(double meanNanos) {
        return (long) (-Math.log(1.0 - random.nextDouble()) * meanNanos);
    }

    @Override
    public HeapEvent event() {
        return event;
    }

    @Override
    public Set<Characteristic> characteristics() {
        return Characteristic.of(true);
    }
}
