package workbench.harness.cli;

import java.io.PrintWriter;
import workbench.reports.Reports;
import workbench.reports.model.Run;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.Comparisons;

/** What a finished run prints on stdout: the seed table, then one line per comparison. */
final class ConsoleResults {
    private ConsoleResults() {
    }

    static void print(Run run, String baseline, PrintWriter out) {
        out.print(Reports.seedTable(run));
        out.println();
        Comparisons.against(run, baseline).forEach(c -> out.println(c.sentence()));
        long failed = run.trials().stream().filter(t -> t.status() == TrialStatus.FAILED).count();
        if (failed > 0) {
            out.println(failed + " trial(s) FAILED verification and were left out; see trials.csv for why");
        }
        out.flush();
    }
}
