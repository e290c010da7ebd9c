package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Run;
import workbench.reports.model.StubRun;

class ComparisonTest {
    private static final double[] BASELINE = {1.0, 1.1, 0.9, 1.2, 0.8};

    private static SortedMap<Integer, Double> rounds(DoubleUnaryOperator f) {
        SortedMap<Integer, Double> m = new TreeMap<>();
        for (int i = 0; i < BASELINE.length; i++) {
            m.put(i, f.applyAsDouble(BASELINE[i]));
        }
        return m;
    }

    @Test
    void welchPValueMatchesReference() {
        SortedMap<Integer, Double> a = new TreeMap<>();
        SortedMap<Integer, Double> b = new TreeMap<>();
        for (int i = 1; i <= 5; i++) {
            a.put(i, (double) i);
            b.put(i, 2.0 * i);
        }
        // scipy.stats.ttest_ind([1..5], [2,4,..10], equal_var=False).pvalue
        assertThat(Comparison.paired("a", "b", a, b, Bootstrap.DEFAULT).welchP()).isCloseTo(0.10753119493062728, within(1e-9));
    }

    @Test
    void fasterCandidateHeadlineHasTheDesignWording() {
        Comparison c = Comparison.paired("scalar", "vectored", rounds(x -> x), rounds(x -> x / 1.6), Bootstrap.DEFAULT);
        assertThat(c.rounds()).isEqualTo(5);
        assertThat(c.medianRatio()).isCloseTo(1.6, within(1e-12));
        assertThat(c.timeSaved()).isCloseTo(0.375, within(1e-12));
        assertThat(c.speedup()).isCloseTo(1.6, within(1e-12));
        // scipy: p = 0.003118664135237086
        assertThat(c.welchP()).isCloseTo(0.003118664135237086, within(1e-9));
        assertThat(c.headline()).isEqualTo(
                "vectored saves 37.5% of scalar's time (speedup 1.60×, 95% CI 1.60–1.60×, paired over 5 rounds; Welch p = 0.003)");
    }

    @Test
    void slowerCandidateCostsMore() {
        Comparison c = Comparison.paired("scalar", "vectored", rounds(x -> x), rounds(x -> x * 1.12), Bootstrap.DEFAULT);
        assertThat(c.headline()).isEqualTo(
                "vectored costs 12.0% more than scalar's time (speedup 0.89×, 95% CI 0.89–0.89×, paired over 5 rounds; Welch p = 0.292)");
    }

    @Test
    void pValueWording() {
        assertThat(Comparison.pValue(0.0004)).isEqualTo("p < 0.001");
        assertThat(Comparison.pValue(0.001)).isEqualTo("p = 0.001");
        assertThat(Comparison.pValue(0.023)).isEqualTo("p = 0.023");
        assertThat(Comparison.pValue(Double.NaN)).isEqualTo("p n/a");
    }

    @Test
    void pairsOnlyRoundsBothRanAndDegradesGracefully() {
        SortedMap<Integer, Double> base = new TreeMap<>(java.util.Map.of(0, 1.0, 1, 1.0));
        SortedMap<Integer, Double> cand = new TreeMap<>(java.util.Map.of(1, 0.5, 2, 0.5));
        Comparison c = Comparison.paired("scalar", "vectored", base, cand, Bootstrap.DEFAULT);
        assertThat(c.ratios()).containsExactly(2.0);
        assertThat(c.ratioCi().defined()).isFalse();
        assertThat(c.headline()).isEqualTo(
                "vectored saves 50.0% of scalar's time (speedup 2.00×, paired over 1 round; Welch p n/a)");
    }

    @Test
    void stubRunComparisonIsDeterministicAndItsIntervalHoldsTheMedian() {
        Run run = StubRun.create();
        List<Comparisons.SeriesComparison> all = Comparisons.against(run, "scalar");
        assertThat(all).extracting(Comparisons.SeriesComparison::context).containsExactly("loopback", "null (unverified)");
        Comparison loopback = all.get(0).comparison();
        assertThat(loopback.rounds()).isEqualTo(StubRun.MEASURED_ROUNDS - 1);
        assertThat(loopback.ratioCi().contains(loopback.medianRatio())).isTrue();
        assertThat(loopback.ratioCi().low()).isGreaterThanOrEqualTo(Summary.of(toArray(loopback.ratios())).min());
        assertThat(loopback.headline()).matches(
                "vectored saves \\d+\\.\\d% of scalar's time \\(speedup 1\\.\\d\\d×, 95% CI 1\\.\\d\\d–1\\.\\d\\d×, "
                        + "paired over 9 rounds; Welch p < 0\\.001\\)");
        assertThat(Comparisons.against(run, "scalar")).isEqualTo(all);
    }

    @Test
    void bootstrapIsStableForASeedAndContainsTheMedian() {
        double[] ratios = {1.71, 1.74, 1.69, 1.80, 1.75, 1.73, 1.66, 1.77, 1.72, 1.78};
        Interval first = Bootstrap.DEFAULT.medianCi(ratios);
        assertThat(Bootstrap.DEFAULT.medianCi(ratios)).isEqualTo(first);
        assertThat(first.contains(Summary.of(ratios).median())).isTrue();
        assertThat(first.low()).isGreaterThanOrEqualTo(1.66).isLessThan(first.high());
        assertThat(first.high()).isLessThanOrEqualTo(1.80);
        assertThat(new Bootstrap(10_000, 7).medianCi(ratios)).satisfies(other -> {
            assertThat(other.contains(Summary.of(ratios).median())).isTrue();
        });
    }

    @Test
    void bootstrapNeedsTwoValues() {
        assertThat(Bootstrap.DEFAULT.medianCi(new double[] {1.5}).defined()).isFalse();
        assertThat(Bootstrap.DEFAULT.medianCi(new double[0]).defined()).isFalse();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
