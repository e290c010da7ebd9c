package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static final double EPS = 1e-12;

    @Test
    void oneToFiveMatchesHandComputedValues() {
        Summary s = Summary.of(new double[] {4, 2, 5, 1, 3});
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isCloseTo(3.0, within(EPS));
        // sd = sqrt(10 / 4)
        assertThat(s.sd()).isCloseTo(Math.sqrt(2.5), within(EPS));
        assertThat(s.median()).isEqualTo(3.0);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(5.0);
        // t(0.975, 4) = 2.7764451051977934 (scipy.stats.t.ppf); half width = t * sd / sqrt(5)
        assertThat(s.ci().low()).isCloseTo(1.0367568385224428, within(1e-9));
        assertThat(s.ci().high()).isCloseTo(4.963243161477557, within(1e-9));
        assertThat(s.cv()).isCloseTo(0.5270462766947299, within(1e-12));
    }

    @Test
    void evenSampleMedianIsMeanOfMiddleTwo() {
        assertThat(Summary.of(new double[] {4, 1, 3, 2}).median()).isEqualTo(2.5);
    }

    @Test
    void doesNotReorderTheCallersArray() {
        double[] values = {3, 1, 2};
        Summary.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void singleValueHasNoSpreadAndNoInterval() {
        Summary s = Summary.of(new double[] {0.25});
        assertThat(s.n()).isEqualTo(1);
        assertThat(s.mean()).isEqualTo(0.25);
        assertThat(s.median()).isEqualTo(0.25);
        assertThat(s.sd()).isNaN();
        assertThat(s.cv()).isNaN();
        assertThat(s.ci().defined()).isFalse();
    }

    @Test
    void emptySampleIsAllNaN() {
        Summary s = Summary.of(new double[0]);
        assertThat(s).isEqualTo(Summary.EMPTY);
        assertThat(s.n()).isZero();
        assertThat(s.mean()).isNaN();
        assertThat(s.ci().defined()).isFalse();
    }

    @Test
    void constantSampleHasZeroWidthInterval() {
        Summary s = Summary.of(new double[] {2, 2, 2});
        assertThat(s.sd()).isZero();
        assertThat(s.cv()).isZero();
        assertThat(s.ci()).isEqualTo(new Interval(2, 2));
    }

    @Property(tries = 200)
    void orderingInvariantsHold(@ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = -1e3, max = 1e3) Double> raw) {
        double[] values = raw.stream().mapToDouble(Double::doubleValue).toArray();
        Summary s = Summary.of(values);
        assertThat(s.min()).isLessThanOrEqualTo(s.median());
        assertThat(s.median()).isLessThanOrEqualTo(s.max());
        assertThat(s.mean()).isBetween(s.min() - 1e-9, s.max() + 1e-9);
        assertThat(s.sd()).isGreaterThanOrEqualTo(0);
        assertThat(s.ci().low()).isLessThanOrEqualTo(s.mean() + 1e-9);
        assertThat(s.ci().high()).isGreaterThanOrEqualTo(s.mean() - 1e-9);
    }

    @Property(tries = 50)
    void intervalNarrowsWithMoreOfTheSameValues(@ForAll @DoubleRange(min = 0.1, max = 10) double spread) {
        double[] few = {1, 1 + spread, 1 + 2 * spread};
        double[] many = new double[30];
        for (int i = 0; i < many.length; i++) {
            many[i] = few[i % 3];
        }
        assertThat(Summary.of(many).ci().halfWidth()).isLessThan(Summary.of(few).ci().halfWidth());
    }
}
