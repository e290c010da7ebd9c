package workbench.reports.stats;

/**
 * A closed interval, such as a confidence interval. Both ends are NaN when the interval could not
 * be computed (too few values).
 *
 * @param low  lower end
 * @param high upper end
 */
public record Interval(double low, double high) {
    /** the interval that could not be computed */
    public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    public boolean defined() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    public boolean contains(double value) {
        return defined() && low <= value && value <= high;
    }

    /** half the width: the "±" of a symmetric interval (NaN when undefined) */
    public double halfWidth() {
        return (high - low) / 2;
    }
}
