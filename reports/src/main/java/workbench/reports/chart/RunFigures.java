package workbench.reports.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import workbench.reports.model.Run;
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
        for (Map.Entry<String, List<String>> swept : Charts.sweptParams(summaries).entrySet()) {
            String p = swept.getKey();
            for (Metric m : List.of(Metric.SEND_SECONDS, Metric.GBIT_PER_SECOND)) {
                String stem = "sweep-" + p.replaceAll("[^A-Za-z0-9]+", "-") + "-" + (m == Metric.SEND_SECONDS ? "time" : "throughput");
                figures.add(new Figure(stem, capitalised(m.label()) + " against " + p,
                        "Mean " + m.label() + " (" + m.unit() + ") at each value of " + p + " (" + String.join(", ", swept.getValue())
                                + "), one line per strategy, " + n + " per point; error bars: 95% confidence interval "
                                + "of the mean." + (Sweep.of(summaries, p).numeric() ? "" : " Values are not numbers: "
                                + "placed at 1, 2, 3… in sorted order."), Charts.sweep(summaries, p, m)));
            }
        }
        return List.copyOf(figures);
    }

    private static Figure trialsInOrder(Run run) {
        return new Figure("trials", "Send time of every trial in the order they ran",
                "All " + run.trials().size() + " trials, warm-up (grey crosses) and failed (red) included, by the "
                        + "position they ran in: a trend shows drift, high early points show warm-up, rounds alternate "
                        + "the strategies' order.", Charts.trialsInOrder(run));
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
