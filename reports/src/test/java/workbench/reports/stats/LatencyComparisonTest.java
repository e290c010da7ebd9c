package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Counts;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

/** The checkpoint latency headline: its point and interval of one statistic, paired by round or pooled and unpaired. */
public class LatencyComparisonTest {
    /** a checkpoint trial of the given pause-to-ack latencies (s) */
    public static TrialResult checkpoints(int round, String strategy, List<Double> latencies) {
        int n = latencies.size();
        return StubRun.simple(round, SeriesKey.of(strategy, "loopback"), TrialStatus.VERIFIED, 0.1)
                .withLive(LiveFigures.of(new LiveFigures.CheckpointFigures(latencies, Collections.nCopies(n, 300L),
                        Collections.nCopies(n, 1_200_000L), Collections.nCopies(20, 0.0003), 0.025, 1.0, 0.2, 0.1,
                        List.of(n), 12000, new Counts(1_200_000L * n, 10, 290, 37, 0, 0, 0))));
    }

    /** i ms for i = 1 … n, times factor */
    public static List<Double> millis(int n, double factor) {
        List<Double> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            l.add(factor * i / 1e3);
        }
        return l;
    }

    static Run run(List<TrialResult> trials) {
        Run stub = StubRun.create();
        return new Run(stub.schema(), stub.id(), stub.manifest(), trials, true, stub.error());
    }

    static List<LatencyComparison> latency(Run run) {
        List<Comparisons.SeriesComparison> pairs = Comparisons.against(run, "scalar");
        assertThat(pairs).hasSize(1);
        return pairs.get(0).latency();
    }

    @Test
    void oneTrialAStrategyIsTheRatioOfPooledQuantilesWithABootstrapOfThatRatioAndSaysUnpaired() {
        Run run = run(List.of(checkpoints(0, "scalar", millis(101, 1)), checkpoints(0, "vectored", millis(101, 0.5))));
        List<LatencyComparison> l = latency(run);
        assertThat(l).extracting(LatencyComparison::quantile).containsExactly(0.5, 0.99);

        LatencyComparison p50 = l.get(0);
        assertThat(p50.paired()).isFalse();
        assertThat(p50.rounds()).isEqualTo(1);
        assertThat(p50.baselineLatency()).isCloseTo(0.051, within(1e-12));
        assertThat(p50.candidateLatency()).isCloseTo(0.0255, within(1e-12));
        assertThat(p50.ratio()).isCloseTo(0.5, within(1e-12));
        assertThat(p50.ci()).isEqualTo(Bootstrap.quantileRatio(millisArray(101, 0.5), millisArray(101, 1), 0.5, 0.95));
        assertThat(p50.ci().low()).isLessThan(0.5);
        assertThat(p50.ci().high()).isBetween(0.5, 1 / 1.02);
        assertThat(p50.outcome()).isEqualTo(Verdict.Outcome.CLAIM);
        assertThat(p50.sentence()).startsWith("loopback: vectored's pause-to-ack latency p50 is 0.50× scalar's (25.50 vs"
                        + " 51.00 ms, ratio of the p50s of 101 and 101 checkpoints pooled per strategy, 95% CI ")
                .endsWith("×, bootstrap over checkpoints; unpaired: 1 paired round, a paired CI needs 6)");

        LatencyComparison p99 = l.get(1); // 101 checkpoints cannot bound a p99 at 95%
        assertThat(p99.ci().defined()).isFalse();
        assertThat(p99.outcome()).isEqualTo(Verdict.Outcome.TOO_FEW_ROUNDS);
        assertThat(Verdict.note(run)).endsWith(LatencyComparison.NOTE).contains("299 for a p99");
        assertThat(Verdict.note(StubRun.create())).doesNotContain("Latency headlines");
        assertThat(p99.sentence()).isEqualTo("loopback: pause-to-ack latency p99, vectored vs scalar: no verdict (0.50×: "
                + "50.00 vs 100.00 ms, ratio of the p99s of 101 and 101 checkpoints pooled per strategy; a 95% CI of a p99"
                + " needs at least 299 checkpoints a side; unpaired: 1 paired round, a paired CI needs 6)");
    }

    @Test
    void sixRoundsArePairedTheMedianOfPerRoundRatiosWithItsOrderStatisticInterval() {
        double[] factors = {0.9, 0.4, 0.7, 0.5, 0.8, 0.6};
        List<TrialResult> trials = new ArrayList<>();
        for (int round = 0; round < factors.length; round++) {
            trials.add(checkpoints(round, "scalar", millis(11, 1 + round)));
            trials.add(checkpoints(round, "vectored", millis(11, factors[round] * (1 + round))));
        }
        LatencyComparison p50 = latency(run(trials)).get(0);
        assertThat(p50.paired()).isTrue();
        assertThat(p50.rounds()).isEqualTo(6);
        assertThat(p50.ratio()).isCloseTo(0.65, within(1e-12)); // (0.6 + 0.7) / 2
        assertThat(p50.ci().low()).isCloseTo(0.4, within(1e-12)); // six ratios: the smallest to the largest
        assertThat(p50.ci().high()).isCloseTo(0.9, within(1e-12));
        assertThat(p50.sentence()).isEqualTo("loopback: vectored's pause-to-ack latency p50 is 0.65× scalar's (median of 6"
                + " per-round ratios of each round's p50, 95% CI 0.40–0.90×)");
    }

    @Test
    void aBulkPairHasNoLatencyHeadline() {
        Run bulk = StubRun.create();
        assertThat(Comparisons.against(bulk, "scalar")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.latency()).isEmpty())
                .allSatisfy(c -> assertThat(c.sentences()).noneMatch(s -> s.contains("pause-to-ack")));
    }

    @Test
    void aQuantileNeedsTheValuesWhoseRangeCanCoverIt() {
        assertThat(Quantile.minValues(0.5, 0.95)).isEqualTo(MedianInterval.minValues(0.95)).isEqualTo(6);
        assertThat(Quantile.minValues(0.99, 0.95)).isEqualTo(299);
        assertThat(Quantile.name(0.5)).isEqualTo("p50");
        assertThat(Quantile.name(0.999)).isEqualTo("p99.9");
        assertThat(Bootstrap.quantileRatio(new double[298], new double[400], 0.99, 0.95).defined()).isFalse();
        assertThat(Bootstrap.quantileRatio(millisArray(299, 1), millisArray(299, 2), 0.99, 0.95).defined()).isTrue();
    }

    @Test
    void aResampledQuantileIsTheQuantileOfTheSameResampleSorted() {
        double[] sorted = millisArray(57, 1);
        for (double q : new double[] {0, 0.5, 0.9, 0.99, 1}) {
            Well19937c a = new Well19937c(3);
            Well19937c b = new Well19937c(3);
            for (int r = 0; r < 50; r++) {
                double[] resample = new double[sorted.length];
                for (int i = 0; i < resample.length; i++) {
                    resample[i] = sorted[b.nextInt(sorted.length)];
                }
                assertThat(Bootstrap.resampledQuantile(sorted, q, a)).isEqualTo(Quantile.of(resample, q));
            }
        }
    }

    static double[] millisArray(int n, double factor) {
        return millis(n, factor).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
