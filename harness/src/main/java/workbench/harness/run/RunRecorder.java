package workbench.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import workbench.reports.Reports;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;

/**
 * Keeps a run's files current: rewritten after every trial, and closed with an error if the run
 * stops early — by an exception or by a signal (Ctrl-C, kill), through a shutdown hook.
 */
final class RunRecorder implements AutoCloseable {
    private final Path dir;
    private final Thread onSignal;
    private Run run;
    private boolean closed;

    RunRecorder(Run start, Path dir) throws IOException {
        this.dir = dir;
        this.run = start;
        Reports.writeAll(start, dir);
        this.onSignal = new Thread(this::interrupted, "run-recorder");
        Runtime.getRuntime().addShutdownHook(onSignal);
    }

    synchronized Run run() {
        return run;
    }

    synchronized void add(TrialResult trial) throws IOException {
        run = run.with(trial);
        Reports.writeAll(run, dir);
    }

    /** The run ended normally: every file, charts and report.html included. */
    synchronized Run complete() throws IOException {
        run = run.completed();
        Reports.writeFinal(run, dir);
        closed = true;
        return run;
    }

    synchronized void fail(String why) {
        if (!closed) {
            closed = true;
            Run failed = run.failed(why);
            try {
                Reports.writeAll(failed, dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the failed run in " + dir, e);
            }
            try {
                Reports.writeFinal(failed, dir); // the report of what finished, marked incomplete
            } catch (IOException | RuntimeException e) {
                // run.json already says why the run stopped; a report that cannot be drawn adds nothing
            }
        }
    }

    private void interrupted() {
        fail("interrupted by a signal after " + run.trials().size() + " trials");
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
