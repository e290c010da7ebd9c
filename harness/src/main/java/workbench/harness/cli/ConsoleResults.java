package workbench.harness.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import workbench.harness.net.Network;
import workbench.reports.Reports;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.Summary;
import workbench.reports.warn.Warning;

/**
 * What a finished run prints on stdout: the seed table, one line per comparison, the rate each
 * emulated link achieved beside its nominal rate, then the warnings.
 */
final class ConsoleResults {
    private ConsoleResults() {
    }

    static void print(Run run, String baseline, PrintWriter out) {
        out.print(Reports.seedTable(run));
        out.println();
        Comparisons.against(run, baseline).forEach(c -> out.println(c.sentence()));
        linkRates(run, out);
        for (Warning.Found w : Warning.check(run)) {
            if (w.warning() != Warning.UNVERIFIED) { // the table already says "(unverified)"
                out.println("warning: " + w.line());
            }
        }
        out.flush();
    }

    /** "link:gbe (1 Gbit/s tbf, MTU 1500, …): achieved 0.949 Gbit/s end to end (median of 20 verified trials)" */
    private static void linkRates(Run run, PrintWriter out) {
        Set<String> links = new LinkedHashSet<>();
        run.trials().forEach(t -> links.add(t.series().network()));
        for (String label : links) {
            if (!label.startsWith("link:")) {
                continue;
            }
            double[] gbit = run.trials().stream()
                    .filter(t -> t.measured() && t.status() == TrialStatus.VERIFIED && t.series().network().equals(label))
                    .mapToDouble(ConsoleResults::endToEndGbit).filter(Double::isFinite).toArray();
            if (gbit.length > 0) {
                String nominal = ((Network.Link) Network.parse(label)).profile().description();
                out.println(String.format(Locale.ROOT, "%s (%s): achieved %.3f Gbit/s end to end (median of %d verified trials)",
                        label, nominal, Summary.of(gbit).median(), gbit.length));
            }
        }
    }

    private static double endToEndGbit(TrialResult t) {
        return t.transferSeconds() > 0 ? t.counts().streamBytes() * 8.0 / t.transferSeconds() / 1e9 : Double.NaN;
    }
}
