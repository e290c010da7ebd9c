package workbench.harness.run;

import java.io.IOException;
import java.nio.file.Path;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.metrics.Clock;
import workbench.reports.Reports;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;

/**
 * Keeps a run's files current and closes them once: with the finished run, or with an error if the
 * run stops early — by an exception or by a signal (Ctrl-C, kill), through a shutdown hook.
 *
 * <p>After trials, run.json (and trials.csv, summary.md) is rewritten at most once per
 * {@link #REWRITE_NANOS}: each rewrite is the whole document, so rewriting after every trial costs
 * more per trial as a run grows. The end of the run and a failure or signal always write. Once the
 * run is closed — completed, failed, or interrupted by the hook — nothing later overwrites it: a
 * main thread still running while the hook writes cannot replace the "interrupted" record.
 */
final class RunRecorder implements AutoCloseable {
    /** rewrites after trials at most this often */
    static final long REWRITE_NANOS = 1_000_000_000L;

    private enum State { OPEN, FAILED, INTERRUPTED, COMPLETE }

    private final Path dir;
    private final Clock clock;
    private final Thread onSignal;
    private Run run;
    private State state = State.OPEN;
    private long lastWrite;

    /** writes the run's first files; a folder that cannot hold them is exit 3 */
    RunRecorder(Run start, Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        this.run = start;
        write(start);
        this.onSignal = new Thread(this::interrupted, "run-recorder");
        Runtime.getRuntime().addShutdownHook(onSignal);
    }

    synchronized Run run() {
        return run;
    }

    /** records a trial; written now if the last write is a second old, else with the next one */
    synchronized void add(TrialResult trial) {
        if (state != State.OPEN) {
            return; // closed (by the signal hook): what it wrote stays
        }
        run = run.with(trial);
        if (clock.nanoTime() - lastWrite >= REWRITE_NANOS) {
            write(run);
        }
    }

    /** The run ended normally: every file, charts and report.html included, run.json last. */
    synchronized Run complete() {
        if (state != State.OPEN) {
            return run;
        }
        Run done = run.completed();
        try {
            Reports.writeFinal(done, dir);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        run = done;
        state = State.COMPLETE;
        return run;
    }

    /** The run stopped early; the first failure is the one recorded. */
    synchronized void fail(String why) {
        if (state == State.OPEN) {
            state = State.FAILED;
            run = run.failed(why);
            record(run);
        }
    }

    /** The shutdown hook's action (tests call it as a signal would): a signal while the run is open, or after it failed, is what stopped it. */
    synchronized void interrupted() {
        if (state == State.OPEN || state == State.FAILED) {
            String why = "interrupted by a signal after " + run.trials().size() + " trials"
                    + (state == State.FAILED ? " (it had stopped: " + run.error() + ")" : "");
            state = State.INTERRUPTED;
            run = run.failed(why);
            record(run);
            System.err.println(interruptedLine(run, dir));
        }
    }

    /** the one line a signal leaves on stderr: what was kept, and how to re-render it */
    static String interruptedLine(Run closed, Path dir) {
        long measured = closed.trials().stream().filter(TrialResult::measured).count();
        return "workbench: interrupted: kept " + closed.trials().size() + " trials (" + measured + " measured) in " + dir
                + " (run.json says \"complete\": false; report.html and charts cover the finished trials); re-render with: "
                + "java -jar workbench.jar report " + dir;
    }

    /** best effort, as the run is already stopping: run.json with the error, then the report of what finished */
    private void record(Run closed) {
        try {
            Reports.writeAll(closed, dir);
            Reports.writeFinal(closed, dir);
        } catch (IOException | RuntimeException e) {
            // the failure that stopped the run is reported to the user; a report that cannot be written adds nothing
        }
    }

    private void write(Run r) {
        try {
            Reports.writeAll(r, dir);
            lastWrite = clock.nanoTime();
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private UserException cannotWrite(IOException e) {
        return new UserException("cannot write the results into " + dir + ": " + e.getMessage(),
                "free space there or choose another folder with --out", ExitCode.ENVIRONMENT);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
    }
}
