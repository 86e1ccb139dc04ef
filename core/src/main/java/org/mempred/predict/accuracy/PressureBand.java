package org.mempred.predict.accuracy;

import org.mempred.predict.Checks;

/**
 * The bands of <em>current</em> pressure p that accuracy is reported in (docs/design.md "Definitions"):
 * each band holds {@code lower <= p < upper}, the last one also p = 1.
 */
public enum PressureBand {
    /** 0–50 %. */
    P0_50("0-50%", 0.0, 0.50),
    /** 50–75 %. */
    P50_75("50-75%", 0.50, 0.75),
    /** 75–90 %. */
    P75_90("75-90%", 0.75, 0.90),
    /** 90–95 %. */
    P90_95("90-95%", 0.90, 0.95),
    /** 95–100 %. */
    P95_100("95-100%", 0.95, 1.0);

    private static final PressureBand[] BANDS = values();

    private final String label;
    private final double lowerPressure;
    private final double upperPressure;

    PressureBand(String label, double lowerPressure, double upperPressure) {
        this.label = label;
        this.lowerPressure = lowerPressure;
        this.upperPressure = upperPressure;
    }

    /** The band as printed, e.g. {@code "90-95%"}. */
    public String label() {
        return label;
    }

    /** Lowest pressure in the band (inclusive). */
    public double lowerPressure() {
        return lowerPressure;
    }

    /** Upper bound of the band (exclusive, except 1.0 for the last band). */
    public double upperPressure() {
        return upperPressure;
    }

    /** The band holding {@code pressure}, which must lie in [0, 1]. */
    public static PressureBand of(double pressure) {
        Checks.requirePressure("pressure", pressure);
        for (int b = 0; b < BANDS.length - 1; b++) {
            if (pressure < BANDS[b].upperPressure) {
                return BANDS[b];
            }
        }
        return BANDS[BANDS.length - 1];
    }
}
