package org.mempred.lifetime;

/**
 * {@code site-table}: per-site counts of observed lifetime classes, the Barrett &amp; Zorn (PLDI
 * 1993) and TCMalloc lifetime-allocator baseline: a site's blocks are predicted to live as its
 * freed blocks did ({@link ClassCounts}' quantile rule, recent frees weighted more).
 *
 * <pre>
 *   site --mix--&gt; set (of SETS) --&gt; WAYS entries {key, last use, counts row}
 *   hit: the row's prediction      miss on predict: all sites' row (the program's base rate)
 *   observe, miss: the set's least recently used entry is taken over (bounded: SETS * WAYS sites)
 * </pre>
 *
 * <p>Bounded memory ({@value #SETS} × {@value #WAYS} sites, about 200 KiB) whatever the program,
 * O(WAYS) per call, nothing allocated after construction. A site id of 0 (unknown) is one more
 * key.
 */
public final class SiteTable implements LifetimePredictor {
    static final int SETS = 1024;
    static final int WAYS = 4;
    private static final int ALL = SETS * WAYS;

    private final long[] keys = new long[SETS * WAYS];
    private final long[] lastUse = new long[SETS * WAYS];
    private final boolean[] used = new boolean[SETS * WAYS];
    private final ClassCounts counts = new ClassCounts(SETS * WAYS + 1);
    private long clock;

    /** An empty table: every site is unknown until its first free. */
    public SiteTable() {}

    @Override
    public String name() {
        return "site-table";
    }

    @Override
    public boolean needsSites() {
        return true;
    }

    @Override
    public int predict(long site, int sizeBytes, long trueLifetimeNanos) {
        int fallback = counts.predict(ALL, LifetimeClass.LONGEST);
        int entry = find(site);
        if (entry < 0) {
            return fallback;
        }
        lastUse[entry] = ++clock;
        return counts.predict(entry, fallback);
    }

    @Override
    public void observe(long site, int sizeBytes, int lifetimeClass) {
        counts.add(ALL, lifetimeClass);
        int entry = find(site);
        if (entry < 0) {
            entry = evict(site);
        }
        lastUse[entry] = ++clock;
        counts.add(entry, lifetimeClass);
    }

    /** Sites held now (for tests and reports). */
    public int sites() {
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        return n;
    }

    private int find(long site) {
        int base = set(site) * WAYS;
        for (int w = 0; w < WAYS; w++) {
            if (used[base + w] && keys[base + w] == site) {
                return base + w;
            }
        }
        return -1;
    }

    private int evict(long site) {
        int base = set(site) * WAYS;
        int victim = base;
        for (int w = 0; w < WAYS; w++) {
            int e = base + w;
            if (!used[e]) {
                victim = e;
                break;
            }
            if (lastUse[e] < lastUse[victim]) {
                victim = e;
            }
        }
        used[victim] = true;
        keys[victim] = site;
        counts.clear(victim);
        return victim;
    }

    private static int set(long site) {
        long z = site * 0x9E3779B97F4A7C15L;
        return (int) (z >>> 54) & (SETS - 1);
    }
}
