package org.mempred.heap;

import java.util.Arrays;

/**
 * Cumulative statistics of allocation request sizes (successful or not), as a snapshot: count,
 * sum, sum of squares, and a log-linear histogram with 8 classes per power of two, so a class's
 * upper edge is at most 12.5 % above any size in it (HdrHistogram's idea at 3 significant bits).
 * Two snapshots give the requests made between them ({@link #largestSinceBytes}); the largest one is known to
 * its class, which is what a reserve needs (it rounds up, never down).
 *
 * <pre>
 *  size &lt; 8:   class = size                      (exact)
 *  size &gt;= 8:  f = floor(log2 size), class = 8f + ((size &gt;&gt;&gt; (f - 3)) &amp; 7)
 *              upper edge = ((9 + (class &amp; 7)) &lt;&lt; (f - 3)) - 1
 * </pre>
 *
 * <p>Immutable; the live counterpart is {@link HeapCounters}. 248 classes cover sizes up to 2^31.
 */
public final class RequestSizes {
    static final int CLASSES = 248;
    /** No request yet. */
    public static final RequestSizes NONE = new RequestSizes(0, 0, 0.0, new long[CLASSES]);

    private final long count;
    private final long totalBytes;
    private final double sumSquaresBytes;
    private final long[] classCounts;

    RequestSizes(long count, long totalBytes, double sumSquaresBytes, long[] classCounts) {
        this.count = count;
        this.totalBytes = totalBytes;
        this.sumSquaresBytes = sumSquaresBytes;
        this.classCounts = classCounts;
    }

    /** The class of a request of {@code sizeBytes} (positive). */
    static int classOf(int sizeBytes) {
        if (sizeBytes < 8) {
            return sizeBytes;
        }
        int f = 31 - Integer.numberOfLeadingZeros(sizeBytes);
        return 8 * f + ((sizeBytes >>> (f - 3)) & 7);
    }

    /** The largest size in class {@code index}. */
    static long upperEdge(int index) {
        if (index < 8) {
            return index;
        }
        int f = index >>> 3;
        return ((9L + (index & 7)) << (f - 3)) - 1;
    }

    /**
     * The size a request of {@code sizeBytes} (positive) is known by: the upper edge of its class,
     * as {@link #largestSinceBytes} reports the largest request.
     */
    public static long roundedBytes(int sizeBytes) {
        return upperEdge(classOf(sizeBytes));
    }

    static RequestSizes copyOf(long count, long totalBytes, double sumSquaresBytes, long[] classCounts) {
        return new RequestSizes(count, totalBytes, sumSquaresBytes, classCounts.clone());
    }

    /** Requests so far. */
    public long count() {
        return count;
    }

    /** Bytes asked for so far (as requested, not rounded). */
    public long totalBytes() {
        return totalBytes;
    }

    /** Sum of the squares of request sizes so far. */
    public double sumSquaresBytes() {
        return sumSquaresBytes;
    }

    /**
     * Upper edge of the largest class with a request after {@code earlier} and up to this
     * snapshot, capped at {@code capBytes}; 0 when there was none.
     */
    public long largestSinceBytes(RequestSizes earlier, long capBytes) {
        for (int index = CLASSES - 1; index >= 0; index--) {
            if (classCounts[index] > earlier.classCounts[index]) {
                return Math.min(capBytes, upperEdge(index));
            }
        }
        return 0;
    }

    /** Upper edge of the largest class ever requested, capped at {@code capBytes}; 0 when none. */
    public long largestBytes(long capBytes) {
        return largestSinceBytes(NONE, capBytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestSizes that
                && count == that.count
                && totalBytes == that.totalBytes
                && Double.compare(sumSquaresBytes, that.sumSquaresBytes) == 0
                && Arrays.equals(classCounts, that.classCounts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + Arrays.hashCode(classCounts);
    }

    @Override
    public String toString() {
        return "RequestSizes[count=" + count + ", totalBytes=" + totalBytes + "]";
    }
}
