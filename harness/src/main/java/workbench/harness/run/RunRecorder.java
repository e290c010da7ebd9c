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

    synchronized void add(TrialResult trial) throws IOException {
        run = run.with(trial);
        Reports.writeAll(run, dir);
    }

    synchronized Run complete() throws IOException {
        run = run.completed();
        Reports.writeAll(run, dir);
        closed = true;
        return run;
    }

    synchronized void fail(String why) {
        if (!closed) {
            closed = true;
            try {
                Reports.writeAll(run.failed(why), dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the failed run in " + dir, e);
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
