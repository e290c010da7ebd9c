package workbench.reports.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.Summary;

/**
 * The rate each network achieved end to end: stream bytes over transfer time (first stream byte to
 * the receiver's done), the median over its verified measured trials, beside what the manifest says
 * the network is (an emulated link's tbf rate and MTU).
 */
public final class AchievedRates {
    private AchievedRates() {
    }

    /**
     * One network's achieved rate.
     *
     * @param network       the network
     * @param gbitPerSecond median of stream bytes × 8 / transfer time over its verified measured trials, decimal Gbit/s
     * @param trials        how many trials the median is of
     * @param link          what the manifest says the network is (an emulated link's tbf rate and MTU); empty when it says nothing
     */
    public record Rate(String network, double gbitPerSecond, int trials, String link) {
        /** "link:gbe: achieved 0.949 Gbit/s end to end (median of 20 verified trials; 1 Gbit/s tbf, MTU 1500)" */
        public String sentence() {
            return String.format(Locale.ROOT, "%s: achieved %.3f Gbit/s end to end (median of %d verified trials%s)",
                    network, gbitPerSecond, trials, link.isEmpty() ? "" : "; " + link);
        }
    }

    /** one rate per network that has verified measured trials, in order of first appearance */
    public static List<Rate> of(Run run) {
        Map<String, List<Double>> gbit = new LinkedHashMap<>();
        for (TrialResult t : run.trials()) {
            if (t.measured() && t.status() == TrialStatus.VERIFIED && t.transferSeconds() > 0) {
                gbit.computeIfAbsent(t.series().network(), n -> new ArrayList<>())
                        .add(t.counts().streamBytes() * 8.0 / t.transferSeconds() / 1e9);
            }
        }
        List<Rate> out = new ArrayList<>();
        gbit.forEach((network, rates) -> out.add(new Rate(network,
                Summary.of(rates.stream().mapToDouble(Double::doubleValue).toArray()).median(), rates.size(),
                run.manifest().environment().getOrDefault("network." + network, ""))));
        return List.copyOf(out);
    }

    /** each rate's {@link Rate#sentence()}, one per network */
    public static List<String> lines(Run run) {
        return of(run).stream().map(Rate::sentence).toList();
    }
}
