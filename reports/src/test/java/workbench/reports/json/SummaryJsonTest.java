package workbench.reports.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Run;
import workbench.reports.model.StubRun;
import workbench.reports.model.SweepRun;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.Metric;
import workbench.reports.stats.SeriesSummary;
import workbench.reports.table.SummaryMarkdown;

/** summary.json says what summary.md says, from the same statistics. */
class SummaryJsonTest {
    @Test
    void everyHeadlineSentenceIsSummaryMdsAndItsPointIsTheMedianPerRoundRatio() {
        for (Run run : List.of(StubRun.create(), SweepRun.create())) {
            RunSummary summary = new SummaryJson().of(run);
            String md = new SummaryMarkdown().render(run);
            List<Comparisons.SeriesComparison> pairs = Comparisons.against(run, Comparisons.DEFAULT_BASELINE);

            assertThat(summary.pairs()).hasSameSizeAs(pairs).isNotEmpty();
            for (int i = 0; i < pairs.size(); i++) {
                RunSummary.Headline time = summary.pairs().get(i).time();
                assertThat(md).contains(pairs.get(i).context() + ": " + time.sentence());
                assertThat(time.point()).isEqualTo(pairs.get(i).comparison().medianRatio());
                assertThat(time.ci()).isEqualTo(pairs.get(i).comparison().ratioCi());
                assertThat(time.outcome()).isEqualTo(pairs.get(i).verdict().outcome());
                assertThat(summary.pairs().get(i).cpu()).extracting(RunSummary.Headline::sentence).isNotEmpty()
                        .containsExactlyElementsOf(pairs.get(i).cpuVerdicts().stream().map(v -> v.sentence()).toList());
            }
            summary.warnings().forEach(w -> assertThat(md).contains(w.subject() + ": " + w.text()));
        }
    }

    @Test
    void aVerifiedPairHasBothCpuHeadlines() {
        RunSummary summary = new SummaryJson().of(StubRun.create());
        assertThat(summary.pairs()).flatExtracting(RunSummary.Pair::cpu).extracting(RunSummary.Headline::metric)
                .contains("senderThreadCpuSecondsPerGib", "receiverProcessCpuSecondsPerGib");
    }

    @Test
    void seriesCarryEveryMetricByItsKey() {
        Run run = StubRun.create();
        RunSummary summary = new SummaryJson().of(run);
        List<SeriesSummary> series = SeriesSummary.of(run);

        assertThat(summary.series()).hasSameSizeAs(series);
        RunSummary.SeriesFigures first = summary.series().get(0);
        assertThat(first.metrics().keySet()).containsExactly(java.util.Arrays.stream(Metric.values()).map(Metric::column)
                .toArray(String[]::new));
        assertThat(first.metrics().get("sendSeconds")).isEqualTo(series.get(0).sendTime());
        assertThat(first.trials()).isEqualTo(series.get(0).n());
    }

    @Test
    void aFigureThatCannotBeComputedIsNaNAndTheOutcomeIsAWord() {
        JsonNode json = RunJsonMapper.tree(RunJson.pretty(new SummaryJson().of(SweepRun.create())));

        // SweepRun has 4 rounds: below the 6 a CI needs, so no verdict and an undefined interval
        JsonNode time = json.at("/pairs/0/time");
        assertThat(time.get("outcome").asText()).isEqualTo("too-few-rounds");
        assertThat(time.at("/ci/low").asText()).isEqualTo("NaN");
        assertThat(time.get("claim").asBoolean()).isFalse();
        assertThat(time.get("margin").get("high").asDouble()).isEqualTo(1.02);
    }
}
