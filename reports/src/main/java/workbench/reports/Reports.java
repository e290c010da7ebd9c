package workbench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import workbench.reports.chart.ChartFiles;
import workbench.reports.chart.Png;
import workbench.reports.chart.RunFigures;
import workbench.reports.html.HtmlReport;
import workbench.reports.model.Run;
import workbench.reports.table.Seed2010;
import workbench.reports.table.SeedTable;
import workbench.reports.table.TableWriter;

/** The one entry point of the harness: write a run's files, or show its seed table. */
public final class Reports {
    private Reports() {
    }

    /**
     * Writes run.json (atomically), trials.csv, summary.md and summary.json into {@code dir}, creating it when
     * missing. Safe and cheap to call after every trial: each file is replaced whole. Charts and
     * report.html are left to {@link #writeFinal}.
     */
    public static void writeAll(Run run, Path dir) throws IOException {
        write(run, dir, ReportFormat.DEFAULT);
    }

    /**
     * Writes every file: trials.csv, summary.md, summary.json, the charts (PNG, in charts/), report.html and, last,
     * run.json — so that when any of the others cannot be written (a full disk), run.json still holds
     * what it held before and never claims a completeness the files do not have. Call it once when a
     * run ends (or stops): the charts are rendered once and shared by the PNG files and the HTML page.
     */
    public static void writeFinal(Run run, Path dir) throws IOException {
        writeDerived(run, dir);
        write(run, dir, java.util.EnumSet.of(ReportFormat.RUN_JSON));
    }

    /** everything but run.json itself: what {@code workbench report} re-creates from a stored run */
    public static void writeDerived(Run run, Path dir) throws IOException {
        write(run, dir, java.util.EnumSet.of(ReportFormat.TRIALS_CSV, ReportFormat.SUMMARY_MD, ReportFormat.SUMMARY_JSON));
        writeCharts(run, dir);
    }

    private static void writeCharts(Run run, Path dir) throws IOException {
        List<Png> charts = ChartFiles.render(RunFigures.of(run));
        ChartFiles.write(charts, dir);
        new HtmlReport().write(run, charts, dir);
    }

    /** writes the given formats, in enum order */
    public static void write(Run run, Path dir, Set<ReportFormat> formats) throws IOException {
        Files.createDirectories(dir);
        for (ReportFormat format : ReportFormat.values()) {
            if (formats.contains(format)) {
                format.writer().write(run, dir);
            }
        }
    }

    /**
     * the seed-style table as plain aligned text, for the terminal at the end of a run; for a run of
     * {@code --preset seed2010}, beside the 2010 figures with both ratios and what differs
     */
    public static String seedTable(Run run) {
        if (!Seed2010.applies(run)) {
            return TableWriter.console().render(SeedTable.of(run));
        }
        StringBuilder out = new StringBuilder("Beside the 2010 table (seed-experiment.md):\n");
        out.append(TableWriter.console().render(Seed2010.table(run))).append('\n');
        out.append(TableWriter.console().render(Seed2010.ratios(run))).append('\n');
        out.append("What differs:\n");
        Seed2010.differences(run).forEach(d -> out.append("  ").append(d).append('\n'));
        return out.toString();
    }

    /** the live workloads' tables for the console (pre-copy, checkpoints), empty for a bulk run */
    public static String liveTables(Run run) {
        StringBuilder out = new StringBuilder();
        workbench.reports.table.LiveTables.precopy(run).ifPresent(t -> out.append('\n').append("pre-copy: ")
                .append(workbench.reports.table.LiveTables.PRECOPY_NOTE).append('\n')
                .append(TableWriter.console().render(t)));
        workbench.reports.table.LiveTables.checkpoints(run).ifPresent(t -> out.append('\n').append("checkpoints: ")
                .append(workbench.reports.table.LiveTables.CHECKPOINT_NOTE).append('\n')
                .append(TableWriter.console().render(t)));
        workbench.reports.table.LiveTables.perCheckpointCounts(run).ifPresent(t -> out.append('\n')
                .append("seed table per checkpoint (mean counts of one checkpoint's section):\n")
                .append(TableWriter.console().render(t)));
        return out.toString();
    }
}
