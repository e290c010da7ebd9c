package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Run;
import workbench.reports.model.StubRun;

class ComparisonTest {
    @Test
    void welchPValueMatchesReference() {
        SortedMap<Integer, Double> a = new TreeMap<>();
        SortedMap<Integer, Double> b = new TreeMap<>();
        for (int i = 1; i <= 5; i++) {
            a.put(i, (double) i);
            b.put(i, 2.0 * i);
        }
        // scipy.stats.ttest_ind([1..5], [2,4,..10], equal_var=False).pvalue
        assertThat(Comparison.paired("a", "b", a, b).welchP()).isCloseTo(0.10753119493062728, within(1e-9));
    }

    @Test
    void thePointIsTheMedianPerRoundRatioNotARatioOfMeans() {
        // one slow baseline round pulls the baseline mean up; the per-round ratios are 1.1 but for that round
        SortedMap<Integer, Double> base = new TreeMap<>();
        SortedMap<Integer, Double> cand = new TreeMap<>();
        for (int round = 0; round < 7; round++) {
            double b = round == 3 ? 5.0 : 1.1;
            base.put(round, b);
            cand.put(round, round == 3 ? 2.5 : 1.0);
        }
        Comparison c = Comparison.paired("scalar", "vectored", base, cand);
        assertThat(c.baselineMean() / c.candidateMean()).isCloseTo(11.6 / 8.5, within(1e-12));
        assertThat(c.medianRatio()).isCloseTo(1.1, within(1e-12));
        assertThat(c.speedup()).isEqualTo(c.medianRatio());
        assertThat(c.timeSaved()).isCloseTo(1 - 1 / 1.1, within(1e-12));
        assertThat(c.ratioCi().contains(c.speedup())).isTrue();
        assertThat(Verdict.of(c, 0.02).sentence()).contains("speedup 1.10×, median of 7 per-round ratios");
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
        Comparison c = Comparison.paired("scalar", "vectored", base, cand);
        assertThat(c.ratios()).containsExactly(2.0);
        assertThat(c.ratioCi().defined()).isFalse();
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
        assertThat(all.get(0).sentence()).matches(
                "loopback: vectored saves \\d+\\.\\d% of scalar's time \\(speedup 1\\.\\d\\d×, median of 9 per-round ratios, "
                        + "95% CI 1\\.\\d\\d–1\\.\\d\\d×\\)");
        assertThat(Comparisons.against(run, "scalar")).isEqualTo(all);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
