package org.mempred.heap;

import java.util.Arrays;
import org.mempred.lifetime.LifetimeClass;
import org.mempred.lifetime.LifetimePredictor;

/**
 * Placement by predicted lifetime within a sub-arena, by address span instead of fences: each
 * {@link LifetimeClass} has a target granule, short-lived blocks at the bottom, long-lived at the
 * top, the classes between spread evenly, and a new block goes to the fitting free block nearest
 * its class's target ({@link Tlsf#allocateNear}, a bounded scan). Blocks that die together thus
 * sit together, so their holes coalesce instead of being pinned open by long-lived neighbours
 * (LLAMA's idea, without its fixed regions). Guarded by the heap's lock.
 *
 * <pre>
 *  sub-arena granules:  0 ............................................. G
 *  class targets:       c0 (&lt;10 ms)   c1    c2 (&lt;1 s)    c3    c4 (&gt;= 10 s)
 *                       target(c) = c * (G - 1) / (COUNT - 1)
 *  allocate, class c:   the nearest fit to target(c) among SCAN free blocks; a class whose span
 *                       is full borrows the nearest space elsewhere (the nearest fit, wherever)
 *  free:                observed class = LifetimeClass.of(now - born)  --&gt;  predictor.observe;
 *                       a block that outlived its predicted class counts as misplaced (its site's
 *                       counts promote the site's later blocks)
 * </pre>
 *
 * <p>Why spans and not fenced sub-arenas: fences strand free space at every region's end, and at
 * high pressure a request fails in one region while another has room; measured on the stressor
 * at demand 95 %, fenced regions doubled OOM events even with the oracle. A span costs no fence.
 *
 * <p>Per block, by handle slot: site, birth time and predicted class (17 bytes a slot, grown with
 * the handle table). Figures: predicted against observed class of every freed block, blocks
 * placed outside their class's span (borrowed) and frees of blocks that outlived their class.
 * Cost per request: the predictor's step plus a scan of at most {@value #SCAN} free blocks;
 * nothing allocated.
 *
 * <p>Threads: the predictor and the figures are shared by every sub-arena, so the methods that
 * touch them hold this object's monitor, always the last lock taken (never held while taking a
 * sub-arena's lock). Slots are global handle slots.
 */
final class LifetimeSpans {
    /** Free blocks examined per placement. */
    static final int SCAN = 16;

    private final LifetimePredictor predictor;
    private long[] site = new long[64];
    private long[] born = new long[64];
    private byte[] predictedClass = new byte[64];
    private final long[] confusion = new long[LifetimeClass.COUNT * LifetimeClass.COUNT];
    private long borrowed;
    private long outlived;
    private long nowNanos;

    LifetimeSpans(LifetimePredictor predictor) {
        this.predictor = predictor;
    }

    /** Predicts the class of {@code request}; advances the heap's notion of now to its time. */
    synchronized int predict(AllocationRequest request) {
        nowNanos = Math.max(nowNanos, request.timeNanos());
        int c = predictor.predict(request.site(), request.sizeBytes(), request.trueLifetimeNanos());
        return c < 0 || c >= LifetimeClass.COUNT ? LifetimeClass.LONGEST : c;
    }

    /** The target granule of class {@code c} in {@code sub}. */
    static int target(SubArena sub, int c) {
        return (int) ((long) c * (sub.blocks.granules - 1) / LifetimeClass.LONGEST);
    }

    /** Takes {@code granules} in {@code sub} near class {@code c}'s target; NIL when none fits. */
    int allocate(SubArena sub, int granules, int c) {
        return sub.tlsf.allocateNear(granules, target(sub, c), SCAN);
    }

    /** Records the block of {@code slot}, predicted {@code c}, placed at local granule {@code start} of {@code sub}. */
    synchronized void placed(int slot, SubArena sub, int start, int c, AllocationRequest request) {
        long halfSpan = sub.blocks.granules / (2L * LifetimeClass.LONGEST);
        if (Math.abs((long) start - target(sub, c)) > halfSpan) {
            borrowed++;
        }
        ensure(slot);
        site[slot] = request.site();
        born[slot] = request.timeNanos();
        predictedClass[slot] = (byte) c;
    }

    /**
     * Learns from the free of the block of {@code slot} (size {@code sizeBytes}) at the caller's
     * time {@code nanos}, which moves the heap's notion of now forward.
     */
    synchronized void freed(int slot, long nanos, int sizeBytes) {
        nowNanos = Math.max(nowNanos, nanos);
        int observed = LifetimeClass.of(nowNanos - born[slot]);
        int predicted = predictedClass[slot];
        confusion[predicted * LifetimeClass.COUNT + observed]++;
        if (observed > predicted) {
            outlived++;
        }
        predictor.observe(site[slot], sizeBytes, observed);
    }

    synchronized PlacementStats stats() {
        return new PlacementStats(predictor.name(), confusion.clone(), borrowed, outlived);
    }

    private void ensure(int slot) {
        if (slot >= site.length) {
            int capacity = Math.max(slot + 1, site.length * 2);
            site = Arrays.copyOf(site, capacity);
            born = Arrays.copyOf(born, capacity);
            predictedClass = Arrays.copyOf(predictedClass, capacity);
        }
    }
}
