package workbench.harness.cli;

import java.io.PrintWriter;
import workbench.reports.model.Run;

/** TEMPORARY */
final class ConsoleResults {
    static void print(Run run, PrintWriter out) {
        run.trials().forEach(t -> out.println(t.series().label() + " " + t.status() + " " + t.sendSeconds() + " " + t.counts()));
    }
}
