package workbench.harness.run;

import java.io.PrintStream;

/** Human progress on stderr, only when stderr is a terminal and not --quiet. Never in result files. */
public final class Progress {
    private final PrintStream err;
    private final boolean on;

    public Progress(PrintStream err, boolean quiet) {
        this.err = err;
        this.on = !quiet && System.console() != null;
    }

    public void trial(Schedule.Slot slot, int rounds, String series, double seconds, boolean ok) {
        if (on) {
            err.printf("\r[round %d/%d%s] %-28s %.3f s %s   ", slot.round() + 1, rounds, slot.warmup() ? " warm-up" : "",
                    series, seconds, ok ? "verified" : "FAILED");
        }
    }

    public void note(String line) {
        if (on) {
            err.print("\r");
            err.println(line);
        }
    }

    public void end() {
        if (on) {
            err.println();
        }
    }
}
