package org.mempred.heap;

import org.mempred.lifetime.LifetimeClass;

/**
 * What a heap's lifetime placement did: predicted against observed class of every freed block,
 * the blocks placed in a region of another class (borrowed), and the frees of blocks that outlived
 * the class of the region they sat in (misplacements that pinned a short region open).
 *
 * @param predictor the predictor's name
 * @param confusion {@code confusion[p * COUNT + o]}: freed blocks predicted {@code p}, observed {@code o}
 * @param borrowed blocks placed in a region owned by another class
 * @param outlived freed blocks that lived longer than their region's class
 */
public record PlacementStats(String predictor, long[] confusion, long borrowed, long outlived) {
    /** Copies the matrix in. */
    public PlacementStats {
        confusion = confusion.clone();
    }

    /** A copy of the matrix. */
    @Override
    public long[] confusion() {
        return confusion.clone();
    }

    /** Freed blocks predicted {@code predicted} and observed {@code observed}. */
    public long count(int predicted, int observed) {
        return confusion[predicted * LifetimeClass.COUNT + observed];
    }

    /** Freed blocks observed so far. */
    public long frees() {
        long n = 0;
        for (long c : confusion) {
            n += c;
        }
        return n;
    }

    /** Freed blocks whose class was predicted exactly. */
    public long exact() {
        long n = 0;
        for (int c = 0; c < LifetimeClass.COUNT; c++) {
            n += count(c, c);
        }
        return n;
    }

    /** Share of freed blocks observed in class {@code c} that were predicted {@code c} (recall), NaN when none. */
    public double recall(int c) {
        long observed = observed(c);
        return observed == 0 ? Double.NaN : (double) count(c, c) / observed;
    }

    /** Freed blocks observed in class {@code c}. */
    public long observed(int c) {
        long observed = 0;
        for (int p = 0; p < LifetimeClass.COUNT; p++) {
            observed += count(p, c);
        }
        return observed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlacementStats o
                && predictor.equals(o.predictor)
                && java.util.Arrays.equals(confusion, o.confusion)
                && borrowed == o.borrowed
                && outlived == o.outlived;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(predictor, java.util.Arrays.hashCode(confusion), borrowed, outlived);
    }

    @Override
    public String toString() {
        return "PlacementStats[" + predictor + ", frees=" + frees() + ", exact=" + exact() + ", borrowed=" + borrowed
                + ", outlived=" + outlived + "]";
    }
}
