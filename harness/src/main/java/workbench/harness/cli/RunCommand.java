package workbench.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import workbench.harness.failure.ExitCode;
import workbench.harness.baseline.BaselineKind;
import workbench.harness.baseline.Iperf3;
import workbench.harness.failure.UserException;
import workbench.harness.metrics.Clock;
import workbench.harness.metrics.Pinning;
import workbench.harness.net.Network;
import workbench.harness.net.control.ProtocolException;
import workbench.harness.io.ReceiveMode;
import workbench.harness.run.Defaults;
import workbench.harness.run.OnFailure;
import workbench.harness.run.Progress;
import workbench.harness.run.RunExecutor;
import workbench.harness.run.RoundOrder;
import workbench.harness.run.RunPlan;
import workbench.harness.site.Destination;
import workbench.harness.site.Sites;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.reports.model.Rounds;
import workbench.reports.model.RunSettings;
import workbench.reports.model.Setting;
import workbench.reports.model.SettingKind;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.Verdict;
import workbench.reports.table.Seed2010;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.live.Workload;
import workbench.workloads.ram.BackingChoice;

/**
 * {@code workbench run}: interleaved, verified trials of every strategy, and the seed's table. Its
 * options sit in the help sections below, one {@code @ArgGroup} each; a new option goes into the
 * section a user would look in.
 */
@Command(name = "run", sortOptions = false, abbreviateSynopsis = true,
        header = "Measures write strategies in interleaved rounds.",
        description = {"Migrates synthetic guest RAM through a QEMU 7.2 stream with each write strategy, on each network, "
                + "in interleaved rounds, verifies every trial, and prints the 2010 seed table. A comma list on a sweepable "
                + "option (SIZE[,SIZE...]) runs every combination as a series of its own. Results go to <out>/<run-id>/."},
        optionListHeading = "%nGeneral:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  workbench run                                  the default experiment",
                "  workbench run --ram 64M --trials 6 --warmup 1  a quick look",
                "  workbench run --batch 1,8,64,256               a sweep, a series per batch",
                "  sudo workbench run --preset seed2010           the 2010 table, side by side",
                "  workbench run --like results/RUN/run.json      the same run again"})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(validate = false, heading = "%nGuest RAM (the same options and seed give the same bytes):%n", order = 1)
    RamOptions ramOptions = new RamOptions();
    @ArgGroup(validate = false, heading = "%nWrite strategies:%n", order = 2)
    StrategyOptions strategyOptions = new StrategyOptions();
    @ArgGroup(validate = false, heading = "%nNetworks, sockets and the receiver:%n", order = 3)
    NetworkOptions networkOptions = new NetworkOptions();
    @ArgGroup(validate = false, heading = "%nTrials and statistics:%n", order = 4)
    TrialOptions trialOptions = new TrialOptions();
    @ArgGroup(validate = false, heading = "%nPresets, repeats and output:%n", order = 5)
    OutputOptions outputOptions = new OutputOptions();
    @Mixin(name = CommonOptions.MIXIN)
    CommonOptions common;
    @ArgGroup(validate = false, heading = "%nLive workloads (a guest that writes while it is sent):%n", order = 6)
    LiveOptions live = new LiveOptions();

    static final class RamOptions {
        @Option(names = "--ram", defaultValue = Defaults.RAM, paramLabel = "SIZE[,SIZE...]",
                description = "guest RAM size, binary units (512M, 8G); default ${DEFAULT-VALUE}")
        String ram;
        @Option(names = "--blocks", defaultValue = Defaults.BLOCKS, paramLabel = "N",
                description = "RAM blocks (mem0, mem1, …) sharing the size; default ${DEFAULT-VALUE}")
        int blocks;
        @Option(names = "--dup", defaultValue = Defaults.DUP, paramLabel = "FRACTION[,FRACTION...]",
                description = "fraction of all-zero pages (0.034 or 3.4%%); default ${DEFAULT-VALUE}")
        String dup;
        @Option(names = "--uniform", defaultValue = Defaults.UNIFORM, paramLabel = "FRACTION[,FRACTION...]",
                description = "fraction of pages filled with one non-zero byte; default ${DEFAULT-VALUE}")
        String uniform;
        @Option(names = "--dirty", defaultValue = Defaults.DIRTY, paramLabel = "FRACTION[,FRACTION...]",
                description = "fraction of pages sent (below 1: both sides share a base image, as in a later pre-copy round); "
                        + "default ${DEFAULT-VALUE}")
        String dirty;
        @Option(names = "--dup-policy", defaultValue = Defaults.DUP_POLICY,
                completionCandidates = EnumNames.DupPolicies.class, paramLabel = "zero|uniform",
                description = "pages sent as fill records: zero (QEMU 7.2) or uniform (2010: any page of one byte); "
                        + "default ${DEFAULT-VALUE}")
        DupPolicy dupPolicy;
        @Option(names = "--layout", defaultValue = Defaults.LAYOUT,
                completionCandidates = EnumNames.Layouts.class, paramLabel = "scattered|runs",
                description = "where the page classes sit: scattered or in runs; default ${DEFAULT-VALUE}")
        Layout layout;
        @Option(names = "--content", defaultValue = Defaults.CONTENT,
                completionCandidates = EnumNames.Contents.class, paramLabel = "random|counter",
                description = "content of the other pages; default ${DEFAULT-VALUE}")
        Content content;
        @Option(names = "--seed", defaultValue = Defaults.SEED, paramLabel = "SEED",
                description = "seed of the RAM content; default ${DEFAULT-VALUE}")
        long seed;
        @Option(names = "--backing", defaultValue = Defaults.BACKING, paramLabel = "auto|direct|shm",
                description = "where the sender's guests live: auto (direct memory, /dev/shm beyond the JVM's cap), direct or shm; "
                        + "default ${DEFAULT-VALUE}")
        String backing;
    }

    static final class StrategyOptions {
        @Option(names = "--strategies", defaultValue = Defaults.STRATEGIES, split = ",", paramLabel = "NAME",
                completionCandidates = StrategyNames.class,
                description = "write strategies to compare, comma-separated (${COMPLETION-CANDIDATES}); a name twice is an "
                        + "A/A check; default ${DEFAULT-VALUE}")
        List<String> strategies;
        @Option(names = "--batch", defaultValue = Defaults.BATCH, paramLabel = "PAGES[,PAGES...]",
                description = "pages per gathering write (vectored); default ${DEFAULT-VALUE}")
        String batch;
        @Option(names = "--channels", defaultValue = Defaults.CHANNELS, paramLabel = "N[,N...]",
                description = "multifd channels beside the main stream (multifd, and QEMU's own multifd), 1 to 255; 1,2,4 sweeps; "
                        + "default ${DEFAULT-VALUE} (QEMU's)")
        String channels;
        @Option(names = "--scalar-buffer", defaultValue = Defaults.SCALAR_BUFFER, paramLabel = "SIZE[,SIZE...]",
                description = "scalar strategy's linear buffer; default ${DEFAULT-VALUE} (QEMUFile's; 64K exceeds the loopback MSS)")
        String scalarBuffer;
    }

    static final class NetworkOptions {
        @Option(names = "--net", defaultValue = Defaults.NET, paramLabel = "NETWORK[,NETWORK...]",
                description = {"networks, comma-separated; default ${DEFAULT-VALUE}:",
                        "  loopback, unix   TCP on 127.0.0.1, a Unix socket",
                        "  null             sender only, unverified",
                        "  tcp://HOST:PORT  a workbench serve elsewhere",
                        "  link:gbe, link:10gbe, link:ipoib, link:ipoib-sdr,",
                        "  link:rate=2.5gbit,mtu=9000,cc=reno",
                        "                   emulated: rate and MTU only;",
                        "                   needs root and iproute2"})
        String net;
        @Option(names = "--tcp-nodelay", arity = "0..1", fallbackValue = "on", defaultValue = Defaults.TCP_NODELAY,
                paramLabel = "on|off[,on|off...]", description = "TCP_NODELAY on the sender's data socket (off,on sweeps); default ${DEFAULT-VALUE}")
        String noDelay;
        @Option(names = "--sndbuf", defaultValue = Defaults.SOCKET_BUFFER, paramLabel = "auto|SIZE[,SIZE...]",
                description = "sender SO_SNDBUF, or auto (kernel autotuning; setting it turns autotuning off); default ${DEFAULT-VALUE}")
        String sndbuf;
        @Option(names = "--rcvbuf", defaultValue = Defaults.SOCKET_BUFFER, paramLabel = "auto|SIZE[,SIZE...]",
                description = "receiver SO_RCVBUF, or auto; default ${DEFAULT-VALUE}")
        String rcvbuf;
        @Option(names = "--dest", defaultValue = "workbench", paramLabel = "workbench|qemu",
                description = "who receives our stream: workbench (our receiver) or qemu (a real QEMU 7.2 started per trial; "
                        + "--net loopback only); default ${DEFAULT-VALUE}")
        String dest;
        @Option(names = "--receive", defaultValue = "buffered", paramLabel = "buffered|scatter[,...]",
                description = "how the receiver reads pages into RAM: buffered (QEMU's: reads of --read-buffer, then a copy) or "
                        + "scatter (predicted pages read straight into RAM); default ${DEFAULT-VALUE}")
        String receive;
        @Option(names = "--read-buffer", defaultValue = Defaults.READ_BUFFER, paramLabel = "SIZE[,SIZE...]",
                description = "receiver's read buffer; default ${DEFAULT-VALUE} (QEMU's)")
        String readBuffer;
        @Option(names = "--bind", paramLabel = "LOCAL_ADDR", description = "local address for connections to tcp://HOST:PORT")
        String bind;
        @Option(names = "--token", paramLabel = "SECRET", description = "the remote receiver's token (or set WORKBENCH_TOKEN)")
        String token;
    }

    static final class TrialOptions {
        @Option(names = "--trials", defaultValue = Defaults.TRIALS, paramLabel = "ROUNDS",
                description = "measured rounds; default ${DEFAULT-VALUE}")
        int trials;
        @Option(names = "--warmup", defaultValue = Defaults.WARMUP, paramLabel = "ROUNDS",
                description = "warm-up rounds; default ${DEFAULT-VALUE}")
        int warmup;
        @Option(names = "--ci-target", paramLabel = "FRACTION",
                description = "adaptive trials (as netperf -I): after --trials, keep adding rounds until every series' 95%% CI "
                        + "half-width is within this fraction of its mean (e.g. 2%%), or --max-trials")
        String ciTarget;
        @Option(names = "--max-trials", defaultValue = Defaults.MAX_TRIALS, paramLabel = "ROUNDS",
                description = "measured rounds at most with --ci-target; default ${DEFAULT-VALUE}")
        int maxTrials;
        @Option(names = "--baseline", defaultValue = Defaults.BASELINE, paramLabel = "STRATEGY",
                description = "the strategy the headline pairs every other one against, round by round (e.g. vectored); "
                        + "default ${DEFAULT-VALUE}")
        String baseline;
        @Option(names = "--min-effect", defaultValue = Defaults.MIN_EFFECT, paramLabel = "FRACTION",
                description = "effect margin of a verdict, symmetric in the log ratio: a CI inside ±margin reads \"equivalent\", "
                        + "a difference is claimed only when the CI lies wholly outside it; default ${DEFAULT-VALUE}")
        String minEffect;
        @Option(names = "--order", defaultValue = Defaults.ORDER, paramLabel = "alternate|random",
                description = "order within each round: alternate (A B, B A, …) or random (seeded, recorded); default ${DEFAULT-VALUE}")
        String order;
        @Option(names = "--order-seed", paramLabel = "SEED", description = "seed of --order random; default: --seed")
        Long orderSeed;
        @Option(names = "--baselines", defaultValue = Defaults.BASELINES, paramLabel = "auto|none|NAME[,NAME...]",
                description = "reference transfers measured in the same rounds on loopback and emulated links: iperf3 (-l 1M) and "
                        + "iperf3-z (also -Z), the ceiling each strategy is stated against; QEMU 7.2 migrating the same guest: "
                        + "qemu (to a QEMU), qemu-multifd (on --channels), qemu-source (into our receiver), qemu-source-multifd "
                        + "(the same on --channels); auto = iperf3 when "
                        + "installed; default ${DEFAULT-VALUE}")
        String baselines;
        @Option(names = "--pin", arity = "0..1", fallbackValue = "on", defaultValue = Defaults.PIN, paramLabel = "on|off|auto",
                description = "the sending process on one CPU, the receiving process on another (taskset), everything else unpinned; "
                        + "auto = on where two CPUs and taskset are there; default ${DEFAULT-VALUE}")
        String pin;
        @Option(names = "--forks", defaultValue = "1", paramLabel = "N",
                description = "start the receiver children and sender agents this many times, each fork with its own warm-up and "
                        + "a share of the rounds (the variance between JVMs, as JMH's forks); default ${DEFAULT-VALUE}")
        int forks;
        @Option(names = "--on-failure", defaultValue = Defaults.ON_FAILURE, paramLabel = "continue|stop",
                description = "after a failed trial (recorded with its cause, never averaged): continue, restarting a receiver or "
                        + "sender agent that broke, or stop the run; default ${DEFAULT-VALUE}")
        String onFailure;
    }

    static final class OutputOptions {
        @Option(names = "--preset", paramLabel = "seed2010", completionCandidates = Preset.Names.class,
                description = "a named experiment, applied beneath the options given beside it (they override it) and "
                        + "recorded: seed2010 = the 2010 table re-created (512 MiB, 3.4%% dup pages under the uniform "
                        + "dup policy, link:gbe and link:ipoib, 10 rounds, scalar 32K, batch 123), printed beside the 2010 "
                        + "figures; needs root")
        String preset;
        @Option(names = "--out", defaultValue = Defaults.OUT, paramLabel = "DIR", description = "results folder; default ${DEFAULT-VALUE}")
        Path out;
        @Option(names = "--save-stream", paramLabel = "FILE", description = "also write the stream of one trial to FILE")
        Path saveStream;
        @Option(names = "--like", paramLabel = "RUN_JSON",
                description = "repeat a previous run's configuration (same seed); options given here override it")
        Path like;
        @Option(names = "--quiet", description = "no progress on stderr")
        boolean quiet;
    }

    @Override
    public Integer call() throws IOException {
        RunPlan plan = outputOptions.like == null && outputOptions.preset == null ? plan()
                : OptionLayers.plan(Optional.ofNullable(outputOptions.like), preset(), spec);
        Destination destination = destination(plan);
        if (plan.baselines().isEmpty() && trialOptions.baselines.trim().equalsIgnoreCase("auto") && !outputOptions.quiet) {
            System.err.println("note: iperf3 is not installed, so no ceiling is measured beside the strategies (apt-get install iperf3)");
        }
        RunExecutor.Outcome outcome;
        try {
            outcome = new RunExecutor(plan, new Progress(System.err, outputOptions.quiet), Version.get(), Version.describe(), new Sites(destination),
                    Clock.SYSTEM).execute();
        } catch (ProtocolException e) {
            // the receiver refused us (token, busy, --max-ram, version) or broke the protocol
            throw new UserException(e.getMessage(), e.hint(), ExitCode.ENVIRONMENT);
        } catch (IOException e) {
            throw new UserException("the run failed: " + e.getMessage(),
                    "trials that finished are in run.json (\"complete\": false)", ExitCode.RUN_FAILED);
        }
        ConsoleResults.print(outcome.run(), outcome.nominal(), Comparisons.baseline(outcome.run()), spec.commandLine().getOut());
        spec.commandLine().getOut().println("results: " + outcome.dir().resolve("run.json") + "  report: "
                + outcome.dir().resolve("report.html"));
        boolean failed = outcome.run().trials().stream().anyMatch(t -> t.status() == TrialStatus.FAILED);
        return failed ? ExitCode.RUN_FAILED.code() : ExitCode.OK.code();
    }

    RunPlan plan() {
        try {
            RamOptions r = ramOptions;
            StrategyOptions s = strategyOptions;
            NetworkOptions n = networkOptions;
            TrialOptions t = trialOptions;
            RunOptions options = new RunOptions(
                    SweepList.parse("--ram", r.ram, SweepList::size),
                    SweepList.parse("--dup", r.dup, SweepList::fraction),
                    SweepList.parse("--uniform", r.uniform, SweepList::fraction),
                    SweepList.parse("--dirty", r.dirty, SweepList::fraction),
                    SweepList.parse("--batch", s.batch, SweepList::positiveInt),
                    SweepList.parse("--scalar-buffer", s.scalarBuffer, SweepList::intSize),
                    SweepList.parse("--read-buffer", n.readBuffer, SweepList::readBuffer),
                    SweepList.parse("--tcp-nodelay", n.noDelay, SweepList::onOff),
                    SweepList.parse("--sndbuf", n.sndbuf, SweepList::socketBuffer),
                    SweepList.parse("--rcvbuf", n.rcvbuf, SweepList::socketBuffer),
                    r.blocks, r.layout, r.content, r.seed, SweepList.parse("--receive", n.receive, ReceiveMode::parse),
                    SweepList.parse("--channels", s.channels, SweepList::channels));
            List<WriteStrategy> ws = s.strategies.stream().map(Strategies::byName).toList();
            List<Network> networks = Network.parseList(n.net);
            OptionalDouble target = t.ciTarget == null ? OptionalDouble.empty() : OptionalDouble.of(SweepList.single("--ci-target", t.ciTarget, SweepList::fraction));
            if (outputOptions.out.toString().isEmpty()) {
                throw new IllegalArgumentException("--out is empty; name the results folder (e.g. --out " + Defaults.OUT + ")");
            }
            BackingChoice backingChoice = BackingChoice.parse(r.backing);
            List<String> references = baselineList();
            boolean pinned = t.pin.trim().equalsIgnoreCase("auto") ? Pinning.available() : SweepList.single("--pin", t.pin, SweepList::onOff);
            Workload workload = live.workload(options.dirty().values());
            List<Setting> run = new java.util.ArrayList<>(runSettings());
            run.addAll(LiveOptions.settings(workload));
            RunSettings settings = options.settings(r.dupPolicy, ws, networks, new Rounds(t.trials, t.warmup, target, t.maxTrials),
                    backingChoice, references, pinned, t.forks, OnFailure.parse(t.onFailure), run);
            return new RunPlan(LiveOptions.apply(options.variants(), workload), r.dupPolicy, ws, networks, bindAddress(), tokenValue(), t.trials, t.warmup, outputOptions.out,
                    Optional.ofNullable(outputOptions.saveStream), Redaction.commandLine(commandLine()), settings, target, t.maxTrials,
                    backingChoice, references, pinned ? Optional.of(pinning()) : Optional.empty(), t.forks,
                    OnFailure.parse(t.onFailure));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), "see 'workbench run --help'", ExitCode.INVALID_INPUT);
        }
    }

    /** the run-wide settings beyond the sweepable ones: the statistics', and who receives (so --like repeats it) */
    private List<Setting> runSettings() {
        List<Setting> out = new java.util.ArrayList<>(statisticsSettings());
        preset().ifPresent(p -> out.add(Setting.of(Seed2010.PRESET_SETTING, SettingKind.ENUM, "run", p.text())));
        out.add(Setting.of("dest", SettingKind.ENUM, "receiver", networkOptions.dest.trim().toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    private List<Setting> statisticsSettings() {
        double margin = SweepList.single("--min-effect", trialOptions.minEffect, SweepList::fraction);
        if (!(margin >= 0 && margin <= 0.5)) {
            throw new IllegalArgumentException("--min-effect must be between 0 and 50%, e.g. 2%; got " + trialOptions.minEffect);
        }
        RoundOrder roundOrder = RoundOrder.parse(trialOptions.order);
        List<Setting> out = new java.util.ArrayList<>(List.of(
                Setting.of(Verdict.MIN_EFFECT_SETTING, SettingKind.FRACTION, "run", Double.toString(margin)),
                Setting.of(RoundOrder.SETTING, SettingKind.ENUM, "run", roundOrder.text()),
                Setting.of(Comparisons.BASELINE_SETTING, SettingKind.ENUM, "run",
                        SweepList.single("--baseline", trialOptions.baseline, t -> Strategies.byName(t).name()))));
        if (roundOrder == RoundOrder.RANDOM) {
            out.add(Setting.of(RoundOrder.SEED_SETTING, SettingKind.INTEGER, "run",
                    Long.toString(trialOptions.orderSeed == null ? ramOptions.seed : trialOptions.orderSeed)));
        }
        return out;
    }

    /** --preset, an unknown name refused as invalid input */
    private Optional<Preset> preset() {
        try {
            return Optional.ofNullable(outputOptions.preset).map(Preset::parse);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), "see 'workbench run --help'", ExitCode.INVALID_INPUT);
        }
    }

    /** --dest, refused before anything is generated where it cannot receive this plan */
    private Destination destination(RunPlan plan) {
        Destination d;
        try {
            d = Destination.parse(networkOptions.dest);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), "see 'workbench run --help'", ExitCode.INVALID_INPUT);
        }
        d.check(plan.networks(), plan.strategies(), plan.variants());
        LiveOptions.check(plan.variants().get(0).workload(), plan.networks(), d);
        d.checkBaselines(plan.baselines(), plan.variants(), plan.dupPolicy());
        return d;
    }

    /** auto: iperf3 when it is installed (a one-line note when not); none; or the names given */
    private List<String> baselineList() {
        String text = trialOptions.baselines.trim().toLowerCase(java.util.Locale.ROOT);
        if (text.equals("auto")) {
            return Iperf3.installed() ? List.of("iperf3") : List.of();
        }
        if (text.equals("none")) {
            return List.of();
        }
        List<String> names = java.util.Arrays.stream(text.split(",")).map(String::trim).distinct().toList();
        names.forEach(BaselineKind::byName); // an unknown name is refused naming the known ones
        if (names.stream().anyMatch(n -> !BaselineKind.byName(n).qemu())) {
            Iperf3.checkInstalled(); // asked for by name: missing is exit 3, before anything is generated
        }
        return names;
    }

    /** the two CPUs of --pin; a machine that cannot give them is the environment's (exit 3) */
    private static Pinning pinning() {
        try {
            return Pinning.choose();
        } catch (IllegalStateException e) {
            throw new UserException(e.getMessage(), "run without --pin", ExitCode.ENVIRONMENT);
        }
    }

    private Optional<java.net.InetAddress> bindAddress() {
        if (networkOptions.bind == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.net.InetAddress.getByName(networkOptions.bind));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + networkOptions.bind + " is not an address of this host");
        }
    }

    private Optional<String> tokenValue() {
        Optional<String> t = Optional.ofNullable(networkOptions.token).or(() -> Optional.ofNullable(System.getenv("WORKBENCH_TOKEN")));
        if (t.isPresent() && t.get().isBlank()) {
            throw new IllegalArgumentException("an empty --token (or WORKBENCH_TOKEN) proves nothing; give the receiver's secret");
        }
        return t;
    }

    /** the command as typed: the JVM's own command line where the OS tells it */
    private String commandLine() {
        String args = String.join(" ", spec.commandLine().getParseResult().originalArgs());
        return ProcessHandle.current().info().commandLine()
                .filter(c -> c.contains("workbench"))
                .orElse("java -jar workbench.jar run " + args);
    }
}
