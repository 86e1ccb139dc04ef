package org.mempred.lab.workload;

import java.util.SplittableRandom;

/**
 * A kernel-like request-size mix: most requests are small slab-style objects, log-uniform in
 * {@code [smallMinBytes, smallMaxBytes]} (so 16–32 B is as likely as 256–512 B, as in kmalloc
 * caches), and a share {@code largeShare} are page-ish buffers, log-uniform in
 * {@code [largeMinBytes, largeMaxBytes]}. Sampling costs one or two random draws and a
 * {@code Math.exp}; nothing is allocated.
 *
 * @param largeShare probability that a request is large
 * @param smallMinBytes smallest small request
 * @param smallMaxBytes largest small request
 * @param largeMinBytes smallest large request
 * @param largeMaxBytes largest large request
 */
public record SizeMix(double largeShare, int smallMinBytes, int smallMaxBytes, int largeMinBytes, int largeMaxBytes) {

    /** 92 % of requests 16 B–512 B, 8 % 1 KiB–8 KiB. */
    public static final SizeMix KERNEL = new SizeMix(0.08, 16, 512, 1024, 8192);

    /** Network buffers: small headers and descriptors, a few 1.5–2 KiB packets. */
    public static final SizeMix NETWORK = new SizeMix(0.15, 32, 256, 1536, 2048);

    /** Driver DMA buffers: mostly 1–4 KiB. */
    public static final SizeMix DMA = new SizeMix(0.70, 64, 512, 1024, 4096);

    /** Checks shares and ranges. */
    public SizeMix {
        if (!(largeShare >= 0.0 && largeShare <= 1.0)) {
            throw new IllegalArgumentException("largeShare=" + largeShare + " outside [0, 1]");
        }
        if (smallMinBytes <= 0
                || smallMaxBytes < smallMinBytes
                || largeMinBytes <= 0
                || largeMaxBytes < largeMinBytes) {
            throw new IllegalArgumentException("size ranges [" + smallMinBytes + ", " + smallMaxBytes + "] and ["
                    + largeMinBytes + ", " + largeMaxBytes + "] bytes must be positive and non-empty");
        }
    }

    /** The largest request this mix can produce. */
    public int maxBytes() {
        return Math.max(smallMaxBytes, largeShare > 0.0 ? largeMaxBytes : 0);
    }

    /** One request size drawn from {@code random}. */
    public int sampleBytes(SplittableRandom random) {
        boolean large = random.nextDouble() < largeShare;
        int min = large ? largeMinBytes : smallMinBytes;
        int max = large ? largeMaxBytes : smallMaxBytes;
        double logSize = Math.log(min) + random.nextDouble() * (Math.log(max + 1.0) - Math.log(min));
        return Math.min(max, (int) Math.exp(logSize));
    }
}
