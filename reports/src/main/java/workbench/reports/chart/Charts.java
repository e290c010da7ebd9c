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
    /** the dashed line of a reference: the ratio 1, an empty checkpoint's ack path */
    static final java.awt.BasicStroke DASHED = new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
            java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 500;
    /** up to this many bar categories keep their full labels on a chart of {@link #WIDTH} */
    public static final int FLAT_LABELS = 4;
    /** the widest a bar chart grows to keep its labels flat (a report shows it at this size, scrolling sideways) */
    public static final int MAX_WIDTH = 1600;
    /** room around a bar chart's tick labels: the y axis, its title and the plot's margins */
    private static final int BAR_CHART_FRAME = 130;
    /** the least gap between two neighbouring tick labels */
    private static final int LABEL_GAP = 28;
    /** the box plot's quartile rule (linear interpolation at 1 + (n − 1)p, R type 7), named in its caption */
    public static final BoxStyler.BoxplotCalCulationMethod QUARTILES = BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1;

    private Charts() {
    }

    /**
     * Bars with error bars, coloured by series ({@link Palette}). When every category holds a bar of
     * every series, the bars are grouped per category; otherwise (a sweep a strategy ignores, a
     * ceiling beside the strategies) each bar gets a category of its own, "category series", so that
     * every bar sits on its tick and keeps its error bar. Order: categories and series as they first
     * appear. Beyond {@link #FLAT_LABELS} categories the words all tick labels start with go to the axis
     * title and the chart widens, up to {@link #MAX_WIDTH}, until each label fits its slot unrotated;
     * longer labels (a comparison's groups of several settings) are still rotated on a chart of {@link #WIDTH}.
     */
    public static CategoryChart bars(String title, String yTitle, String xTitle, List<Bar> bars) {
        Set<String> categories = new LinkedHashSet<>();
        Map<String, Map<String, Bar>> bySeries = new LinkedHashMap<>();
        for (Bar b : bars) {
            categories.add(b.category());
            bySeries.computeIfAbsent(b.series(), s -> new LinkedHashMap<>()).put(b.category(), b);
        }
        boolean grid = bySeries.values().stream().allMatch(m -> m.keySet().containsAll(categories));
        if (!grid) {
            List<Bar> own = new ArrayList<>();
            bySeries.forEach((name, byCategory) -> byCategory.values().forEach(b ->
                    own.add(new Bar(b.alone(), name, b.value(), b.halfWidth()))));
            categories.clear();
            own.forEach(b -> categories.add(b.category()));
            bySeries.clear();
            own.forEach(b -> bySeries.computeIfAbsent(b.series(), s -> new LinkedHashMap<>()).put(b.category(), b));
        }
        String axisTitle = grid ? xTitle : xTitle + " and series";
        List<String> ticks = new ArrayList<>(categories);
        int width = WIDTH;
        boolean rotate = false;
        if (categories.size() > FLAT_LABELS) {
            // many ticks: the words every label starts with move to the axis title, and the chart widens until
            // each label fits its slot flat; only labels too long even for MAX_WIDTH are still rotated
            String shared = sharedLeadingWords(ticks);
            if (!shared.isEmpty()) {
                ticks.replaceAll(t -> t.substring(shared.length() + 1));
                axisTitle += ", all " + shared;
            }
            int flat = widthFor(ticks);
            rotate = flat > MAX_WIDTH;
            width = rotate ? WIDTH : Math.max(WIDTH, flat);
        }
        CategoryChart chart = new CategoryChartBuilder().width(width).height(HEIGHT).title(title)
                .xAxisTitle(axisTitle).yAxisTitle(yTitle).theme(Styler.ChartTheme.XChart).build();
        CategoryStyler styler = chart.getStyler();
        plain(styler);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setErrorBarsColorSeriesColor(false);
        styler.setErrorBarsColor(java.awt.Color.BLACK);
        styler.setAvailableSpaceFill(grid ? 0.7 : 0.6);
        styler.setOverlapped(!grid); // one bar per category: drawn on its tick, not in a slot beside empty ones
        styler.setYAxisMin(0.0);
        if (rotate) {
            styler.setXAxisLabelRotation(20);
        }
        double top = bars.stream().filter(b -> Double.isFinite(b.value()))
                .mapToDouble(b -> b.value() + (Double.isFinite(b.halfWidth()) ? b.halfWidth() : 0)).max().orElse(0);
        if (top > 0) {
            styler.setYAxisMax(top * 1.05); // xchart scales to the bars alone and cuts the highest error bar
        }
        bySeries.forEach((name, byCategory) -> {
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String c : categories) {
                Bar b = byCategory.get(c);
                boolean drawn = b != null && Double.isFinite(b.value());
                values.add(drawn ? b.value() : Double.NaN); // NaN: no bar; xchart draws error bars only without nulls
                errors.add(drawn && Double.isFinite(b.halfWidth()) ? b.halfWidth() : 0.0);
            }
            chart.addSeries(name, new ArrayList<>(ticks), values, errors).setFillColor(Palette.of(name));
        });
        return chart;
    }

    /**
     * The whole words every label starts with, leaving each at least one word of its own; "" when
     * they share none ("loopback scalar", "loopback vectored batch=64" share "loopback").
     */
    static String sharedLeadingWords(List<String> labels) {
        List<String[]> words = labels.stream().map(l -> l.split(" ", -1)).toList();
        int most = words.stream().mapToInt(w -> w.length - 1).min().orElse(0);
        int n = 0;
        while (n < most) {
            String w = words.get(0)[n];
            int at = n;
            if (!words.stream().allMatch(ws -> ws[at].equals(w))) {
                break;
            }
            n++;
        }
        return String.join(" ", java.util.Arrays.copyOf(words.get(0), n));
    }

    /** a bar chart's width at which every tick label, in the theme's tick font, fits its slot without rotation */
    private static int widthFor(List<String> ticks) {
        java.awt.Font font = new org.knowm.xchart.style.theme.XChartTheme().getAxisTickLabelsFont();
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        double widest = ticks.stream().mapToDouble(t -> font.getStringBounds(t, frc).getWidth()).max().orElse(0);
        return BAR_CHART_FRAME + (int) Math.ceil(ticks.size() * (widest + LABEL_GAP));
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
     * 95% CI error bars, coloured by strategy. The swept values are evenly spaced in increasing
     * order, each on a labelled tick (a log axis put 16, 64 and 256 between its ticks). A series the
     * setting does not apply to is a dashed line at its mean, without markers or error bars: one
     * measurement, not one per value.
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
        evenTicks(chart, sweep.values());
        sweep.lines().forEach((name, points) -> {
            double[] x = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            Summary[] s = points.values().stream().map(p -> p.get(metric)).toArray(Summary[]::new);
            double[] y = java.util.Arrays.stream(s).mapToDouble(Summary::mean).toArray();
            java.awt.Color colour = Palette.of(name);
            if (sweep.references().contains(name)) {
                XYSeries flat = chart.addSeries(name, new double[] {0.75, sweep.values().size() + 0.25},
                        new double[] {y[0], y[0]});
                flat.setMarker(SeriesMarkers.NONE).setLineColor(colour)
                        .setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                                10f, new float[] {8f, 6f}, 0f));
                return;
            }
            double[] e = java.util.Arrays.stream(s).mapToDouble(v -> v.ci().defined() ? v.ci().halfWidth() : 0).toArray();
            chart.addSeries(name, x, y, e).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(colour).setLineColor(colour);
        });
        return chart;
    }

    /**
     * Ratios with their confidence intervals, one column per x label, one colour per series, a
     * dashed line at 1 (no difference): the estimate is a large dot, its interval a vertical line,
     * the per-round ratios small pale dots beside it. The y axis is not forced to zero: ratios sit near 1.
     */
    public static XYChart ratios(String title, String xTitle, String yTitle, List<RatioPoint> points) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).theme(Styler.ChartTheme.XChart).build();
        XYStyler styler = chart.getStyler();
        plain(styler);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setYAxisDecimalPattern("0.00");
        List<String> xs = new ArrayList<>(new LinkedHashSet<>(points.stream().map(RatioPoint::x).toList()));
        List<String> names = new ArrayList<>(new LinkedHashSet<>(points.stream().map(RatioPoint::series).toList()));
        evenTicks(chart, xs);
        XYSeries one = chart.addSeries("no difference (1×)", new double[] {0.5, xs.size() + 0.5}, new double[] {1, 1});
        one.setMarker(SeriesMarkers.NONE).setLineColor(java.awt.Color.GRAY).setLineStyle(DASHED);
        double low = 1;
        double high = 1;
        double step = names.size() > 1 ? Math.min(0.5 / names.size(), 0.2) : 0;
        for (int n = 0; n < names.size(); n++) {
            String name = names.get(n);
            java.awt.Color colour = Palette.of(name);
            List<Double> ex = new ArrayList<>();
            List<Double> ey = new ArrayList<>();
            List<Double> rx = new ArrayList<>();
            List<Double> ry = new ArrayList<>();
            double offset = (n - (names.size() - 1) / 2.0) * step;
            for (RatioPoint p : points) {
                if (!p.series().equals(name) || !Double.isFinite(p.estimate())) {
                    continue;
                }
                double x = xs.indexOf(p.x()) + 1 + offset;
                ex.add(x);
                ey.add(p.estimate());
                low = Math.min(low, p.estimate());
                high = Math.max(high, p.estimate());
                for (double r : p.perRound()) {
                    if (Double.isFinite(r)) {
                        rx.add(x + Math.max(step, 0.12) / 3);
                        ry.add(r);
                        low = Math.min(low, r);
                        high = Math.max(high, r);
                    }
                }
                if (p.ci().defined()) {
                    XYSeries ci = chart.addSeries(name + " CI at " + p.x(), new double[] {x, x},
                            new double[] {p.ci().low(), p.ci().high()});
                    ci.setMarker(SeriesMarkers.NONE).setLineColor(colour).setLineStyle(new java.awt.BasicStroke(3f))
                            .setShowInLegend(false);
                    low = Math.min(low, p.ci().low());
                    high = Math.max(high, p.ci().high());
                }
            }
            if (!rx.isEmpty()) {
                XYSeries rounds = chart.addSeries(name + " per round", rx, ry);
                rounds.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                rounds.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Palette.lighter(colour)).setShowInLegend(false);
            }
            if (!ex.isEmpty()) {
                XYSeries estimate = chart.addSeries(name, ex, ey);
                estimate.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                estimate.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(colour);
            }
        }
        double pad = Math.max(0.02, (high - low) * 0.08);
        styler.setYAxisMin(Math.max(0, low - pad));
        styler.setYAxisMax(high + pad);
        styler.setMarkerSize(10);
        return chart;
    }

    /** x positions 1, 2, 3… labelled with the given texts, nothing between them */
    private static void evenTicks(XYChart chart, List<String> labels) {
        XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(false);
        styler.setXAxisMin(0.5);
        styler.setXAxisMax(labels.size() + 0.5);
        styler.setXAxisTickMarkSpacingHint(Math.max(20, WIDTH / Math.max(1, labels.size() * 3)));
        styler.setxAxisTickLabelsFormattingFunction(x -> {
            long i = Math.round(x);
            // xchart drops every label when two are equal: ticks between the values get distinct invisible ones
            return Math.abs(x - i) < 1e-6 && i >= 1 && i <= labels.size() ? labels.get((int) i - 1)
                    : "\u200B".repeat((int) Math.round(Math.abs(x) * 100) + 1);
        });
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
                s.get(metric).mean(), s.get(metric).ci().halfWidth(), s.label())).toList();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
