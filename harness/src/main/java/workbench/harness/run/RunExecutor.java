package workbench.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.baseline.BaselineKind;
import workbench.harness.io.StreamSink;
import workbench.harness.metrics.Clock;
import workbench.harness.metrics.EnvironmentProbe;
import workbench.harness.net.Network;
import workbench.harness.net.control.ProtocolCode;
import workbench.harness.net.control.ProtocolException;
import workbench.harness.site.Destination;
import workbench.harness.site.SiteFactory;
import workbench.harness.site.SiteSet;
import workbench.harness.site.SiteSetup;
import workbench.harness.site.Sites;
import workbench.harness.strategy.WriteStrategy;
import workbench.harness.stream.StreamEncoder;
import workbench.harness.trial.SenderRams;
import workbench.harness.trial.SeriesPlan;
import workbench.harness.trial.Slot;
import workbench.harness.trial.TrialRunner;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.Manifest;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesRole;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.ram.BackingChoice;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamSpec;

/**
 * Runs a plan: sender RAM generated once, each network's site opened, every trial of the schedule
 * run and recorded, and run.json rewritten after each trial so that a killed run loses nothing.
 */
public final class RunExecutor {
    private final RunPlan plan;
    private final Progress progress;
    private final String version;
    private final String build;
    private final SiteFactory sites;
    private final Clock clock;

    /**
     * @param version the protocol-level version (hello)
     * @param build   version and commit, for the manifest
     * @param sites   opens each network's site (tests pass sites with fake peers)
     * @param clock   what trials are timed with
     */
    public RunExecutor(RunPlan plan, Progress progress, String version, String build, SiteFactory sites, Clock clock) {
        this.plan = plan;
        this.progress = progress;
        this.version = version;
        this.build = build;
        this.sites = sites;
        this.clock = clock;
    }

    /** The finished run, the folder holding its results, and the rate each network promises where it promises one. */
    public record Outcome(Run run, Path dir, Map<String, String> nominal) {
    }

    public Outcome execute() throws IOException {
        checkOut();
        RamBacking backing = backing();
        SenderRams generated;
        try (Progress.Step step = progress.step("generating guest RAM: " + plan.rams().size() + " guest(s) of up to "
                + (plan.largestRam() >> 20) + " MiB")) {
            generated = generate(backing);
        }
        try (SenderRams rams = generated) {
            if (plan.saveStream().isPresent()) {
                saveStream(rams.of(plan.variants().get(0).ram()).encoder(), plan.saveStream().get());
            }
            TrialRunner runner = new TrialRunner(rams, plan.dupPolicy(), clock);
            SiteSetup setup = new SiteSetup(plan.variants(), plan.dupPolicy(), backing, plan.bind(), plan.token(), version,
                    plan.baselines(), plan.pin());
            OpenSites open = new OpenSites(setup, runner);
            try {
                String id = runId();
                Run start = new Run(Run.SCHEMA, id, new Manifest(plan.commandLine(), build, plan.settings(),
                        environment(backing, open.set().facts())), List.of(), false, null);
                Path dir = createRunDir(id);
                try (RunRecorder recorder = new RunRecorder(start, dir, Clock.SYSTEM)) {
                    try {
                        Counter counter = new Counter();
                        int warmups = plan.forks() * plan.warmup();
                        progress.trials(new Progress.Shape(plan.series().size(), warmups + plan.trials(),
                                plan.ciTarget().isPresent() ? OptionalInt.of(warmups + plan.maxTrials()) : OptionalInt.empty()));
                        boolean going = true;
                        for (int f = 0; f < plan.forks() && going; f++) {
                            if (f > 0) { // a fresh receiver child and sender agent: the variance between JVMs, as JMH's forks
                                open.restart("fork " + (f + 1) + " of " + plan.forks());
                            }
                            going = rounds(f, open, recorder, counter);
                        }
                        progress.end();
                        return new Outcome(recorder.complete(), dir, open.set().nominal());
                    } catch (IOException | RuntimeException e) {
                        progress.end();
                        recorder.fail(String.valueOf(e.getMessage()));
                        throw e;
                    }
                }
            } finally {
                open.close();
            }
        }
    }

    /** rounds and trials run so far, across forks: one numbering for the whole run */
    private static final class Counter {
        int rounds;
        int trials;
    }

    /** The run's open sites, started afresh for a fork or after a trial that broke them. */
    private final class OpenSites implements AutoCloseable {
        private final SiteSetup setup;
        private final TrialRunner runner;
        private SiteSet set;

        OpenSites(SiteSetup setup, TrialRunner runner) throws IOException {
            this.setup = setup;
            this.runner = runner;
            this.set = open();
        }

        /** the receivers, sender agents, namespaces and links of every network: seconds, on emulated links */
        private SiteSet open() throws IOException {
            try (Progress.Step step = progress.step("starting the receivers and links of "
                    + plan.networks().stream().map(Network::label).collect(java.util.stream.Collectors.joining(", ")))) {
                return sites.open(plan.networks(), setup, runner);
            }
        }

        SiteSet set() {
            return set;
        }

        void restart(String why) throws IOException {
            set.close();
            progress.note(why + ": restarting the receivers and sender agents");
            set = open();
        }

        @Override
        public void close() {
            set.close();
        }
    }

    /**
     * The rounds of fork {@code f}, interleaved, each trial recorded the moment it ends: the fork's
     * own warm-up, then its share of the measured rounds (with --ci-target, the last fork adds more).
     * False when a failed trial stopped the run (--on-failure stop).
     */
    private boolean rounds(int f, OpenSites open, RunRecorder recorder, Counter counter) throws IOException {
        List<SeriesPlan> series = plan.series();
        int planned = plan.warmup() + plan.trialsOf(f);
        boolean last = f == plan.forks() - 1;
        Schedule schedule = Schedule.of(plan.settings()).forFork(f);
        for (int local = 0; local < planned || last && more(counter.rounds, recorder.run()); local++, counter.rounds++) {
            for (Slot s : schedule.round(local, series.size(), plan.warmup(), counter.trials)) {
                Slot slot = new Slot(s.index(), counter.rounds, s.warmup(), s.series());
                SeriesPlan p = series.get(slot.series());
                Attempt attempt = attempt(open, slot, p);
                TrialResult trial = attempt.trial().inFork(f);
                recorder.add(trial);
                counter.trials++;
                progress.trial(slot, trial.series().label(), trial.sendSeconds(), trial.failureReason().isEmpty());
                trial.failureReason().ifPresent(why -> progress.note("trial " + slot.index() + " FAILED: " + why));
                if (trial.status() == TrialStatus.FAILED) {
                    if (plan.onFailure() == OnFailure.STOP) {
                        recorder.fail("stopped after trial " + slot.index() + " failed (--on-failure stop): "
                                + trial.failureReason().orElse(""));
                        return false;
                    }
                    if (attempt.broke()) {
                        open.restart("trial " + slot.index() + " broke its receiver or sender");
                    }
                }
            }
        }
        return true;
    }

    /**
     * One trial at its network's site. A fault that ends it part-way (a receiver or agent killed, a
     * connection reset, a stalled peer) is the trial's failure, never the run's: recorded with its
     * cause, and the sites restarted before the next. A receiver refusing the run's own settings
     * (token, version, --max-ram, a parameter out of range) stops the run: every trial would meet it.
     */
    private Attempt attempt(OpenSites open, Slot slot, SeriesPlan p) throws IOException {
        String startedAt = Instant.now().toString();
        try {
            return new Attempt(open.set().of(p.network()).run(slot, p), false);
        } catch (ProtocolException e) {
            if (REFUSALS.contains(e.code())) {
                throw e;
            }
            return broken(slot, p, startedAt, e);
        } catch (IOException | UncheckedIOException e) {
            return broken(slot, p, startedAt, e);
        }
    }

    /** the receiver's answers that refuse the run's settings rather than fail one trial */
    private static final Set<ProtocolCode> REFUSALS = EnumSet.of(ProtocolCode.VERSION, ProtocolCode.AUTH, ProtocolCode.BUSY,
            ProtocolCode.RAM_TOO_LARGE, ProtocolCode.BAD_PARAMETER);

    /** a trial's result, and whether it ended part-way, leaving its site in doubt */
    private record Attempt(TrialResult trial, boolean broke) {
    }

    /** A trial a fault ended part-way: failed with its cause, nothing measured. */
    private static Attempt broken(Slot slot, SeriesPlan p, String startedAt, Exception e) {
        SeriesRole role = p.network() instanceof Network.Null ? SeriesRole.UNVERIFIED : SeriesRole.STRATEGY;
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Attempt(new TrialResult(slot.index(), slot.round(), slot.warmup(), p.key(role), TrialStatus.FAILED,
                "the trial broke off: " + cause, startedAt, 0, 0, new Counts(0, 0, 0, 0, 0, 0, 0, 0), Cpu.NONE, Cpu.NONE,
                0, 0, 0, 0), true);
    }

    /**
     * The backing asked for, shm when a strategy sends from the guest's file; refused where it cannot
     * be had, or where the machine cannot hold every process's guests (before anything is generated).
     */
    private RamBacking backing() {
        List<String> fromFile = plan.strategies().stream().filter(WriteStrategy::needsFile).map(WriteStrategy::name).toList();
        boolean file = !fromFile.isEmpty();
        if (file && plan.backing() == BackingChoice.DIRECT) {
            throw new UserException("--backing direct cannot serve " + String.join(", ", fromFile)
                    + ": it sends pages from the guest's /dev/shm file, and every strategy of a run reads the same kind of memory",
                    "use --backing shm (or auto), or leave " + String.join(", ", fromFile) + " out of --strategies",
                    ExitCode.INVALID_INPUT);
        }
        long total = plan.rams().stream().mapToLong(RamSpec::size).sum();
        BackingChoice choice = file ? BackingChoice.SHM : plan.backing();
        Destination dest = plan.settings().entry("dest").map(d -> Destination.parse(d.text())).orElse(Destination.WORKBENCH);
        new MemoryBudget(plan.rams().stream().map(RamSpec::size).toList(), Sites.hostProcesses(plan.networks(), plan.baselines(), dest),
                choice.pick(total)).check(MemoryBudget.Machine.now());
        try {
            return choice.resolve(total);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserException(e.getMessage(), "choose another --backing or a smaller --ram", ExitCode.ENVIRONMENT);
        }
    }

    private SenderRams generate(RamBacking backing) {
        try {
            return new SenderRams(plan.rams(), plan.dupPolicy(), backing);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new UserException(e.getMessage(), "free memory or use a smaller --ram", ExitCode.ENVIRONMENT);
        }
    }

    /** after the planned rounds, with --ci-target: more until every series' CI is narrow enough or --max-trials */
    private boolean more(int round, Run soFar) {
        return plan.ciTarget().isPresent() && round - plan.forks() * plan.warmup() < plan.maxTrials()
                && !Confidence.reached(soFar, plan.ciTarget().getAsDouble());
    }

    private Map<String, String> environment(RamBacking backing, Map<String, String> networkFacts) {
        Map<String, String> env = new LinkedHashMap<>(EnvironmentProbe.probe());
        env.put("ram.backing.sender", backing.name().toLowerCase(java.util.Locale.ROOT));
        env.put("ram.backing.receiver", "chosen by each receiver for its guest: direct memory, or /dev/shm beyond its cap");
        plan.pin().ifPresent(p -> env.put("cpu.pinning", p.describe()));
        if (plan.forks() > 1) {
            env.put("forks", plan.forks() + " starts of each receiver child and sender agent, each with " + plan.warmup()
                    + " warm-up round(s); this process, the sender on loopback and unix, is not restarted");
        }
        env.putAll(networkFacts);
        if (!plan.baselines().isEmpty()) {
            env.put("timing.strategies", "our write strategies: send time from the first stream byte to the final flush on the"
                    + " sender's clock, transfer time to the receiver's done (a QEMU destination's MIGRATION completed event);"
                    + " verified by the receiver's RAM digest");
        }
        for (String b : plan.baselines()) {
            env.put("timing." + b, BaselineKind.byName(b).timing());
        }
        for (WriteStrategy s : plan.strategies()) {
            env.put("strategy." + s.name(), s.description());
            env.put("strategy." + s.name() + ".stream", s.capabilities().isEmpty() ? "QEMU 7.2 format"
                    : "workbench extension " + String.join(", ", s.capabilities()) + ": not QEMU-readable (our decoder reads it;"
                    + " trials verified by RAM digest)");
        }
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

    /** a file that cannot be written (a full disk, a missing folder) is the environment's: exit 3 */
    private void saveStream(StreamEncoder encoder, Path file) {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); StreamSink sink = plan.strategies().get(0).open(List.of(out), plan.variants().get(0).sink())) {
            encoder.encode(sink);
        } catch (IOException e) {
            throw new UserException("cannot save the stream to " + file + ": " + e.getMessage(),
                    "free space there or choose another --save-stream FILE", ExitCode.ENVIRONMENT);
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
            byte[] h = MessageDigest.getInstance("SHA-256").digest(plan.settings().texts().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return stamp + "-" + HexFormat.of().formatHex(h, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
