package workbench.reports.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.BoxStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.Metric;
import workbench.reports.stats.Series;
import workbench.reports.stats.SeriesSummary;
import workbench.reports.stats.Summary;

/**
 * Builds the charts of a report from summaries, one method per chart, no I/O ({@link ChartFiles}
 * renders them). Bars carry the 95% CI of the mean as error bars; the box plot names its quartile
 * rule; every chart has a title, axis titles with units and a legend below the plot.
 */
public final class Charts {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 500;
    /** the box plot's quartile rule (linear interpolation at 1 + (n − 1)p, R type 7), named in its caption */
    public static final BoxStyler.BoxplotCalCulationMethod QUARTILES = BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1;

    private Charts() {
    }

    /**
     * Grouped bars with error bars: categories and series in order of first appearance. A series
     * with no bar in a category gets an empty slot there (xchart draws nothing for a null value).
     */
    public static CategoryChart bars(String title, String yTitle, String xTitle, List<Bar> bars) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).theme(Styler.ChartTheme.XChart).build();
        CategoryStyler styler = chart.getStyler();
        plain(styler);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setAvailableSpaceFill(0.7);
        styler.setYAxisMin(0.0);
        Set<String> categories = new LinkedHashSet<>();
        Map<String, Map<String, Bar>> bySeries = new LinkedHashMap<>();
        for (Bar b : bars) {
            categories.add(b.category());
            bySeries.computeIfAbsent(b.series(), s -> new LinkedHashMap<>()).put(b.category(), b);
        }
        if (categories.size() > 4) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        bySeries.forEach((name, byCategory) -> {
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String c : categories) {
                Bar b = byCategory.get(c);
                boolean drawn = b != null && Double.isFinite(b.value());
                values.add(drawn ? b.value() : null);
                errors.add(drawn && Double.isFinite(b.halfWidth()) ? b.halfWidth() : 0.0);
            }
            if (values.contains(null)) {
                // xchart cannot draw error bars beside an empty slot: such a series shows its means only
                chart.addSeries(name, new ArrayList<>(categories), values);
            } else {
                chart.addSeries(name, new ArrayList<>(categories), values, errors);
            }
        });
        return chart;
    }

    /** mean send time per strategy (series) and network (category), 95% CI error bars */
    public static CategoryChart time(List<SeriesSummary> series) {
        return bars("Send time", "send time (s)", "network", bars(series, Metric.SEND_SECONDS));
    }

    /** mean throughput per strategy and network, 95% CI error bars */
    public static CategoryChart throughput(List<SeriesSummary> series) {
        return bars("Throughput", "throughput (Gbit/s)", "network", bars(series, Metric.GBIT_PER_SECOND));
    }

    /** CPU seconds per GiB of stream: sender thread, sender process and receiver process per series */
    public static CategoryChart cpuPerGib(List<SeriesSummary> series) {
        List<Bar> bars = new ArrayList<>();
        for (Metric m : List.of(Metric.SENDER_THREAD_CPU_PER_GIB, Metric.SENDER_PROCESS_CPU_PER_GIB,
                Metric.RECEIVER_PROCESS_CPU_PER_GIB)) {
            for (SeriesSummary s : series) {
                Summary sum = s.get(m);
                bars.add(new Bar(s.label(), m.label(), sum.mean(), sum.ci().halfWidth()));
            }
        }
        return bars("CPU cost per GiB sent and received", "CPU seconds per GiB", "series", bars);
    }

    /** send time of every trial in the order it ran: one marker series per series, warm-up and failed apart */
    public static XYChart trialsInOrder(Run run) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Trials in the order they ran")
                .xAxisTitle("trial (order run)").yAxisTitle("send time (s)").theme(Styler.ChartTheme.XChart).build();
        XYStyler styler = chart.getStyler();
        plain(styler);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setMarkerSize(8);
        styler.setYAxisMin(0.0);
        styler.setXAxisDecimalPattern("0");
        Map<String, List<TrialResult>> groups = new LinkedHashMap<>();
        for (TrialResult t : run.trials()) {
            if (Double.isFinite(t.sendSeconds())) {
                String group = t.warmup() ? "warm-up" : t.status() == TrialStatus.FAILED ? "failed"
                        : t.series().label() + (t.status() == TrialStatus.UNVERIFIED ? " (unverified)" : "");
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(t);
            }
        }
        List<String> order = new ArrayList<>(groups.keySet());
        order.removeAll(List.of("warm-up", "failed"));
        order.addAll(groups.keySet().stream().filter(g -> g.equals("warm-up") || g.equals("failed")).toList());
        for (String name : order) {
            List<TrialResult> trials = groups.get(name);
            XYSeries s = chart.addSeries(name, trials.stream().mapToDouble(TrialResult::index).toArray(),
                    trials.stream().mapToDouble(TrialResult::sendSeconds).toArray());
            if (name.equals("warm-up")) {
                s.setMarker(SeriesMarkers.CROSS).setMarkerColor(java.awt.Color.GRAY);
            } else if (name.equals("failed")) {
                s.setMarker(SeriesMarkers.TRIANGLE_DOWN).setMarkerColor(java.awt.Color.RED);
            }
        }
        return chart;
    }

    /** one box of send times per series, with every trial drawn inside it */
    public static BoxChart distribution(List<Series> series) {
        BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT).title("Send time distribution per series")
                .xAxisTitle("series").yAxisTitle("send time (s)").theme(Styler.ChartTheme.XChart).build();
        BoxStyler styler = chart.getStyler();
        plain(styler);
        styler.setBoxplotCalCulationMethod(QUARTILES);
        styler.setShowWithinAreaPoint(true);
        styler.setLegendVisible(false);
        if (series.size() > 4) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        for (Series s : series) {
            double[] v = s.values(Metric.SEND_SECONDS);
            if (v.length > 0) {
                chart.addSeries(s.label(), v);
            }
        }
        return chart;
    }

    /**
     * A metric against one swept setting: one line per strategy (and per other setting that varies),
     * 95% CI error bars. A logarithmic x axis when the values are positive and span a factor of 10.
     * Values that are not numbers are placed at 1, 2, 3… in sorted order.
     */
    public static XYChart sweep(List<SeriesSummary> series, String param, Metric metric) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(capitalised(metric.label()) + " against " + param).xAxisTitle(param)
                .yAxisTitle(metric.label() + " (" + metric.unit() + ")").theme(Styler.ChartTheme.XChart).build();
        XYStyler styler = chart.getStyler();
        plain(styler);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setYAxisMin(0.0);
        Sweep sweep = Sweep.of(series, param);
        styler.setXAxisLogarithmic(sweep.logarithmic());
        styler.setXAxisLogarithmicDecadeOnly(false);
        sweep.lines().forEach((name, points) -> {
            double[] x = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            Summary[] s = points.values().stream().map(p -> p.get(metric)).toArray(Summary[]::new);
            double[] y = java.util.Arrays.stream(s).mapToDouble(Summary::mean).toArray();
            double[] e = java.util.Arrays.stream(s).mapToDouble(v -> v.ci().defined() ? v.ci().halfWidth() : 0).toArray();
            chart.addSeries(name, x, y, e).setMarker(SeriesMarkers.CIRCLE);
        });
        return chart;
    }

    /** where a series ran, without its strategy: "loopback", "loopback batch=8", "null (unverified)" */
    public static String context(SeriesKey key, TrialStatus status) {
        StringBuilder s = new StringBuilder(key.network());
        key.params().forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.append(status == TrialStatus.UNVERIFIED ? " (unverified)" : "").toString();
    }

    /** the settings swept in these series, by name, each with its values in the order of a sweep */
    public static Map<String, List<String>> sweptParams(List<SeriesSummary> series) {
        Map<String, Set<String>> values = new TreeMap<>();
        series.forEach(s -> s.key().params().forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v)));
        Map<String, List<String>> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v.size() > 1) {
                out.put(k, List.copyOf(v));
            }
        });
        return out;
    }

    /**
     * The house look: white around the plot, and axis numbers with a decimal point and a leading
     * zero whatever the default locale, like the tables beside them.
     */
    private static void plain(AxesChartStyler styler) {
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        styler.setLegendBorderColor(java.awt.Color.LIGHT_GRAY);
        styler.setLocale(Locale.ROOT);
        styler.setYAxisDecimalPattern("#,##0.###");
    }

    private static List<Bar> bars(List<SeriesSummary> series, Metric metric) {
        return series.stream().map(s -> new Bar(context(s.key(), s.status()), s.key().strategy(),
                s.get(metric).mean(), s.get(metric).ci().halfWidth())).toList();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
