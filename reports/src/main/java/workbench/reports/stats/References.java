package workbench.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesRole;

/**
 * Each strategy's series against each reference measured beside it in the same rounds: a ceiling
 * (iperf3 moving the same bytes: the fraction of what the machine moved at that moment) or a
 * verified baseline (QEMU migrating the same guest: our time as a multiple of its time). Both are
 * the median of per-round ratios of transfer times with the order-statistic CI of that median. A
 * reference is never a headline pair of its own and never a candidate.
 */
public final class References {
    private References() {
    }

    /** every verified strategy series with every reference series of its network whose swept settings agree */
    public static List<Ratio> of(Run run) {
        List<Series> all = Series.of(run);
        List<Ratio> out = new ArrayList<>();
        for (Series ours : all) {
            if (ours.key().role() != SeriesRole.STRATEGY || !ours.verified()) {
                continue;
            }
            for (Series reference : all) {
                if (isReference(reference) && reference.key().network().equals(ours.key().network())
                        && Comparisons.agree(reference.key().params(), ours.key().params())) {
                    out.add(Ratio.of(ours, reference));
                }
            }
        }
        return List.copyOf(out);
    }

    /** a ceiling (iperf3 checks no guest, so any status), or a baseline whose RAM digest was checked */
    private static boolean isReference(Series s) {
        SeriesRole role = s.key().role();
        return role == SeriesRole.CEILING || role == SeriesRole.BASELINE && s.verified();
    }

    /**
     * One strategy against one reference, per round on transfer time: for a ceiling the ceiling's
     * time over ours (a fraction of its rate), for a baseline ours over the baseline's (a multiple
     * of its time; below 1 we are faster).
     */
    public record Ratio(Series ours, Series reference, Comparison comparison) {
        static Ratio of(Series ours, Series reference) {
            Comparison c = reference.key().role() == SeriesRole.CEILING
                    ? Comparison.of(reference, ours, Metric.TRANSFER_SECONDS)
                    : Comparison.of(ours, reference, Metric.TRANSFER_SECONDS);
            return new Ratio(ours, reference, c);
        }

        public boolean ceiling() {
            return reference.key().role() == SeriesRole.CEILING;
        }

        /** the median per-round ratio: the point its interval belongs to */
        public double median() {
            return comparison.medianRatio();
        }

        /** the reference's name with the swept settings our label does not already carry: "qemu-multifd channels=2" */
        public String referenceName() {
            Map<String, String> ourParams = ours.key().params();
            String extra = reference.key().params().entrySet().stream().filter(e -> !ourParams.containsKey(e.getKey()))
                    .map(e -> " " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
            return reference.key().strategy() + extra;
        }

        /**
         * "loopback vectored: 0.58× of iperf3's rate (median of 10 per-round ratios, 95% CI 0.52–0.63×;
         * our transfer time against iperf3's receiver-side time for the same bytes)", or "loopback
         * vectored: 0.85× of qemu's time (median of 10 per-round ratios, 95% CI 0.76–0.97×; our
         * transfer time over qemu's for the same guest)"
         */
        public String sentence() {
            Interval ci = comparison.ratioCi();
            String interval = ci.defined() ? String.format(Locale.ROOT, ", 95%% CI %.2f–%.2f×", ci.low(), ci.high()) : "";
            String name = referenceName();
            String how = ceiling() ? "our transfer time against " + name + "'s receiver-side time for the same bytes"
                    : "our transfer time over " + name + "'s for the same guest";
            return String.format(Locale.ROOT, "%s: %.2f× of %s's %s (median of %d per-round ratio%s%s; %s)", ours.key().label(),
                    median(), name, ceiling() ? "rate" : "time", comparison.rounds(), comparison.rounds() == 1 ? "" : "s",
                    interval, how);
        }
    }
}
