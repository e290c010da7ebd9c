package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MedianIntervalTest {
    @Test
    void aNinetyFivePercentIntervalNeedsSixValues() {
        assertThat(MedianInterval.minValues(0.95)).isEqualTo(6);
        assertThat(MedianInterval.of(new double[] {1, 2, 3, 4, 5}, 0.95).defined()).isFalse();
        assertThat(MedianInterval.of(new double[] {0.55, 0.94}, 0.95).defined()).isFalse();
        assertThat(MedianInterval.of(new double[] {3, 1, 2, 6, 5, 4}, 0.95)).isEqualTo(new Interval(1, 6));
    }

    @Test
    void tenValuesGiveTheSecondSmallestToTheSecondLargest() {
        double[] v = {1.9, 1.1, 1.5, 1.3, 1.0, 1.7, 1.2, 1.8, 1.4, 1.6};
        assertThat(MedianInterval.of(v, 0.95)).isEqualTo(new Interval(1.1, 1.8));
        // 1 - 2 * P(Binomial(10, 1/2) <= 1) = 1 - 2 * 11/1024
        assertThat(MedianInterval.coverage(10, 0.95)).isCloseTo(1 - 22.0 / 1024, within(1e-12));
    }

    @Test
    void coverageNeverFallsBelowTheLevel() {
        for (int n = 6; n <= 80; n++) {
            assertThat(MedianInterval.coverage(n, 0.95)).as("n = %d", n).isGreaterThanOrEqualTo(0.95);
        }
        assertThat(MedianInterval.coverage(5, 0.95)).isNaN();
    }

    @Test
    void aNaNLeavesNoInterval() {
        assertThat(MedianInterval.of(new double[] {1, 2, 3, Double.NaN, 5, 6, 7}, 0.95).defined()).isFalse();
    }
}
