package org.mempred.lifetime;

/**
 * Per-key counts of observed lifetime classes in one flat {@code int[]} (row {@code r} holds
 * {@link LifetimeClass#COUNT} counts), halved when a row's total reaches {@link #DECAY_AT} so that
 * recent behaviour outweighs old: a site whose blocks start living longer is promoted within a
 * few hundred frees.
 *
 * <p>The prediction of a row is the smallest class {@code c} such that at least
 * {@link #QUANTILE} of the row's blocks lived in classes up to {@code c}: a block is placed with
 * the blocks it is likely to die with, and a row with a long tail is placed long (a block
 * predicted too short costs a misplaced long-lived block in a short region; one predicted too long
 * only costs a region's tidiness). An empty row predicts {@code fallback}.
 */
final class ClassCounts {
    static final int DECAY_AT = 256;
    static final double QUANTILE = 0.5;

    private final int[] counts;

    ClassCounts(int rows) {
        counts = new int[rows * LifetimeClass.COUNT];
    }

    void clear(int row) {
        java.util.Arrays.fill(counts, row * LifetimeClass.COUNT, (row + 1) * LifetimeClass.COUNT, 0);
    }

    void add(int row, int lifetimeClass) {
        int base = row * LifetimeClass.COUNT;
        counts[base + lifetimeClass]++;
        if (total(row) >= DECAY_AT) {
            for (int c = 0; c < LifetimeClass.COUNT; c++) {
                counts[base + c] >>= 1;
            }
        }
    }

    int total(int row) {
        int base = row * LifetimeClass.COUNT;
        int total = 0;
        for (int c = 0; c < LifetimeClass.COUNT; c++) {
            total += counts[base + c];
        }
        return total;
    }

    int predict(int row, int fallback) {
        int base = row * LifetimeClass.COUNT;
        int total = total(row);
        if (total == 0) {
            return fallback;
        }
        int running = 0;
        for (int c = 0; c < LifetimeClass.COUNT; c++) {
            running += counts[base + c];
            if (running >= QUANTILE * total) {
                return c;
            }
        }
        return LifetimeClass.LONGEST;
    }
}
