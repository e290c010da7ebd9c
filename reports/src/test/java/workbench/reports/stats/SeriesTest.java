package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialStatus;

class SeriesTest {
    private final Run run = StubRun.create();

    @Test
    void groupsMeasuredTrialsInOrderOfFirstAppearanceKeepingUnverifiedApart() {
        List<Series> all = Series.of(run);
        assertThat(all).extracting(Series::label).containsExactly(
                "loopback scalar", "loopback vectored", "null scalar (unverified)", "null vectored (unverified)");
        assertThat(all).extracting(Series::status).containsExactly(
                TrialStatus.VERIFIED, TrialStatus.VERIFIED, TrialStatus.UNVERIFIED, TrialStatus.UNVERIFIED);
    }

    @Test
    void leavesOutWarmupAndFailedTrials() {
        List<Series> all = Series.of(run);
        assertThat(all.get(0).trials()).hasSize(StubRun.MEASURED_ROUNDS)
                .allMatch(t -> !t.warmup() && t.status() == TrialStatus.VERIFIED);
        assertThat(all.get(1).trials()).hasSize(StubRun.MEASURED_ROUNDS - 1);
        assertThat(all.get(1).byRound(Metric.SEND_SECONDS)).doesNotContainKey(StubRun.WARMUP_ROUNDS + StubRun.FAILED_ROUND);
    }

    @Test
    void aKeyWithVerifiedAndUnverifiedTrialsFormsTwoSeries() {
        SeriesKey key = SeriesKey.of("scalar", "loopback");
        Run mixed = StubRun.of(List.of(StubRun.simple(0, key, TrialStatus.VERIFIED, 1.0),
                StubRun.simple(1, key, TrialStatus.UNVERIFIED, 2.0), StubRun.simple(2, key, TrialStatus.VERIFIED, 3.0)));
        List<SeriesSummary> summaries = SeriesSummary.of(mixed);
        assertThat(summaries).hasSize(2);
        assertThat(summaries.get(0).sendTime().mean()).isEqualTo(2.0);
        assertThat(summaries.get(1).sendTime().mean()).isEqualTo(2.0);
        assertThat(summaries.get(1).sendTime().n()).isEqualTo(1);
        assertThat(summaries.get(1).label()).isEqualTo("loopback scalar (unverified)");
    }

    @Test
    void summaryHoldsEveryMetric() {
        SeriesSummary s = SeriesSummary.of(run).get(0);
        assertThat(s.summaries()).containsOnlyKeys(Metric.values());
        assertThat(s.n()).isEqualTo(StubRun.MEASURED_ROUNDS);
        assertThat(s.get(Metric.WRITEV_CALLS).mean()).isZero();
        assertThat(s.gbitPerSecond().mean()).isBetween(8.0, 15.0);
    }

    @Test
    void severalTrialsInOneRoundAverage() {
        SeriesKey key = SeriesKey.of("scalar", "loopback");
        Run twice = StubRun.of(List.of(StubRun.simple(0, key, TrialStatus.VERIFIED, 1.0),
                StubRun.simple(0, key, TrialStatus.VERIFIED, 2.0)));
        assertThat(Series.of(twice).get(0).byRound(Metric.SEND_SECONDS)).containsEntry(0, 1.5);
    }
}
