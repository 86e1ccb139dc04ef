package org.mempred.lab.stats;

/**
 * Mean, standard deviation and 95 % confidence interval of a sample (see {@link Stats}).
 * With fewer than two values the deviation and interval are NaN; with none, every figure is NaN.
 *
 * @param count values summarised (NaN inputs are left out)
 * @param mean arithmetic mean
 * @param sd sample standard deviation (n - 1)
 * @param ciLow lower end of the 95 % Student-t interval of the mean
 * @param ciHigh upper end of that interval
 */
public record Summary(int count, double mean, double sd, double ciLow, double ciHigh) {

    /** The same summary in another unit: every figure multiplied by {@code factor} (count unchanged). */
    public Summary times(double factor) {
        return new Summary(count, mean * factor, sd * factor, ciLow * factor, ciHigh * factor);
    }

    /** Half the interval's width: the "± x" of "mean ± x". */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2.0;
    }

    /** Whether the interval excludes zero (a difference is significant at 5 %). */
    public boolean excludesZero() {
        return ciLow > 0.0 || ciHigh < 0.0;
    }
}
