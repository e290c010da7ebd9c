package workbench.harness.run;

import workbench.reports.model.Run;
import workbench.reports.stats.Metric;
import workbench.reports.stats.Series;
import workbench.reports.stats.Summary;

/** Adaptive trials, as netperf's -I: is every series' 95% CI of the mean within a fraction of its mean? */
final class Confidence {
    private Confidence() {
    }

    static boolean reached(Run run, double target) {
        var series = Series.of(run);
        return !series.isEmpty() && series.stream().allMatch(s -> {
            Summary t = Summary.of(s.values(Metric.SEND_SECONDS));
            return t.ci().defined() && t.ci().halfWidth() <= target * t.mean();
        });
    }
}
