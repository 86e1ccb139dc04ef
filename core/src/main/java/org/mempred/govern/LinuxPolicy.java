package org.mempred.govern;

import org.mempred.telemetry.Sample;

/**
 * {@code linux}: Linux's proactive compaction (kcompactd, {@code mm/compaction.c}:
 * {@code fragmentation_score_wmark}, {@code should_proactive_compact_node}). A fragmentation score
 * in [0, 100] is compared with two watermarks derived from {@code proactiveness} (the
 * {@code vm.compaction_proactiveness} sysctl, default 20):
 *
 * <pre>
 *   low  = max(100 - proactiveness, 5)        start when score &gt; high
 *   high = min(low + 10, 100)                 keep going until score &lt;= low
 * </pre>
 *
 * <p>Linux scores a zone by the share of its free memory that sits in blocks too small for a huge
 * page. Here the score is {@code 100 · (1 - largestFree / free)}: the share of free bytes outside
 * the largest free block, which is what a large request cannot use — the heap's fragmentation
 * scaled to 100. Unlike Linux, nothing here scales the score by heap size (there is one zone).
 */
public final class LinuxPolicy implements CompactionPolicy {
    /** Linux's default {@code vm.compaction_proactiveness}. */
    public static final int DEFAULT_PROACTIVENESS = 20;

    private final double lowWatermark;
    private final double highWatermark;
    private boolean compacting;

    /** A policy with {@code proactiveness} in [0, 100]. */
    public LinuxPolicy(int proactiveness) {
        if (proactiveness < 0 || proactiveness > 100) {
            throw new IllegalArgumentException("proactiveness=" + proactiveness + " must be in [0, 100]");
        }
        this.lowWatermark = Math.max(100 - proactiveness, 5);
        this.highWatermark = Math.min(lowWatermark + 10, 100);
    }

    @Override
    public String name() {
        return Policies.LINUX;
    }

    /** The fragmentation score of a sample, in [0, 100]. */
    static double score(Sample sample) {
        return 100.0 * sample.fragmentation();
    }

    @Override
    public Proposal decide(Sample sample, double prediction, double recentError) {
        double score = score(sample);
        if (!compacting && score > highWatermark) {
            compacting = true;
        } else if (compacting && score <= lowWatermark) {
            compacting = false;
        }
        String figures = String.format("score %.1f, watermarks %.0f/%.0f", score, lowWatermark, highWatermark);
        return compacting ? Proposal.compact("linux: " + figures) : Proposal.idle("linux: " + figures);
    }
}
