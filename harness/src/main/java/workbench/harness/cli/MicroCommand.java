package workbench.harness.cli;

import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;

/** {@code workbench micro}: JMH micro-benchmarks of the sender's parts (SinkBench, DupScanBench). */
@Command(name = "micro", sortOptions = false,
        description = {"Runs the JMH micro-benchmarks in forked JVMs: SinkBench (a whole stream into a discarding",
                "channel, ns per page, scalar vs vectored) and DupScanBench (the dup check of one page)."})
public final class MicroCommand implements Callable<Integer> {
    @Option(names = "--include", defaultValue = "workbench.harness.micro.*", description = "benchmark regex; default ${DEFAULT-VALUE}")
    String include;
    @Option(names = "--forks", defaultValue = "1", description = "forked JVMs per benchmark; default ${DEFAULT-VALUE}")
    int forks;
    @Option(names = "--warmup-iterations", defaultValue = "3", description = "default ${DEFAULT-VALUE}")
    int warmup;
    @Option(names = "--iterations", defaultValue = "5", description = "default ${DEFAULT-VALUE}")
    int iterations;
    @Option(names = "--seconds", defaultValue = "1", description = "seconds per iteration; default ${DEFAULT-VALUE}")
    int seconds;
    @Mixin(name = CommonOptions.MIXIN)
    CommonOptions common;

    @Override
    public Integer call() {
        if (forks < 0 || warmup < 0 || iterations < 1 || seconds < 1) {
            throw new UserException("--forks, --warmup-iterations must be 0 or more, --iterations and --seconds 1 or more",
                    "see 'workbench micro --help'", ExitCode.INVALID_INPUT);
        }
        Options options = new OptionsBuilder().include(include).forks(forks)
                .warmupIterations(warmup).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Djava.awt.headless=true").build();
        try {
            new Runner(options).run();
        } catch (NoBenchmarksException e) {
            throw new UserException("no benchmark matches '" + include + "'", "try --include SinkBench or DupScanBench",
                    ExitCode.INVALID_INPUT);
        } catch (RunnerException e) {
            throw new UserException("the benchmarks failed: " + e.getMessage(), "rerun with --verbose", ExitCode.RUN_FAILED);
        }
        return ExitCode.OK.code();
    }
}
