package workbench.harness.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import workbench.harness.cli.ExitCode;
import workbench.harness.cli.UserException;
import workbench.harness.io.StreamSink;
import workbench.harness.net.control.RemoteReceiver;
import workbench.harness.stream.StreamEncoder;
import workbench.reports.Reports;
import workbench.reports.model.Manifest;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;
import workbench.workloads.dirty.DirtySet;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;

/**
 * Runs a plan: sender RAM generated once, the receiver child started, every trial of the schedule
 * run and recorded, and run.json rewritten after each trial so that a killed run loses nothing.
 */
public final class RunExecutor {
    private final RunPlan plan;
    private final Progress progress;
    private final String version;

    public RunExecutor(RunPlan plan, Progress progress, String version) {
        this.plan = plan;
        this.progress = progress;
        this.version = version;
    }

    /** The finished run and the folder holding its results. */
    public record Outcome(Run run, Path dir) {
    }

    public Outcome execute() throws IOException {
        String id = runId();
        Path dir = createRunDir(id);
        Run run = new Run(Run.SCHEMA, id, new Manifest(plan.commandLine(), version, plan.ram().seed(),
                plan.configuration(), EnvironmentProbe.probe()), List.of(), false, null);
        Reports.writeAll(run, dir);
        try {
            progress.note("generating " + plan.ram().size() / (1 << 20) + " MiB of guest RAM");
            DirtySet dirty = RamImage.dirtySet(plan.ram());
            GuestRam ram = RamImage.create(plan.ram(), dirty);
            RamDigest digest = RamDigest.of(ram);
            StreamEncoder encoder = new StreamEncoder(ram, dirty, plan.dupPolicy());
            if (plan.saveStream().isPresent()) {
                saveStream(encoder, plan.saveStream().get());
            }
            List<Schedule.Slot> slots = Schedule.of(plan.strategies().size(), plan.warmup(), plan.trials());
            try (ReceiverChild child = ReceiverChild.start(plan.ram().size());
                 RemoteReceiver receiver = RemoteReceiver.connect(child.control(), version)) {
                TrialRunner runner = new TrialRunner(plan, encoder, digest, receiver);
                for (Schedule.Slot slot : slots) {
                    TrialResult trial = runner.run(slot, plan.strategies().get(slot.series()));
                    run = run.with(trial);
                    Reports.writeAll(run, dir);
                    progress.trial(slot, plan.warmup() + plan.trials(), trial.series().label(), trial.sendSeconds(),
                            trial.failureReason().isEmpty());
                    trial.failureReason().ifPresent(why -> progress.note("trial " + slot.index() + " FAILED: " + why));
                }
            }
            progress.end();
            run = run.completed();
            Reports.writeFinal(run, dir); // adds charts/ and report.html: once, at the end (about a second)
            return new Outcome(run, dir);
        } catch (IOException | RuntimeException e) {
            progress.end();
            Run failed = run.failed(String.valueOf(e.getMessage()));
            Reports.writeAll(failed, dir);
            try {
                Reports.writeFinal(failed, dir); // a stopped run still gets its report
            } catch (IOException | RuntimeException report) {
                e.addSuppressed(report);
            }
            throw e;
        }
    }

    private void saveStream(StreamEncoder encoder, Path file) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); StreamSink sink = plan.strategies().get(0).open(out, plan.sink())) {
            encoder.encode(sink);
        }
        progress.note("stream saved to " + file);
    }

    private Path createRunDir(String id) {
        try {
            Files.createDirectories(plan.out());
            for (int n = 1; ; n++) {
                Path dir = plan.out().resolve(n == 1 ? id : id + "-" + n);
                try {
                    return Files.createDirectory(dir); // a new run never writes into an existing run's folder
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // same second, same configuration: take the next suffix
                }
            }
        } catch (IOException e) {
            throw new UserException("cannot create a run folder in " + plan.out() + ": " + e.getMessage(),
                    "choose a writable folder with --out", ExitCode.ENVIRONMENT);
        }
    }

    private String runId() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(plan.configuration().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return stamp + "-" + HexFormat.of().formatHex(h, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
