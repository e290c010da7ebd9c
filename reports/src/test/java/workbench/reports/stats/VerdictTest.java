package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VerdictTest {
    /** a comparison of the given per-round ratios (baseline 1 s every round) */
    private static Comparison ratios(double... r) {
        SortedMap<Integer, Double> base = new TreeMap<>();
        SortedMap<Integer, Double> cand = new TreeMap<>();
        for (int i = 0; i < r.length; i++) {
            base.put(i, 1.0);
            cand.put(i, 1.0 / r[i]);
        }
        return Comparison.paired("scalar", "vectored", base, cand);
    }

    @Test
    void anIntervalClearOfOneAndOfTheMarginIsTheOnlyClaim() {
        Verdict v = Verdict.of(ratios(1.30, 1.31, 1.29, 1.35, 1.33, 1.32, 1.28, 1.36, 1.34, 1.30), 0.02);
        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.CLAIM);
        assertThat(v.claim()).isTrue();
        assertThat(v.sentence()).isEqualTo(
                "vectored saves 24.0% of scalar's time (speedup 1.32×, median of 10 per-round ratios, 95% CI 1.29–1.35×)");
        Verdict slower = Verdict.of(ratios(0.89, 0.88, 0.90, 0.87, 0.89, 0.91, 0.88, 0.90, 0.89, 0.89), 0.02);
        assertThat(slower.sentence()).isEqualTo(
                "vectored costs 12.4% more than scalar's time (speedup 0.89×, median of 10 per-round ratios, 95% CI 0.88–0.90×)");
    }

    @Test
    void anIntervalHoldingOneIsNoSignificantDifference() {
        Verdict v = Verdict.of(ratios(0.93, 1.26, 1.07, 0.98, 1.12, 1.05, 1.20, 1.10, 0.95, 1.08), 0.02);
        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.NO_DIFFERENCE);
        assertThat(v.claim()).isFalse();
        assertThat(v.sentence()).isEqualTo("vectored vs scalar: no significant difference "
                + "(speedup 1.08×, median of 10 per-round ratios, 95% CI 0.95–1.20×)");
    }

    @Test
    void anIntervalInsideTheMarginIsEquivalentEvenWhenItExcludesOne() {
        // link:gbe's "significant and meaningless" 1.00–1.00×
        Verdict v = Verdict.of(ratios(1.002, 1.003, 1.001, 1.004, 1.002, 1.003, 1.002, 1.001, 1.003, 1.002), 0.02);
        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.EQUIVALENT);
        assertThat(v.sentence()).startsWith("vectored vs scalar: equivalent within ±2% (speedup 1.00×");
        // symmetric in the log ratio: 1/1.02 is inside as 1.02 is; a wider margin reads as written
        assertThat(Verdict.of(ratios(0.981, 0.99, 1.0, 1.01, 1.019, 1.0), 0.02).outcome()).isEqualTo(Verdict.Outcome.EQUIVALENT);
        assertThat(Verdict.of(ratios(0.979, 0.99, 1.0, 1.01, 1.019, 1.0), 0.02).outcome()).isEqualTo(Verdict.Outcome.NO_DIFFERENCE);
        assertThat(Verdict.of(ratios(1.03, 1.04, 1.02, 1.05, 1.03, 1.04), 0.05).sentence()).contains("equivalent within ±5%");
    }

    @Test
    void anIntervalClearOfOneButReachingIntoTheMarginIsASmallDifference() {
        Verdict v = Verdict.of(ratios(1.01, 1.05, 1.03, 1.02, 1.04, 1.03, 1.03, 1.04, 1.02, 1.03), 0.02);
        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.SMALL_DIFFERENCE);
        assertThat(v.claim()).isFalse();
        assertThat(v.sentence()).isEqualTo("vectored vs scalar: a small difference within reach of the ±2% margin "
                + "(speedup 1.03×, median of 10 per-round ratios, 95% CI 1.02–1.04×)");
    }

    @Test
    void belowSixRoundsThereIsNoIntervalAndTheSentenceSaysHowManyItNeeds() {
        for (int n = 1; n <= 5; n++) {
            double[] r = new double[n];
            java.util.Arrays.fill(r, 1.5);
            r[0] = 1.4;
            Verdict v = Verdict.of(ratios(r), 0.02);
            assertThat(v.outcome()).isEqualTo(Verdict.Outcome.TOO_FEW_ROUNDS);
            assertThat(v.sentence()).doesNotContain("CI 1.").endsWith("; a 95% CI needs at least 6 paired rounds)");
        }
        assertThat(Verdict.of(ratios(0.55, 0.94), 0.02).sentence()).isEqualTo(
                "vectored vs scalar: no verdict (speedup 0.75×, median of 2 per-round ratios; a 95% CI needs at least 6 paired rounds)");
    }

    @Test
    void cpuVerdictsNameTheirQuantity() {
        SortedMap<Integer, Double> base = new TreeMap<>();
        SortedMap<Integer, Double> cand = new TreeMap<>();
        for (int i = 0; i < 8; i++) {
            base.put(i, 0.376 + 0.001 * i);
            cand.put(i, 0.285 + 0.001 * i);
        }
        Comparison c = Comparison.paired("scalar", "vectored", base, cand);
        Comparison cpu = new Comparison(c.baseline(), c.candidate(), Metric.SENDER_THREAD_CPU_PER_GIB, c.ratios(),
                c.medianRatio(), c.ratioCi(), c.baselineMean(), c.candidateMean(), c.welchP());
        assertThat(Verdict.of(cpu, 0.02).sentence()).startsWith("vectored uses 24.").contains("% less sender thread CPU per GiB than scalar (ratio 1.3");
        Comparison same = new Comparison("scalar", "vectored", Metric.RECEIVER_PROCESS_CPU_PER_GIB, List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
                1.0, new Interval(1.0, 1.0), 1, 1, Double.NaN);
        assertThat(Verdict.of(same, 0.02).sentence()).startsWith("receiver process CPU per GiB, vectored vs scalar: equivalent within ±2% (ratio 1.00×");
    }

    @Test
    void marginsPrintAsWritten() {
        assertThat(Verdict.percent(0.02)).isEqualTo("2%");
        assertThat(Verdict.percent(0.025)).isEqualTo("2.5%");
        assertThat(Verdict.percent(0.0)).isEqualTo("0%");
    }
}
