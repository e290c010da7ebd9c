package workbench.harness.run;

import java.io.PrintStream;
import java.util.Locale;
import workbench.harness.trial.Slot;

/**
 * Human progress on stderr — round, series, an estimate of the time left — only when stderr is a
 * terminal and not --quiet, so piped output is never garbled. Never in result files.
 */
public final class Progress {
    private final PrintStream err;
    private final boolean on;
    private long start;
    private int done;

    public Progress(PrintStream err, boolean quiet) {
        this.err = err;
        this.on = !quiet && stderrIsTerminal();
    }

    /** Linux tells through /proc where fd 2 points; elsewhere, a console means a terminal. */
    private static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /**
     * @param plannedTrials trials the plan holds at least (adaptive runs may add rounds)
     */
    public void trial(Slot slot, int rounds, int plannedTrials, String series, double seconds, boolean ok) {
        if (start == 0) {
            start = System.nanoTime();
        }
        done++;
        if (on) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            double left = Math.max(0, plannedTrials - done) * elapsed / done;
            err.printf(Locale.ROOT, "\r[round %d/%d%s] %-32s %.3f s %-8s ~%s left   ", slot.round() + 1, rounds,
                    slot.warmup() ? " warm-up" : "", series, seconds, ok ? "verified" : "FAILED", duration(left));
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

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
