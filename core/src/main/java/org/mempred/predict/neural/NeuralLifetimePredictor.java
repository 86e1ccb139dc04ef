package org.mempred.predict.neural;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mempred.lifetime.LifetimeClass;
import org.mempred.lifetime.LifetimePredictor;
import org.mempred.lifetime.SizeClassPredictor;

/**
 * {@code neural-lifetime}: a 4→8→1 network ({@link Mlp}) that predicts a block's lifetime class
 * from its site, its size and the recent behaviour of both, pre-trained and learning online from
 * every free.
 *
 * <pre>
 *   input  what                                         why
 *   x0     the site's recent mean class / 4 (EWMA)       the allocation context is the best single
 *                                                        predictor of lifetime (LLAMA, ROLP)
 *   x1     min(1, the site's observations / 32)          how far to trust x0: a new site is
 *                                                        predicted from size instead
 *   x2     log2(size) / 24                               size alone still separates lifetimes a
 *                                                        little (large buffers live longer)
 *   x3     the size bucket's recent mean class / 4       the fallback for sites never seen, and
 *                                                        the program's current phase
 *   output q in (0, 1), trained towards class / 4 (cross-entropy); the class is round(4 q)
 * </pre>
 *
 * <p>Site and size state: an EWMA (weight {@value #ALPHA}) of the observed class and a count per
 * hashed site ({@value #SITE_SLOTS} slots, collisions share a slot) and per power-of-two size
 * bucket. Both start at the longest class, so before any free every block is predicted long, as
 * {@code site-table} does. A free first trains the network on the site's inputs as they stand,
 * then updates the EWMAs; the network thus learns how much to trust the site's history, which a
 * table cannot. Weights start from the shipped resource {@value #RESOURCE} (trained on lab stressor
 * seeds disjoint from the experiments') and move with SGD (rate {@value #LEARNING_RATE}, gradient
 * clipped at 1). Nothing is allocated per call; a non-finite output predicts the longest class.
 */
public final class NeuralLifetimePredictor implements LifetimePredictor {
    static final String RESOURCE = "lifetime-pretrained.txt";
    static final int SITE_SLOTS = 4096;
    static final double ALPHA = 0.1;
    static final double LEARNING_RATE = 0.05;
    private static final int BUCKETS = 32;
    private static final double LONGEST = LifetimeClass.LONGEST;
    private static volatile double[] shipped;

    private final Mlp network = new Mlp(Mlp4x8.INPUTS, Mlp4x8.HIDDEN);
    private final long[] siteKeys = new long[SITE_SLOTS];
    private final double[] siteMean = new double[SITE_SLOTS];
    private final int[] siteCount = new int[SITE_SLOTS];
    private final double[] bucketMean = new double[BUCKETS];
    private final double[] x = new double[Mlp4x8.INPUTS];

    /** Starts from the shipped weights. */
    public NeuralLifetimePredictor() {
        this(shippedParameters());
    }

    /** Starts from {@code parameters} (the {@link Mlp} layout, 49 values). */
    public NeuralLifetimePredictor(double[] parameters) {
        network.load(parameters);
        java.util.Arrays.fill(siteMean, LONGEST);
        java.util.Arrays.fill(bucketMean, LONGEST);
    }

    /** A network from seeded random weights (to train the shipped weights from). */
    public static NeuralLifetimePredictor untrained(long seed) {
        Mlp fresh = new Mlp(Mlp4x8.INPUTS, Mlp4x8.HIDDEN);
        fresh.initialise(seed);
        return new NeuralLifetimePredictor(fresh.copyOfParameters());
    }

    @Override
    public String name() {
        return "neural-lifetime";
    }

    @Override
    public boolean needsSites() {
        return true;
    }

    @Override
    public int predict(long site, int sizeBytes, long trueLifetimeNanos) {
        inputs(site, sizeBytes);
        double q = network.predict(x);
        if (!(q >= 0.0 && q <= 1.0)) {
            return LifetimeClass.LONGEST;
        }
        return (int) Math.round(q * LONGEST);
    }

    @Override
    public void observe(long site, int sizeBytes, int lifetimeClass) {
        inputs(site, sizeBytes);
        network.train(x, lifetimeClass / LONGEST, LEARNING_RATE, 1.0);
        int slot = slot(site);
        if (siteKeys[slot] != site) {
            siteKeys[slot] = site;
            siteCount[slot] = 0;
            siteMean[slot] = LONGEST;
        }
        siteMean[slot] += ALPHA * (lifetimeClass - siteMean[slot]);
        siteCount[slot]++;
        int bucket = SizeClassPredictor.bucket(sizeBytes);
        bucketMean[bucket] += ALPHA * (lifetimeClass - bucketMean[bucket]);
    }

    /** A copy of the network's parameters (to write the shipped resource). */
    public double[] parameters() {
        return network.copyOfParameters();
    }

    private void inputs(long site, int sizeBytes) {
        int slot = slot(site);
        boolean known = siteKeys[slot] == site && siteCount[slot] > 0;
        int bucket = SizeClassPredictor.bucket(sizeBytes);
        x[0] = (known ? siteMean[slot] : bucketMean[bucket]) / LONGEST;
        x[1] = known ? Math.min(1.0, siteCount[slot] / 32.0) : 0.0;
        x[2] = bucket / 24.0;
        x[3] = bucketMean[bucket] / LONGEST;
    }

    private static int slot(long site) {
        return (int) ((site * 0x9E3779B97F4A7C15L) >>> 52) & (SITE_SLOTS - 1);
    }

    /** The shipped parameters; a missing or malformed resource is a build defect and throws. */
    static double[] shippedParameters() {
        double[] p = shipped;
        if (p == null) {
            p = read();
            shipped = p;
        }
        return p;
    }

    private static double[] read() {
        InputStream in = NeuralLifetimePredictor.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(
                    "shipped lifetime weights " + RESOURCE + " are missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Double> values = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    values.add(Double.parseDouble(trimmed));
                }
            }
            double[] p = new double[values.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = values.get(i);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped lifetime weights " + RESOURCE, e);
        }
    }
}
