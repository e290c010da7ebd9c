package workbench.reports.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import workbench.reports.chart.Figure;
import workbench.reports.chart.LiveCharts;
import workbench.reports.json.RunJson;
import workbench.reports.model.Counts;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.Run;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialResult;

/** The live workloads' tables and charts over the stub run with live figures added. */
class LiveTablesTest {
    private static Run withLive(java.util.function.BiFunction<TrialResult, Random, LiveFigures> live) {
        Run stub = StubRun.create();
        Random random = new Random(7);
        List<TrialResult> trials = new ArrayList<>();
        for (TrialResult t : stub.trials()) {
            trials.add(t.series().network().equals("null") ? t : t.withLive(live.apply(t, random)));
        }
        return new Run(stub.schema(), stub.id(), stub.manifest(), trials, stub.complete(), stub.error());
    }

    private static LiveFigures precopy(TrialResult t, Random r) {
        boolean converged = !t.series().strategy().equals("scalar");
        List<LiveFigures.Pass> passes = new ArrayList<>(List.of(new LiveFigures.Pass(1, 131072, 537_000_000, 0.5, false),
                new LiveFigures.Pass(2, 4000, 16_000_000, 0.02, false)));
        passes.add(new LiveFigures.Pass(3, 300, 1_200_000, 0.002, true));
        return LiveFigures.of(new LiveFigures.PrecopyFigures(passes, converged, 0.01 + r.nextDouble() / 100, 12000, 1e9, 0.3, 2));
    }

    private static LiveFigures checkpoints(TrialResult t, Random r) {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            latencies.add(0.002 + r.nextDouble() * (t.series().strategy().equals("scalar") ? 0.004 : 0.002));
        }
        return LiveFigures.of(new LiveFigures.CheckpointFigures(latencies, java.util.Collections.nCopies(100, 300L),
                java.util.Collections.nCopies(100, 1_230_000L), java.util.Collections.nCopies(20, 0.0003), 0.025, 3.0, 0.4, 0.5,
                List.of(10, 20, 100), 12000, new Counts(123_000_000, 1000, 29000, 3600, 0, 0, 123_000_000)));
    }

    @Test
    void aPrecopyRunTellsConvergenceOfEverySeriesAndItsBytesPerPass() {
        Run run = withLive(LiveTablesTest::precopy);
        Table t = LiveTables.precopy(run).orElseThrow();
        assertThat(t.rows()).hasSize(2);
        // the stub's round 7 failed one trial of one series: 9 or 10 measured trials
        assertThat(t.rows()).anySatisfy(row -> assertThat(row.get(2)).matches("0/(9|10) \\(NOT converged: (9|10)\\)"));
        assertThat(t.rows()).anySatisfy(row -> assertThat(row.get(2)).matches("(9/9|10/10)"));
        assertThat(LiveTables.checkpoints(run)).isEmpty();
        List<Figure> figures = LiveCharts.of(run);
        assertThat(figures).extracting(Figure::name).containsExactly("precopy-passes");
        assertThat(((XYChart) figures.get(0).chart()).getSeriesMap()).containsOnlyKeys("loopback vectored", "loopback scalar");
    }

    @Test
    void aCheckpointRunHasLatencyPercentilesPerCheckpointCountsAndACdfPerStrategy() {
        Run run = withLive(LiveTablesTest::checkpoints);
        Table t = LiveTables.checkpoints(run).orElseThrow();
        assertThat(t.rows()).hasSize(2).allSatisfy(row -> {
            int n = Integer.parseInt(row.get(2)) / 100; // trials of 100 checkpoints, 3 checked each
            assertThat(n).isBetween(9, 10);
            assertThat(row.get(12)).isEqualTo(3 * n + " ok");
            assertThat(Double.parseDouble(row.get(5))).isBetween(2.0, 6.0); // p90 in ms
            assertThat(row.get(8)).isEqualTo("0.300"); // the ack path
        });
        Table counts = LiveTables.perCheckpointCounts(run).orElseThrow();
        assertThat(counts.rows()).allSatisfy(row -> assertThat(row.get(2)).isEqualTo("36.0")); // 3600 writes / 100 checkpoints
        List<Figure> figures = LiveCharts.of(run);
        assertThat(figures).extracting(Figure::name).containsExactly("checkpoint-latency-cdf");
        assertThat(((XYChart) figures.get(0).chart()).getSeriesMap()).hasSize(4);
        assertThat(workbench.reports.stats.Quantile.of(new double[] {1, 2, 3, 4, 5}, 0.9)).isEqualTo(4.6);
    }

    @Test
    void liveFiguresSurviveRunJson() {
        Run run = withLive(LiveTablesTest::checkpoints);
        Run back = RunJson.fromJson(RunJson.toJson(run), "test");
        assertThat(back.trials()).isEqualTo(run.trials());
        Run bulk = StubRun.create();
        assertThat(RunJson.toJson(bulk)).doesNotContain("\"live\"");
    }
}
