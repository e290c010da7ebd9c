package workbench.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import workbench.harness.failure.ExitCode;
import workbench.reports.Reports;
import workbench.reports.html.HtmlReport;
import workbench.reports.model.Run;

/** {@code workbench report}: re-renders a run's derived files from its run.json, measuring nothing. */
@Command(name = "report", sortOptions = false,
        header = "Re-renders a run's report from its run.json.",
        description = "Re-renders a run's trials.csv, summary.md, charts (charts/*.png, *.svg) and report.html from its "
                + "run.json alone; nothing is measured again and run.json is left as it is.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  workbench report results/RUN          after a killed run, or with a newer version",
                "  workbench report results/RUN/run.json --out /tmp/r"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "a run folder (results/<run-id>) or its run.json")
    Path run;
    @Option(names = "--out", paramLabel = "DIR", description = "write the files here instead of beside run.json")
    Path out;
    @Mixin(name = CommonOptions.MIXIN)
    CommonOptions common;

    @Override
    public Integer call() {
        Path file = RunFiles.runJson(run);
        Run r = RunFiles.read(file);
        Path dir = Optional.ofNullable(out).orElseGet(() -> file.toAbsolutePath().getParent());
        try {
            Reports.writeDerived(r, dir);
        } catch (IOException e) {
            throw RunFiles.cannotWrite(dir, e);
        }
        spec.commandLine().getOut().println("report: " + dir.resolve(HtmlReport.FILE_NAME));
        return ExitCode.OK.code();
    }
}
