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

    /** "link:gbe: achieved 0.949 Gbit/s end to end (median of 20 verified trials; 1 Gbit/s tbf, MTU 1500)", one per network */
    public static List<String> lines(Run run) {
        Map<String, List<Double>> gbit = new LinkedHashMap<>();
        for (TrialResult t : run.trials()) {
            if (t.measured() && t.status() == TrialStatus.VERIFIED && t.transferSeconds() > 0) {
                gbit.computeIfAbsent(t.series().network(), n -> new ArrayList<>())
                        .add(t.counts().streamBytes() * 8.0 / t.transferSeconds() / 1e9);
            }
        }
        List<String> out = new ArrayList<>();
        gbit.forEach((network, rates) -> {
            String what = run.manifest().environment().get("network." + network);
            out.add(String.format(Locale.ROOT, "%s: achieved %.3f Gbit/s end to end (median of %d verified trials%s)",
                    network, Summary.of(rates.stream().mapToDouble(Double::doubleValue).toArray()).median(), rates.size(),
                    what == null ? "" : "; " + what));
        });
        return out;
    }
}
