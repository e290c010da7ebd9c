package workbench.harness.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import workbench.reports.Reports;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.ForkSpread;
import workbench.reports.stats.References;
import workbench.reports.stats.Summary;
import workbench.reports.warn.Warning;

/**
 * What a finished run prints on stdout: the seed table, one line per comparison, one per strategy
 * against each ceiling or baseline measured beside it, the rate each
 * emulated link achieved beside its nominal rate, then the warnings.
 */
final class ConsoleResults {
    private ConsoleResults() {
    }

    /** @param nominal the rate each network promises, where it promises one (emulated links), by label */
    static void print(Run run, Map<String, String> nominal, String baseline, PrintWriter out) {
        out.print(Reports.seedTable(run));
        out.print(Reports.liveTables(run));
        out.println();
        Comparisons.against(run, baseline).forEach(c -> c.sentences().forEach(out::println));
        References.of(run).forEach(r -> out.println(r.sentence()));
        ForkSpread.of(run).forEach(f -> out.println(f.sentence()));
        achievedRates(run, nominal, out);
        for (Warning.Found w : Warning.check(run)) {
            if (w.warning() != Warning.UNVERIFIED) { // the table already says "(unverified)"
                out.println("warning: " + w.line());
            }
        }
        out.flush();
    }

    /** "link:gbe (1 Gbit/s tbf, MTU 1500, …): achieved 0.949 Gbit/s end to end (median of 20 verified trials)" */
    private static void achievedRates(Run run, Map<String, String> nominal, PrintWriter out) {
        for (Map.Entry<String, String> network : nominal.entrySet()) {
            double[] gbit = run.trials().stream()
                    .filter(t -> t.measured() && t.status() == TrialStatus.VERIFIED && t.series().network().equals(network.getKey()))
                    .mapToDouble(ConsoleResults::endToEndGbit).filter(Double::isFinite).toArray();
            if (gbit.length > 0) {
                out.println(String.format(Locale.ROOT, "%s (%s): achieved %.3f Gbit/s end to end (median of %d verified trials)",
                        network.getKey(), network.getValue(), Summary.of(gbit).median(), gbit.length));
            }
        }
    }

    private static double endToEndGbit(TrialResult t) {
        return t.transferSeconds() > 0 ? t.counts().streamBytes() * 8.0 / t.transferSeconds() / 1e9 : Double.NaN;
    }
}
