package org.mempred.govern;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mempred.lifetime.LifetimePredictor;
import org.mempred.lifetime.OracleLifetimePredictor;
import org.mempred.lifetime.SiteTable;
import org.mempred.lifetime.SizeClassPredictor;
import org.mempred.predict.neural.NeuralLifetimePredictor;

/**
 * Where a heap places a new block: {@code tlsf} (TLSF's good fit, the default) or by predicted
 * lifetime, near its class's address span (see the heap's lifetime spans), with one of four
 * predictors. Every run has a placement and a
 * compaction policy; they compose ({@code --placement site-table --policies reactive,reserve}).
 *
 * <p>A placement by lifetime keeps one arena and places each block in its class's address span
 * (short-lived low, long-lived high): no fence strands free space between classes.
 */
public enum Placement {
    /** Plain TLSF in one arena. */
    TLSF("tlsf", false),
    /** Per-site counts of observed lifetime classes (Barrett &amp; Zorn, TCMalloc). */
    SITE_TABLE("site-table", true),
    /** Lifetime by size alone, the baseline without sites. */
    SIZE_CLASS("size-class", false),
    /** A 4→8→1 network on site and size history, pre-trained and online. */
    NEURAL_LIFETIME("neural-lifetime", true),
    /** The true lifetime from the stream: the bound. */
    ORACLE_LIFETIME("oracle-lifetime", false);

    private final String id;
    private final boolean sites;

    Placement(String id, boolean sites) {
        this.id = id;
        this.sites = sites;
    }

    /** The name on the command line and in reports. */
    public String id() {
        return id;
    }

    /** Whether the placement reads allocation sites. */
    public boolean needsSites() {
        return sites;
    }

    /** Whether the placement reads each block's true lifetime (the oracle). */
    public boolean needsTrueLifetime() {
        return this == ORACLE_LIFETIME;
    }

    /** A fresh predictor for one heap, {@code null} for {@code tlsf}. */
    public LifetimePredictor createPredictor() {
        return switch (this) {
            case TLSF -> null;
            case SITE_TABLE -> new SiteTable();
            case SIZE_CLASS -> new SizeClassPredictor();
            case NEURAL_LIFETIME -> new NeuralLifetimePredictor();
            case ORACLE_LIFETIME -> new OracleLifetimePredictor();
        };
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Placement::id).toList();
    }

    /**
     * The placement called {@code text} (case and blanks ignored).
     *
     * @throws IllegalArgumentException naming the text and the valid ids
     */
    public static Placement parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Placement p : values()) {
            if (p.id.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a placement: expected one of " + String.join(", ", ids()));
    }
}
