package workbench.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesRole;

/**
 * Each strategy's series against the ceiling measured beside it (iperf3 moving the same bytes on
 * the same network in the same rounds): the fraction of what the machine moved at that moment.
 * A ceiling is never a headline pair of its own and never a candidate.
 */
public final class Ceilings {
    private Ceilings() {
    }

    /** every strategy series with every ceiling series of its network whose swept settings agree */
    public static List<Fraction> of(Run run) {
        List<Series> all = Series.of(run);
        List<Fraction> out = new ArrayList<>();
        for (Series ours : all) {
            if (ours.key().role() != SeriesRole.STRATEGY || !ours.verified()) {
                continue;
            }
            for (Series ceiling : all) {
                if (ceiling.key().role() == SeriesRole.CEILING && ceiling.key().network().equals(ours.key().network())
                        && Comparisons.agree(ceiling.key().params(), ours.key().params())) {
                    out.add(new Fraction(ours, ceiling, Comparison.of(ceiling, ours, Metric.TRANSFER_SECONDS)));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * One strategy as a fraction of a ceiling: per round, the ceiling's receiver-side time over our
     * transfer time (first stream byte to the receiver's done) for the same bytes.
     */
    public record Fraction(Series ours, Series ceiling, Comparison comparison) {
        /** the median per-round fraction: the point its interval belongs to */
        public double median() {
            return comparison.medianRatio();
        }

        /**
         * "loopback vectored: 0.58× of iperf3's rate (median of 10 per-round ratios, 95% CI 0.52–0.63×;
         * our transfer time against iperf3's receiver-side time for the same bytes)"
         */
        public String sentence() {
            Interval ci = comparison.ratioCi();
            String interval = ci.defined() ? String.format(Locale.ROOT, ", 95%% CI %.2f–%.2f×", ci.low(), ci.high()) : "";
            return String.format(Locale.ROOT, "%s: %.2f× of %s's rate (median of %d per-round ratio%s%s; our transfer time "
                            + "against %s's receiver-side time for the same bytes)", ours.key().label(), median(),
                    ceiling.key().strategy(), comparison.rounds(), comparison.rounds() == 1 ? "" : "s", interval,
                    ceiling.key().strategy());
        }
    }
}
