package workbench.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.run.Defaults;
import workbench.reports.compare.CompareReport;
import workbench.reports.json.SummaryJson;
import workbench.reports.compare.CompareTables;
import workbench.reports.compare.RunDelta;
import workbench.reports.compare.IncomparableRunsException;
import workbench.reports.compare.RunSet;
import workbench.reports.model.Run;
import workbench.reports.stats.Comparisons;
import workbench.reports.table.TableWriter;

/** {@code workbench compare}: several runs side by side in one report. */
@Command(name = "compare", sortOptions = false,
        header = "Lays several runs side by side in one report.",
        description = "Lays several runs side by side in one self-contained report.html and prints a compact table: the "
                + "options that differ between the runs name the groups (else the host, JVM or kernel), strategy is the "
                + "series, each series is set against the same series of the first run. Runs whose guest RAM differs are "
                + "refused unless --allow-different-ram is given.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  workbench compare results/RUN1 results/RUN2",
                "  workbench compare results/RUN1 results/RUN2 --baseline vectored --out /tmp/c"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", arity = "2..*", description = "run folders (results/<run-id>) or their run.json files")
    List<Path> runs;
    @Option(names = "--out", paramLabel = "DIR",
            description = "folder for report.html and charts/; default <results>/compare-<timestamp>")
    Path out;
    @Option(names = "--baseline", defaultValue = Comparisons.DEFAULT_BASELINE, paramLabel = "STRATEGY",
            description = "strategy the others are compared with in each group; default ${DEFAULT-VALUE}")
    String baseline;
    @Option(names = "--allow-different-ram",
            description = "compare runs whose RAM spec (ram, blocks, page-size, dup, uniform, dirty, layout, content, seed) differs, with a warning")
    boolean allowDifferentRam;
    @Mixin(name = CommonOptions.MIXIN)
    CommonOptions common;

    @Override
    public Integer call() {
        List<Run> loaded = runs.stream().map(RunFiles::read).toList();
        RunSet set;
        try {
            set = RunSet.of(loaded, allowDifferentRam ? RunSet.RamCheck.WARN : RunSet.RamCheck.REJECT);
        } catch (IncomparableRunsException e) {
            throw new UserException(e.getMessage(), e.fix(), ExitCode.INVALID_INPUT);
        }
        Path dir = out != null ? out : Path.of(Defaults.OUT).resolve("compare-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        try {
            new CompareReport(baseline).write(set, dir);
            new SummaryJson(baseline).write(set, dir);
        } catch (IOException e) {
            throw RunFiles.cannotWrite(dir, e);
        }
        set.warnings().forEach(w -> spec.commandLine().getErr().println("workbench: warning: " + w));
        java.io.PrintWriter console = spec.commandLine().getOut();
        console.print(TableWriter.console().render(CompareTables.console(set)));
        console.println();
        RunDelta.of(set).forEach(d -> console.println(d.sentence()));
        liveFigures(set, console);
        console.println("report: " + dir.resolve(CompareReport.FILE_NAME));
        return ExitCode.OK.code();
    }

    /** the live tables of the runs side by side, then each group's latency headlines ("group: loopback: …") */
    private void liveFigures(RunSet set, java.io.PrintWriter console) {
        CompareTables.precopy(set).ifPresent(t -> console.print("\npre-copy:\n" + TableWriter.console().render(t)));
        CompareTables.checkpoints(set).ifPresent(t -> console.print("\ncheckpoints:\n" + TableWriter.console().render(t)));
        boolean first = true;
        for (RunSet.Member m : set.members()) {
            for (Comparisons.SeriesComparison c : Comparisons.against(m.run(), baseline)) {
                for (workbench.reports.stats.LatencyComparison l : c.latency()) {
                    if (first) {
                        console.println();
                        first = false;
                    }
                    console.println(m.group() + ": " + l.sentence());
                }
            }
        }
    }
}
