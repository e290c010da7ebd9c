package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.net.Network;
import workbench.reports.json.RunJson;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.Manifest;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

/** issue 10, defects 7 and 11: run.json throttled to about once a second, and never rewritten after the signal hook closed it. */
class RunRecorderTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong();

    private static Run start() {
        RunPlan plan = Plans.plan(List.of(Plans.variant()), List.of(new Network.Loopback()), 1, 0);
        return new Run(Run.SCHEMA, "test-run", new Manifest("workbench run", "test", plan.settings(), Map.of()), List.of(),
                false, null);
    }

    private static TrialResult trial(int i) {
        return new TrialResult(i, i, false, SeriesKey.of("scalar", "loopback"), TrialStatus.VERIFIED, null,
                "2026-01-01T00:00:00Z", 0.1, 0.1, new Counts(1, 0, 1, 1, 0, 0, 1), Cpu.NONE, Cpu.NONE, 0, 0, 0, 0);
    }

    private Run onDisk() throws IOException {
        return RunJson.read(dir.resolve(RunJson.FILE_NAME));
    }

    @Test
    void trialsAreWrittenAtMostOnceASecondAndAllOfThemAtTheEnd() throws IOException {
        try (RunRecorder r = new RunRecorder(start(), dir, now::get)) {
            for (int i = 0; i < 5; i++) {
                now.addAndGet(100 * MS);
                r.add(trial(i));
            }
            assertThat(onDisk().trials()).as("within the first second nothing is rewritten").isEmpty();
            now.addAndGet(500 * MS);
            r.add(trial(5));
            assertThat(onDisk().trials()).as("a second after the last write, all so far").hasSize(6);
            now.addAndGet(10 * MS);
            r.add(trial(6));
            assertThat(onDisk().trials()).hasSize(6);
            Run done = r.complete();
            assertThat(onDisk()).isEqualTo(done);
            assertThat(done.trials()).hasSize(7);
            assertThat(done.complete()).isTrue();
        }
    }

    @Test
    void afterTheSignalHookNothingOverwritesTheInterruptedRecord() throws IOException {
        try (RunRecorder r = new RunRecorder(start(), dir, now::get)) {
            r.add(trial(0));
            r.add(trial(1)); // throttled: not yet on disk
            r.interrupted(); // what the shutdown hook does on SIGTERM/SIGINT
            r.add(trial(2)); // the main thread, still running
            r.complete();
            r.fail("connection reset");
            Run after = onDisk();
            assertThat(after.complete()).isFalse();
            assertThat(after.error()).isEqualTo("interrupted by a signal after 2 trials");
            assertThat(after.trials()).hasSize(2);
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aSignalAfterAFailureSaysBoth() throws IOException {
        try (RunRecorder r = new RunRecorder(start(), dir, now::get)) {
            r.fail("the receiver died"); // the child died of the same Ctrl-C first
            r.interrupted();
            assertThat(onDisk().error()).isEqualTo("interrupted by a signal after 0 trials (it had stopped: the receiver died)");
        }
    }

    @Test
    void aFolderThatCannotHoldTheFilesIsTheEnvironmentsFault() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> new RunRecorder(start(), file, now::get)).isInstanceOf(UserException.class)
                .hasMessageStartingWith("cannot write the results into " + file)
                .satisfies(e -> assertThat(((UserException) e).exitCode()).isEqualTo(ExitCode.ENVIRONMENT));
    }
}
