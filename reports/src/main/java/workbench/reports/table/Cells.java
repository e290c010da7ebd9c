package workbench.reports.table;

import java.util.Locale;
import workbench.reports.stats.Interval;
import workbench.reports.stats.Summary;

/** How numbers become table cells: always with a decimal point ({@link Locale#ROOT}); "n/a" for NaN. */
public final class Cells {
    static final String MISSING = "n/a";

    private Cells() {
    }

    /** {@code value} with {@code decimals} digits after the point */
    public static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : MISSING;
    }

    /** the seed's time cell: "0.231 (std 0.004)" */
    static String meanStd(Summary s, int decimals) {
        return fixed(s.mean(), decimals) + " (std " + fixed(s.sd(), decimals) + ")";
    }

    /** the seed's count cell, rounded to integers: "32829 (1)" */
    static String meanSdCount(Summary s) {
        return fixed(s.mean(), 0) + " (" + fixed(s.sd(), 0) + ")";
    }

    /** "0.2280–0.2340" */
    public static String interval(Interval i, int decimals) {
        return i.defined() ? fixed(i.low(), decimals) + "–" + fixed(i.high(), decimals) : MISSING;
    }

    /** a fraction as a percentage: 0.017 → "1.7%" */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? fixed(100 * fraction, 1) + "%" : MISSING;
    }
}
