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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import workbench.harness.cli.ExitCode;
import workbench.harness.cli.UserException;
import workbench.harness.io.StreamSink;
import workbench.harness.net.Network;
import workbench.harness.stream.StreamEncoder;
import workbench.reports.model.Manifest;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;

/**
 * Runs a plan: sender RAM generated once, the receiver child started, every trial of the schedule
 * run and recorded, and run.json rewritten after each trial so that a killed run loses nothing.
 */
public final class RunExecutor {
    private final RunPlan plan;
    private final Progress progress;
    private final String version;
    private final String build;
    private final int dropPage;

    /**
     * @param version the protocol-level version (hello)
     * @param build    version and commit, for the manifest
     * @param dropPage fault injection for tests: the receiver loses this page, or -1
     */
    public RunExecutor(RunPlan plan, Progress progress, String version, String build, int dropPage) {
        this.dropPage = dropPage;
        this.plan = plan;
        this.progress = progress;
        this.version = version;
        this.build = build;
    }

    /** The finished run and the folder holding its results. */
    public record Outcome(Run run, Path dir) {
    }

    public Outcome execute() throws IOException {
        checkOut();
        checkMemory();
        progress.note("generating guest RAM: " + plan.rams().size() + " guest(s) of up to " + (plan.largestRam() >> 20) + " MiB");
        SenderRams rams;
        try {
            rams = new SenderRams(plan.rams(), plan.dupPolicy());
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new UserException(e.getMessage(), "free memory or use a smaller --ram", ExitCode.ENVIRONMENT);
        }
        if (plan.saveStream().isPresent()) {
            saveStream(rams.of(plan.variants().get(0).ram()).encoder(), plan.saveStream().get());
        }
        try (Receivers receivers = Receivers.start(plan, version, dropPage)) {
            String id = runId();
            Run start = new Run(Run.SCHEMA, id, new Manifest(plan.commandLine(), build, plan.seed(),
                    plan.configuration(), environment(rams, receivers.facts())), List.of(), false, null);
            Path dir = createRunDir(id);
            try (RunRecorder recorder = new RunRecorder(start, dir)) {
                try {
                    TrialRunner runner = new TrialRunner(rams, plan.dupPolicy(), plan.bind());
                    List<SeriesPlan> series = plan.series();
                    int planned = plan.warmup() + plan.trials();
                    for (int round = 0; more(round, planned, recorder.run()); round++) {
                        for (Schedule.Slot slot : Schedule.round(round, series.size(), plan.warmup(), round * series.size())) {
                            TrialResult trial = receivers.run(runner, slot, series.get(slot.series()));
                            recorder.add(trial);
                            progress.trial(slot, Math.max(planned, round + 1), planned * series.size(), trial.series().label(),
                                    trial.sendSeconds(), trial.failureReason().isEmpty());
                            trial.failureReason().ifPresent(why -> progress.note("trial " + slot.index() + " FAILED: " + why));
                        }
                    }
                    progress.end();
                    return new Outcome(recorder.complete(), dir);
                } catch (IOException | RuntimeException e) {
                    progress.end();
                    recorder.fail(String.valueOf(e.getMessage()));
                    throw e;
                }
            }
        }
    }

    /** planned rounds first; then, with --ci-target, more until every series' CI is narrow enough or --max-trials */
    private boolean more(int round, int planned, Run soFar) {
        if (round < planned) {
            return true;
        }
        return plan.ciTarget().isPresent() && round - plan.warmup() < plan.maxTrials()
                && !Confidence.reached(soFar, plan.ciTarget().getAsDouble());
    }

    private Map<String, String> environment(SenderRams rams, Map<String, String> networkFacts) {
        Map<String, String> env = new LinkedHashMap<>(EnvironmentProbe.probe());
        env.put("ram.backing.sender", rams.backing());
        env.put("ram.backing.receiver", "chosen by each receiver for its guest: direct memory, or /dev/shm beyond its cap");
        env.putAll(networkFacts);
        return env;
    }

    /** The results folder must be writable before anything is generated or started. */
    private void checkOut() {
        try {
            Files.createDirectories(plan.out());
        } catch (IOException e) {
            // reported below with the same words
        }
        if (!Files.isDirectory(plan.out()) || !Files.isWritable(plan.out())) {
            throw new UserException("cannot write results to " + plan.out(), "choose a writable folder with --out",
                    ExitCode.ENVIRONMENT);
        }
    }

    /** Every sender and receiver process holds the guest: fail before generating anything if the machine cannot. */
    private void checkMemory() {
        long copies = 1 + plan.networks().stream().filter(Network::verified).count()
                + plan.networks().stream().filter(n -> n instanceof Network.Link).count();
        long guests = plan.rams().stream().mapToLong(workbench.workloads.ram.RamSpec::size).sum();
        long need = copies * guests + (512L << 20);
        long available = EnvironmentProbe.availableMemory();
        if (available > 0 && need > available) {
            throw new UserException(String.format(java.util.Locale.ROOT,
                    "not enough memory: a %d MiB guest needs about %d MiB (%d processes each hold it), %d MiB available",
                    plan.largestRam() >> 20, need >> 20, copies, available >> 20), "use a smaller --ram or free memory",
                    ExitCode.ENVIRONMENT);
        }
    }

    private void saveStream(StreamEncoder encoder, Path file) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); StreamSink sink = plan.strategies().get(0).open(out, plan.variants().get(0).sink())) {
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
