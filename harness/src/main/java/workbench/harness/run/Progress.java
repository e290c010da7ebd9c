package workbench.harness.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import workbench.harness.trial.Slot;

/**
 * Human progress on stderr — setup steps that take seconds, then one line per trial with its
 * round and an estimate of the time left — only when stderr is a terminal and not --quiet, so
 * piped output is never garbled. Never in result files.
 *
 * <p>Trials and rounds are numbered as run.json, trials.csv, the warnings and the charts number
 * them: from 0, warm-up rounds first ("[trial 16, round 2 of 0–6]"). The time left is the measured
 * trials' pace, shown once a whole round has run (before that it cannot be known); in a
 * {@code --ci-target} run past its planned rounds it is an upper bound, to the cap.
 */
public final class Progress {
    private static final int SERIES_WIDTH = 19;
    /** ANSI "erase to end of line": a shorter line leaves nothing of the one it overwrites */
    private static final String ERASE_TO_END = "\033[K";

    private final PrintStream err;
    private final boolean on;
    private final LongSupplier nanos;
    private Shape shape = new Shape(1, 1, OptionalInt.empty());
    private long trialsStart;
    private int done;

    public Progress(PrintStream err, boolean quiet) {
        this(err, !quiet && stderrIsTerminal(), System::nanoTime);
    }

    /** for tests: on or off regardless of the terminal, and a fake clock */
    Progress(PrintStream err, boolean on, LongSupplier nanos) {
        this.err = err;
        this.on = on;
        this.nanos = nanos;
    }

    /**
     * How many trials a round has and how many rounds the run plans.
     *
     * @param series        trials per round
     * @param plannedRounds rounds planned, warm-up included (every fork's)
     * @param capRounds     with --ci-target, the most rounds the run may reach, warm-up included
     */
    record Shape(int series, int plannedRounds, OptionalInt capRounds) {
    }

    /** A setup step: its line says what it does while it runs, and how long it took when it ends. */
    public final class Step implements AutoCloseable {
        private final String what;
        private final long started = nanos.getAsLong();

        private Step(String what) {
            this.what = what;
            if (on) {
                err.print("\r" + what + " …");
                err.flush();
            }
        }

        @Override
        public void close() {
            if (on) {
                err.printf(Locale.ROOT, "\r%s: %s%n", what, duration((nanos.getAsLong() - started) / 1e9, true));
            }
        }
    }

    /** a setup step (generating RAM, namespaces and links, receivers, QEMU), timed on its own line */
    public Step step(String what) {
        return new Step(what);
    }

    /** the trials begin: the time left is reckoned from here, setup excluded */
    void trials(Shape shape) {
        this.shape = shape;
        this.trialsStart = nanos.getAsLong();
        this.done = 0;
    }

    /** one finished trial, numbered as run.json numbers it */
    public void trial(Slot slot, String series, double seconds, boolean ok) {
        done = slot.index() + 1; // trials are numbered from 0 across the run
        if (on) {
            err.print("\r" + line(slot, series, seconds, ok) + ERASE_TO_END);
            err.flush();
        }
    }

    /** "[trial 16, round 2 of 0–6] link:gbe scalar      0.312 s ok      ~1m20s left"; "warm-up" for ok in warm-up rounds */
    String line(Slot slot, String series, double seconds, boolean ok) {
        String label = series.length() > SERIES_WIDTH ? series.substring(0, SERIES_WIDTH - 1) + "…" : series;
        int rounds = shape.capRounds().orElse(shape.plannedRounds());
        int last = rounds * shape.series() - 1;
        // columns stay put from the first line to the last
        int where = where(last, rounds - 1).length();
        String status = !ok ? "FAILED" : slot.warmup() ? "warm-up" : "ok";
        return String.format(Locale.ROOT, "%-" + where + "s %-" + SERIES_WIDTH + "s %.3f s %-7s%s",
                where(slot.index(), slot.round()), label, seconds, status, left());
    }

    /** "[trial 16, round 2 of 0–6]", "[trial 80, round 13 of 0–11, up to 51]" */
    private String where(int index, int round) {
        String cap = shape.capRounds().isPresent() ? ", up to " + (shape.capRounds().getAsInt() - 1) : "";
        return "[trial " + index + ", round " + round + " of 0–" + (shape.plannedRounds() - 1) + cap + "]";
    }

    /** "" until a whole round has run; then "  ~1m20s left", or at most "  ≤3m00s left" past the planned rounds */
    private String left() {
        if (done < shape.series()) {
            return "";
        }
        double pace = (nanos.getAsLong() - trialsStart) / 1e9 / done;
        int planned = shape.plannedRounds() * shape.series();
        if (done < planned) {
            return "  " + about(duration(pace * (planned - done), false)) + " left";
        }
        if (shape.capRounds().isPresent()) {
            int cap = shape.capRounds().getAsInt() * shape.series();
            return cap > done ? "  ≤" + duration(pace * (cap - done), false) + " left" : "";
        }
        return "";
    }

    /** "~45s", but "<1s" as it is */
    private static String about(String duration) {
        return duration.startsWith("<") ? duration : "~" + duration;
    }

    public void note(String line) {
        if (on) {
            err.print("\r");
            err.println(line);
        }
    }

    public void end() {
        if (on && done > 0) {
            err.println();
        }
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

    /** "1.8 s" for a step (tenths below a minute), "45s", "1m20s", "2h05m" for what is left (never "0s": "<1s") */
    static String duration(double seconds, boolean tenths) {
        if (tenths && seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 1 ? "<1s" : s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
