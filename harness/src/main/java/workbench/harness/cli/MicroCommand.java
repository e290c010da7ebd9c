package workbench.harness.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.ProfilersFailedException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.run.Defaults;

/**
 * {@code workbench micro}: the JMH micro-benchmarks in forked JVMs. Its own options set short-run
 * defaults; every other argument goes to JMH as its command line ({@code -prof gc}, {@code -p
 * mode=scatter}, {@code -rf csv}, a benchmark regex, …), and JMH's option wins where one was given.
 * Results go to {@code <out>/micro-<timestamp>/jmh-result.json} unless {@code -rff} says otherwise.
 */
@Command(name = "micro", sortOptions = false,
        header = "Runs the JMH micro-benchmarks.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  workbench micro SinkBench --iterations 3",
                "  workbench micro ReceiveBench -prof gc -p mode=scatter -rf csv"},
        description = {"Runs the JMH micro-benchmarks in forked JVMs; JMH's result file (JSON unless -rf says otherwise) goes "
                + "to <out>/micro-<timestamp>/.",
                "  RamGenBench   generating a 256 MiB guest, on all cores      GB/s (1)",
                "  DigestBench   the trials' RAM digest; one core's SHA-256     GB/s (1)",
                "  CopyBench     a 256 KiB copy into a cached or a cold place  GB/s (1)",
                "  DupScanBench  the dup check of a page per policy and kind   ns/page",
                "  SinkBench     each strategy into a discarding channel       ns/page",
                "  ReceiveBench  decoding a stream held in memory, per mode    ns/page",
                "  (1) shown as ops/ns: one operation per byte, so bytes/ns = GB/s",
                "Other arguments go to JMH: e.g. micro ReceiveBench -prof gc -p mode=scatter",
                "(--jmh-help lists JMH's options, -l the benchmarks, -lp their parameters)."})
public final class MicroCommand implements Callable<Integer> {
    static final String RESULT_NAME = "jmh-result";
    private static final String HEADLESS = "-Djava.awt.headless=true";

    @Option(names = "--include", paramLabel = "REGEX", description = "benchmark regex (or give it as a JMH argument); default all")
    String include;
    @Option(names = "--forks", paramLabel = "N", description = "forked JVMs per benchmark (JMH -f); default 1")
    Integer forks;
    @Option(names = "--warmup-iterations", paramLabel = "N", description = "warm-up iterations (JMH -wi); default 3")
    Integer warmup;
    @Option(names = "--iterations", paramLabel = "N", description = "measured iterations (JMH -i); default 5")
    Integer iterations;
    @Option(names = "--seconds", paramLabel = "N", description = "seconds per warm-up and measured iteration (JMH -w, -r); default 1")
    Integer seconds;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = Defaults.OUT, description = "where micro-<timestamp>/ goes; default ${DEFAULT-VALUE}")
    Path out;
    @Option(names = "--jmh-help", description = "list JMH's own options and exit")
    boolean jmhHelp;
    @Unmatched
    List<String> jmhArgs = new ArrayList<>();
    @Mixin(name = CommonOptions.MIXIN)
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        CommandLineOptions jmh = parse(jmhArgs);
        if (jmhHelp || jmh.shouldHelp()) {
            jmh.showHelp();
            return ExitCode.OK.code();
        }
        if (jmh.shouldListProfilers() || jmh.shouldListResultFormats() || jmh.shouldList() || jmh.shouldListWithParams()) {
            list(jmh);
            return ExitCode.OK.code();
        }
        checkOwn();
        ChainedOptionsBuilder options = new OptionsBuilder().parent(jmh);
        List<String> includes = jmh.getIncludes();
        if (include != null) {
            if (!includes.isEmpty()) {
                throw conflict("--include", "a benchmark regex " + includes);
            }
            options.include(include);
            includes = List.of(include);
        }
        checkParameters(includes, jmh.getExcludes());
        set(forks, jmh.getForkCount().hasValue(), "--forks", "-f", 1, options::forks);
        set(warmup, jmh.getWarmupIterations().hasValue(), "--warmup-iterations", "-wi", 3, options::warmupIterations);
        set(iterations, jmh.getMeasurementIterations().hasValue(), "--iterations", "-i", 5, options::measurementIterations);
        set(seconds, jmh.getWarmupTime().hasValue(), "--seconds", "-w", 1, s -> options.warmupTime(TimeValue.seconds(s)));
        set(seconds, jmh.getMeasurementTime().hasValue(), "--seconds", "-r", 1, s -> options.measurementTime(TimeValue.seconds(s)));
        List<String> append = new ArrayList<>(jmh.getJvmArgsAppend().orElse(List.of()));
        append.add(HEADLESS);
        options.jvmArgsAppend(append.toArray(String[]::new));
        if (!jmh.shouldFailOnError().hasValue()) {
            options.shouldFailOnError(true); // a benchmark whose setup check fails must fail the command
        }
        ResultFormatType format = jmh.getResultFormat().orElse(ResultFormatType.JSON);
        options.resultFormat(format);
        Path folder = jmh.getResult().hasValue() ? null : resultsFolder();
        Path result = folder == null ? Path.of(jmh.getResult().get())
                : folder.resolve(RESULT_NAME + "." + format.name().toLowerCase(Locale.ROOT));
        Path resultFolder = result.toAbsolutePath().getParent();
        if (folder == null && (resultFolder == null || !Files.isDirectory(resultFolder))) {
            throw new UserException("no folder " + resultFolder + " for the result file " + result,
                    "give -rff a path in an existing folder, or leave it out", ExitCode.ENVIRONMENT);
        }
        options.result(result.toString());
        try {
            run(options, includes);
        } catch (UserException e) {
            if (folder != null) {
                discard(result, folder);
            }
            throw e;
        }
        System.out.println("results: " + result);
        return ExitCode.OK.code();
    }

    private static CommandLineOptions parse(List<String> args) {
        try {
            return new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new UserException("JMH option: " + e.getMessage(), "see 'workbench micro --jmh-help'", ExitCode.INVALID_INPUT);
        }
    }

    private void checkOwn() {
        if ((forks != null && forks < 0) || (warmup != null && warmup < 0) || (iterations != null && iterations < 1)
                || (seconds != null && seconds < 1)) {
            throw new UserException("--forks, --warmup-iterations must be 0 or more, --iterations and --seconds 1 or more",
                    "see 'workbench micro --help'", ExitCode.INVALID_INPUT);
        }
    }

    /** Sets ours if given, else the default unless JMH's option was given (the parent options hold it); never both. */
    private static void set(Integer ours, boolean jmhGiven, String ourName, String jmhName, int fallback, IntConsumer setter) {
        if (ours != null && jmhGiven) {
            throw conflict(ourName, "JMH's " + jmhName);
        }
        if (!jmhGiven) {
            setter.accept(ours != null ? ours : fallback);
        }
    }

    private static UserException conflict(String ours, String theirs) {
        return new UserException(ours + " and " + theirs + " set the same thing", "give one of them", ExitCode.INVALID_INPUT);
    }

    /** every -p name must be a parameter of some selected benchmark: JMH itself ignores unknown ones silently */
    private void checkParameters(List<String> includes, List<String> excludes) {
        Set<String> asked = new TreeSet<>();
        for (int i = 0; i + 1 < jmhArgs.size(); i++) {
            if (jmhArgs.get(i).equals("-p") && jmhArgs.get(i + 1).contains("=")) {
                asked.add(jmhArgs.get(i + 1).substring(0, jmhArgs.get(i + 1).indexOf('=')));
            }
        }
        if (asked.isEmpty()) {
            return;
        }
        Set<String> known = new TreeSet<>();
        var quiet = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        for (BenchmarkListEntry b : BenchmarkList.defaultList().find(quiet, includes.isEmpty() ? List.of(".*") : includes, excludes)) {
            known.addAll(b.getParams().orElse(Map.of()).keySet());
        }
        asked.removeAll(known);
        if (!asked.isEmpty()) {
            throw new UserException("no selected benchmark has a parameter " + String.join(", ", asked),
                    "the selected benchmarks take " + (known.isEmpty() ? "none" : String.join(", ", known))
                            + " ('workbench micro -lp' lists them)", ExitCode.INVALID_INPUT);
        }
    }

    private static void list(CommandLineOptions jmh) {
        if (jmh.shouldListProfilers()) {
            jmh.listProfilers();
        }
        if (jmh.shouldListResultFormats()) {
            jmh.listResultFormats();
        }
        Runner runner = new Runner(jmh);
        if (jmh.shouldList()) {
            runner.list();
        }
        if (jmh.shouldListWithParams()) {
            runner.listWithParams(jmh);
        }
    }

    /** a fresh {@code <out>/micro-<timestamp>[-n]} */
    private Path resultsFolder() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        try {
            Files.createDirectories(out);
            for (int n = 1; ; n++) {
                Path dir = out.resolve("micro-" + stamp + (n == 1 ? "" : "-" + n));
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException e) {
                    // same second: take the next suffix
                }
            }
        } catch (IOException e) {
            throw new UserException("cannot create a results folder in " + out + ": " + e.getMessage(),
                    "choose a writable folder with --out", ExitCode.ENVIRONMENT);
        }
    }

    private static void run(ChainedOptionsBuilder options, List<String> includes) {
        try {
            new Runner(options.build()).run();
        } catch (NoBenchmarksException e) {
            throw new UserException("no benchmark matches " + (includes.isEmpty() ? "'.*'" : includes),
                    "'workbench micro -l' lists them (RamGenBench, DigestBench, CopyBench, DupScanBench, SinkBench, ReceiveBench)",
                    ExitCode.INVALID_INPUT);
        } catch (ProfilersFailedException e) {
            throw new UserException("JMH profiler: " + firstLine(e), "'workbench micro -lprof' lists the profilers", ExitCode.INVALID_INPUT);
        } catch (RunnerException e) {
            throw new UserException("the benchmarks failed: " + firstLine(e), "see the benchmark's error above; rerun with --verbose",
                    ExitCode.RUN_FAILED);
        }
    }

    /** a failed run leaves no empty results folder of ours behind (JMH touches its result file before it runs) */
    private static void discard(Path result, Path folder) {
        try {
            if (Files.isRegularFile(result) && Files.size(result) == 0) {
                Files.delete(result);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // not empty: leave it
        }
    }

    private static String firstLine(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
