package org.mempred.bench;

import java.util.SplittableRandom;

/**
 * The seeded request stream of the live-set peer benchmarks: a ring of request sizes and a ring
 * of victim slots. Each operation frees the block in the next victim slot and allocates the next
 * size into it, so the live set keeps {@code slots} blocks (minus failed requests) and each slot
 * holds a block of the size distribution below. The two rings have coprime lengths
 * ({@value #SIZES} and {@value #VICTIMS}), so the pairing of slot and size repeats only after
 * about 4·10^9 operations.
 *
 * <p><b>Streams</b>:
 * <ul>
 *   <li>{@code fixed256}: every request 256 B.
 *   <li>{@code mix}: a histogram with three peaks and a floor, each bin uniform:
 *       <pre>
 *   share   sizes (bytes)       peak
 *   50 %    193 .. 320          256 B
 *   30 %    769 .. 1,280        1 KiB
 *   10 %    12,289 .. 20,480    16 KiB
 *   10 %    16 .. 4,096         (floor)
 *       </pre>
 *       Mean request ≈ 2.28 KiB, so 8,192 slots hold ≈ 18.7 MB; the 16 KiB peak is 72 % of the bytes.
 * </ul>
 */
final class RequestScript {
    static final int SIZES = 1 << 16;
    static final int VICTIMS = 65_521;

    private final int[] sizes = new int[SIZES];
    private final int[] victims = new int[VICTIMS];
    private final double meanSizeBytes;
    private int nextSize;
    private int nextVictim;

    RequestScript(String stream, int slots, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long sum = 0;
        for (int i = 0; i < SIZES; i++) {
            sizes[i] = size(stream, random);
            sum += sizes[i];
        }
        for (int i = 0; i < VICTIMS; i++) {
            victims[i] = random.nextInt(slots);
        }
        meanSizeBytes = (double) sum / SIZES;
    }

    private static int size(String stream, SplittableRandom random) {
        return switch (stream) {
            case "fixed256" -> 256;
            case "mix" -> {
                int bin = random.nextInt(10);
                if (bin < 5) {
                    yield 193 + random.nextInt(128);
                } else if (bin < 8) {
                    yield 769 + random.nextInt(512);
                } else if (bin < 9) {
                    yield 12_289 + random.nextInt(8192);
                } else {
                    yield 16 + random.nextInt(4081);
                }
            }
            default -> throw new IllegalArgumentException("stream=" + stream + " is not one of fixed256, mix");
        };
    }

    /** Fills every slot with the script's first sizes; returns the failed requests. */
    int fill(PeerSlots slots) {
        int failed = 0;
        for (int slot = 0; slot < slots.count(); slot++) {
            if (!slots.allocate(slot, nextSize())) {
                failed++;
            }
        }
        return failed;
    }

    /**
     * One operation: frees the next victim's block and allocates the next size in its place.
     *
     * @return false when the allocation failed (the slot stays empty until its next turn)
     */
    boolean replaceOne(PeerSlots slots) {
        int victim = victims[nextVictim];
        if (++nextVictim == VICTIMS) {
            nextVictim = 0;
        }
        slots.free(victim);
        return slots.allocate(victim, nextSize());
    }

    private int nextSize() {
        int size = sizes[nextSize];
        nextSize = (nextSize + 1) & (SIZES - 1);
        return size;
    }

    /** Mean request of the script, in bytes. */
    double meanSizeBytes() {
        return meanSizeBytes;
    }

    /**
     * mempred's arena for {@code slots} blocks of this stream: {@code headroom} times their
     * expected bytes, rounded up to 16 B. The arena is mempred's whole footprint, so the headroom
     * is the footprint ratio it is given, and the benchmarks report whether it served every request.
     */
    int mempredCapacityBytes(int slots, double headroom) {
        long bytes = (long) Math.ceil(slots * meanSizeBytes * headroom);
        return (int) ((bytes + 15) & ~15L);
    }
}
