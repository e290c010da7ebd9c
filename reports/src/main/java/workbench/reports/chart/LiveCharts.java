package workbench.reports.chart;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.Run;
import workbench.reports.stats.Series;

/** The charts of live workloads: a pre-copy's bytes per pass, the checkpoints' latency CDF. No I/O, as {@link Charts}. */
public final class LiveCharts {
    private LiveCharts() {
    }

    /** the figures a run of live trials adds to its report; none for bulk runs */
    public static List<Figure> of(Run run) {
        List<Series> precopy = Series.of(run).stream()
                .filter(s -> s.trials().stream().anyMatch(t -> t.liveFigures().flatMap(LiveFigures::precopyFigures).isPresent()))
                .toList();
        List<Figure> out = new ArrayList<>();
        if (!precopy.isEmpty()) {
            out.add(new Figure("precopy-passes", "Pre-copy: stream bytes per pass",
                    "Mean MiB sent in each pass over the measured trials of a series (pass 1 carries every page; the last "
                            + "point of a line is the stop-and-copy pass after the writers stopped; trials with fewer passes "
                            + "drop out of later points). Log scale: a converging pre-copy falls off, one that cannot "
                            + "converge stays flat until --max-passes.", bytesPerPass(precopy)));
        }
        List<Series> checkpoints = Series.of(run).stream()
                .filter(s -> s.trials().stream().anyMatch(t -> t.liveFigures().flatMap(LiveFigures::checkpointFigures).isPresent()))
                .toList();
        if (!checkpoints.isEmpty()) {
            out.add(new Figure("checkpoint-latency-cdf", "Checkpoint latency: cumulative distribution per strategy",
                    "The share of checkpoints (y) whose pause-to-ack latency on the sender's clock is at most x, pooled over"
                            + " the measured trials of each series (n = every checkpoint); dashed: the empty checkpoints that"
                            + " time the ack path alone. Log x axis: the tail (p99) sits at the top right.",
                    latencyCdf(checkpoints)));
        }
        return out;
    }

    static XYChart latencyCdf(List<Series> series) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title("Checkpoint latency CDF")
                .xAxisTitle("pause to ack (ms)").yAxisTitle("share of checkpoints").theme(Styler.ChartTheme.XChart).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        for (Series s : series) {
            List<LiveFigures.CheckpointFigures> f = s.trials().stream()
                    .flatMap(t -> t.liveFigures().flatMap(LiveFigures::checkpointFigures).stream()).toList();
            addCdf(chart, s.label(), f.stream().flatMap(c -> c.latencies().stream()).toList()).setMarker(SeriesMarkers.NONE);
            addCdf(chart, s.label() + " (ack path, empty)", f.stream().flatMap(c -> c.calibration().stream()).toList())
                    .setMarker(SeriesMarkers.NONE).setLineStyle(Charts.DASHED);
        }
        return chart;
    }

    private static XYSeries addCdf(XYChart chart, String name, List<Double> seconds) {
        double[] x = seconds.stream().mapToDouble(v -> Math.max(v * 1e3, 1e-3)).sorted().toArray();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (i + 1) / (double) x.length;
        }
        if (x.length == 0) {
            return chart.addSeries(name, new double[] {1}, new double[] {0});
        }
        return chart.addSeries(name, x, y);
    }

    static XYChart bytesPerPass(List<Series> series) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title("Pre-copy: MiB per pass")
                .xAxisTitle("pass").yAxisTitle("MiB sent in the pass (mean over trials)").theme(Styler.ChartTheme.XChart).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisLogarithmic(true);
        for (Series s : series) {
            List<List<LiveFigures.Pass>> trials = s.trials().stream()
                    .flatMap(t -> t.liveFigures().flatMap(LiveFigures::precopyFigures).stream())
                    .map(LiveFigures.PrecopyFigures::passes).toList();
            int most = trials.stream().mapToInt(List::size).max().orElse(0);
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int p = 0; p < most; p++) {
                int pass = p;
                double mib = trials.stream().filter(t -> t.size() > pass).mapToDouble(t -> t.get(pass).bytes() / 1048576.0)
                        .average().orElse(0);
                x.add((double) (p + 1));
                y.add(Math.max(mib, 1e-3)); // a log axis cannot show an empty pass: it shows as 1 KiB
            }
            if (!x.isEmpty()) {
                chart.addSeries(s.label(), x, y).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }
}
