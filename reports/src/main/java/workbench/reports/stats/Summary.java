package workbench.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Descriptive statistics of one sample, as every table and chart shows them.
 *
 * <p>Conventions: {@code sd} is the sample standard deviation (n − 1 in the denominator); the
 * median of an even sample is the mean of the two middle values; {@code ci} is the 95% confidence
 * interval of the mean from Student's t with n − 1 degrees of freedom; {@code cv} is sd / mean as a
 * fraction. With n = 0 every figure is NaN; with n = 1, sd, ci and cv are NaN/undefined.
 *
 * @param n      number of values
 * @param mean   arithmetic mean
 * @param sd     sample standard deviation
 * @param median middle value
 * @param min    smallest value
 * @param max    largest value
 * @param ci     95% confidence interval of the mean (undefined with n &lt; 2)
 * @param cv     coefficient of variation, sd / mean (NaN with n &lt; 2 or a zero mean)
 */
public record Summary(int n, double mean, double sd, double median, double min, double max, Interval ci, double cv) {
    /** the confidence level of {@link #ci()} */
    public static final double CONFIDENCE = 0.95;

    public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Interval.UNDEFINED, Double.NaN);

    public static Summary of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return EMPTY;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).sum() / n;
        double median = median(sorted);
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, median, sorted[0], sorted[0], Interval.UNDEFINED, Double.NaN);
        }
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double half = t * sd / Math.sqrt(n);
        Interval ci = new Interval(mean - half, mean + half);
        double cv = mean == 0 ? Double.NaN : sd / mean;
        return new Summary(n, mean, sd, median, sorted[0], sorted[n - 1], ci, cv);
    }

    /** the median of an already sorted, non-empty array */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
