package workbench.reports.stats;

import java.util.Arrays;

/**
 * Sample quantiles, one definition for every table, headline and file: linear interpolation at
 * 1 + (n − 1)q (R's type 7, as the box plots use).
 */
public final class Quantile {
    private Quantile() {
    }

    /** the q-quantile of the values (NaN when there are none) */
    public static double of(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, q);
    }

    /** the q-quantile of values already sorted ascending (NaN when there are none) */
    public static double ofSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The fewest values whose whole range covers the true q-quantile with probability
     * {@code confidence} for any continuous distribution: the smallest n with
     * 1 − qⁿ − (1 − q)ⁿ ≥ confidence (all n values fall below the quantile with probability qⁿ,
     * all above it with (1 − q)ⁿ). Below it no interval from the values can hold its level, so none
     * is given: 6 for a median at 95% (as {@link MedianInterval#minValues}), 299 for a p99.
     */
    public static int minValues(double q, double confidence) {
        int n = 1;
        while (1 - Math.pow(q, n) - Math.pow(1 - q, n) < confidence - 1e-12) {
            n++;
        }
        return n;
    }

    /** "p50", "p99", "p99.9" */
    public static String name(double q) {
        return "p" + java.math.BigDecimal.valueOf(100 * q).setScale(3, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
