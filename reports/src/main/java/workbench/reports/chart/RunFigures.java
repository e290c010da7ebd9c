package workbench.reports.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import workbench.reports.model.Run;
import workbench.reports.stats.Comparison;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.Metric;
import workbench.reports.stats.Series;
import workbench.reports.stats.SeriesSummary;

/** Every chart of one run's report, with its caption; which charts depends on what the run swept. */
public final class RunFigures {
    private RunFigures() {
    }

    public static List<Figure> of(Run run) {
        List<Series> series = Series.of(run);
        List<SeriesSummary> summaries = series.stream().map(SeriesSummary::of).toList();
        String n = range(summaries, SeriesSummary::n);
        List<Figure> figures = new ArrayList<>();
        if (summaries.isEmpty()) {
            // no measured trial (all failed or warm-up): only the trials in order can be drawn
            figures.add(trialsInOrder(run));
            return List.copyOf(figures);
        }
        figures.add(new Figure("time", "Send time per strategy and network",
                "Mean send time (first stream byte to the return of the final flush) of the measured trials, " + n
                        + " per bar; error bars: 95% confidence interval of the mean (Student's t)."
                        + unverifiedNote(summaries), Charts.time(summaries)));
        figures.add(new Figure("throughput", "Throughput per strategy and network",
                "Mean throughput (stream bytes × 8 / send time, in decimal Gbit/s), " + n
                        + " per bar; error bars: 95% confidence interval of the mean." + unverifiedNote(summaries),
                Charts.throughput(summaries)));
        figures.add(new Figure("cpu", "CPU cost per GiB sent and received",
                "CPU seconds per GiB (2³⁰ bytes) of stream: the sending thread, the whole sender process and the whole "
                        + "receiver process (zero where no receiver ran), " + n
                        + " per bar; error bars: 95% confidence interval of the mean.", Charts.cpuPerGib(summaries)));
        figures.add(trialsInOrder(run));
        figures.add(new Figure("distribution", "Send time distribution per series",
                "One box per series over its measured trials (" + n + "): the box spans the quartiles (linear "
                        + "interpolation at 1 + (n − 1)p, R type 7) with the median inside; whiskers reach 1.5 × IQR "
                        + "beyond the box, cut at the smallest and largest trial; dots are the trials.",
                Charts.distribution(series)));
        String baseline = Comparisons.baseline(run);
        List<Comparisons.SeriesComparison> pairs = Comparisons.against(run, baseline);
        if (!pairs.isEmpty()) {
            figures.add(new Figure("ratios", "The headline: per-round time ratio of each pair",
                    "Each pair's " + baseline + " send time / candidate send time: the diamond is the "
                            + "headline ratio, the vertical line its 95% confidence interval (none below the rounds a CI "
                            + "needs), the pale dots the per-round ratios it comes from (" + rounds(pairs) + "). Above the "
                            + "dashed line at 1× the candidate is faster.", Charts.ratios("Speedup over "
                            + baseline + " per pair", "pair (where both ran)", "speedup ("
                            + baseline + " time / candidate time)", ratioPoints(pairs, null))));
        }
        for (Map.Entry<String, List<String>> swept : Charts.sweptParams(summaries).entrySet()) {
            String p = swept.getKey();
            String stem = "sweep-" + p.replaceAll("[^A-Za-z0-9]+", "-");
            boolean numeric = Sweep.of(summaries, p).numeric();
            String spacing = " The values of " + p + " (" + String.join(", ", Sweep.sorted(swept.getValue())) + ") are evenly spaced in "
                    + (numeric ? "increasing order" : "sorted order") + ", not to scale.";
            List<RatioPoint> speedups = ratioPoints(pairs, p);
            if (!speedups.isEmpty()) {
                figures.add(new Figure(stem + "-speedup", "Speedup against " + p,
                        "The headline ratio " + baseline + " send time / candidate send time at each "
                                + "value of " + p + " (diamonds), its 95% confidence interval (vertical lines) and the "
                                + "per-round ratios (pale dots), " + rounds(pairs) + "." + spacing
                                + " Above the dashed line at 1× the candidate is faster.",
                        Charts.ratios("Speedup over " + baseline + " against " + p, p, "speedup ("
                                + baseline + " time / candidate time)", speedups)));
            }
            for (Metric m : List.of(Metric.SEND_SECONDS, Metric.GBIT_PER_SECOND)) {
                figures.add(new Figure(stem + "-" + (m == Metric.SEND_SECONDS ? "time" : "throughput"),
                        capitalised(m.label()) + " against " + p,
                        "Mean " + m.label() + " (" + m.unit() + ") at each value of " + p + ", one line per strategy, "
                                + n + " per point; error bars: 95% confidence interval of the mean (Student's t)." + spacing
                                + " A strategy " + p + " does not apply to is a dashed line at its mean.",
                        Charts.sweep(summaries, p, m)));
            }
        }
        figures.addAll(LiveCharts.of(run));
        return List.copyOf(figures);
    }

    private static Figure trialsInOrder(Run run) {
        return new Figure("trials", "Send time of every trial in the order they ran",
                "All " + run.trials().size() + " trials, warm-up (grey crosses) and failed (red) included, by the "
                        + "position they ran in: a trend shows drift, high early points show warm-up, rounds alternate "
                        + "the strategies' order.", Charts.trialsInOrder(run));
    }

    /**
     * The headline ratio of each pair as a point: by pair context, or (with {@code param}) by the
     * value of that swept setting, one series per candidate and remaining context.
     */
    static List<RatioPoint> ratioPoints(List<Comparisons.SeriesComparison> pairs, String param) {
        List<RatioPoint> points = new ArrayList<>();
        for (Comparisons.SeriesComparison c : pairs) {
            Comparison x = c.comparison();
            String candidate = c.candidate().key().strategy();
            if (param == null) {
                points.add(new RatioPoint(candidate, c.context(), x.medianRatio(), x.ratioCi(), x.ratios()));
                continue;
            }
            Map<String, String> params = new java.util.TreeMap<>(c.baseline().key().params());
            params.putAll(c.candidate().key().params());
            String value = params.remove(param);
            if (value != null) {
                StringBuilder rest = new StringBuilder(c.candidate().key().network());
                params.forEach((k, v) -> rest.append(' ').append(k).append('=').append(v));
                points.add(new RatioPoint(candidate + "\u0000" + rest, value, x.medianRatio(), x.ratioCi(), x.ratios()));
            }
        }
        if (param != null) {
            // the context beside the candidate names a line only where lines differ in it
            boolean oneContext = points.stream().map(p -> p.series().substring(p.series().indexOf('\u0000'))).distinct().count() <= 1;
            points.replaceAll(p -> new RatioPoint(oneContext ? p.series().substring(0, p.series().indexOf('\u0000'))
                    : p.series().replace('\u0000', ' '), p.x(), p.estimate(), p.ci(), p.perRound()));
            List<String> order = Sweep.sorted(points.stream().map(RatioPoint::x).distinct().toList());
            points.sort(java.util.Comparator.comparingInt(p -> order.indexOf(p.x())));
        }
        return points;
    }

    /** "n = 10 rounds per pair" or "n = 9–10 rounds per pair" */
    private static String rounds(List<Comparisons.SeriesComparison> pairs) {
        int min = pairs.stream().mapToInt(c -> c.comparison().rounds()).min().orElse(0);
        int max = pairs.stream().mapToInt(c -> c.comparison().rounds()).max().orElse(0);
        return "n = " + (min == max ? Integer.toString(min) : min + "–" + max) + " rounds per pair";
    }

    /** "n = 10 trials" or "n = 9–10 trials" */
    static String range(List<SeriesSummary> summaries, ToIntFunction<SeriesSummary> n) {
        int min = summaries.stream().mapToInt(n).min().orElse(0);
        int max = summaries.stream().mapToInt(n).max().orElse(0);
        return "n = " + (min == max ? Integer.toString(min) : min + "–" + max) + " trials";
    }

    private static String unverifiedNote(List<SeriesSummary> summaries) {
        return summaries.stream().allMatch(SeriesSummary::verified) ? ""
                : " \"(unverified)\" marks series no receiver checked (the null network).";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
