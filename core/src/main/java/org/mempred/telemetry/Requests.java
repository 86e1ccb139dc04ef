package org.mempred.telemetry;

/**
 * The allocation requests (served or failed) made between two samples: how many, the largest
 * (to within 12.5 %, rounded up, see {@code RequestSizes}), and the sum and sum of squares of
 * their sizes, from which a window of samples gets its mean and standard deviation.
 *
 * @param count requests in the interval
 * @param largestBytes the largest request's size class upper edge, 0 when there was none
 * @param totalBytes sum of request sizes
 * @param sumSquaresBytes sum of squared request sizes
 */
public record Requests(long count, long largestBytes, long totalBytes, double sumSquaresBytes) {
    /** No request. */
    public static final Requests NONE = new Requests(0, 0, 0, 0.0);

    /** Checks that every figure is non-negative and the largest is 0 exactly when there are none. */
    public Requests {
        if (count < 0 || largestBytes < 0 || totalBytes < 0 || !(sumSquaresBytes >= 0)) {
            throw new IllegalArgumentException("count=" + count + ", largestBytes=" + largestBytes + ", totalBytes="
                    + totalBytes + " and sumSquaresBytes=" + sumSquaresBytes + " must be non-negative");
        }
    }
}
