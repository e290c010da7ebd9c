package workbench.reports;

import java.util.Set;
import workbench.reports.chart.ChartFiles;
import workbench.reports.files.RunWriter;
import workbench.reports.html.HtmlReport;
import workbench.reports.json.RunJson;
import workbench.reports.json.SummaryJson;
import workbench.reports.table.SummaryMarkdown;
import workbench.reports.table.TrialsCsv;

/**
 * Every file a run directory holds besides the trials' own output, one writer each. The enum and
 * {@link #writer()} are the way in; adding charts or the HTML report is one constant and one case.
 */
public enum ReportFormat {
    /** the manifest and every trial: the record everything else is derived from */
    RUN_JSON(RunJson.FILE_NAME),
    /** one row per trial, every figure */
    TRIALS_CSV(TrialsCsv.FILE_NAME),
    /** headline, seed table and statistics in Markdown */
    SUMMARY_MD(SummaryMarkdown.FILE_NAME),
    /** every figure the reports show, per series and per pair, as JSON ({@code workbench/reports/schema/summary.schema.json}) */
    SUMMARY_JSON(SummaryJson.FILE_NAME),
    /** the charts as PNG files in a folder of their own */
    CHARTS(ChartFiles.DIR_NAME),
    /** the self-contained HTML report, charts embedded */
    REPORT_HTML(HtmlReport.FILE_NAME);

    /**
     * what {@link Reports#writeAll} writes after every trial, in this order (run.json first: it
     * matters most). Cheap: milliseconds.
     */
    public static final Set<ReportFormat> DEFAULT = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(RUN_JSON, TRIALS_CSV, SUMMARY_MD, SUMMARY_JSON));

    /**
     * what {@link Reports#writeFinal} adds once a run ends: rendering the charts takes about half a
     * second (more in a fresh JVM), too slow to repeat after every trial.
     */
    public static final Set<ReportFormat> FINAL = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(CHARTS, REPORT_HTML));

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** the file's name inside the run directory */
    public String fileName() {
        return fileName;
    }

    /** the writer of this format */
    public RunWriter writer() {
        return switch (this) {
            case RUN_JSON -> (run, dir) -> RunJson.write(run, dir.resolve(fileName));
            case TRIALS_CSV -> new TrialsCsv();
            case SUMMARY_MD -> new SummaryMarkdown();
            case SUMMARY_JSON -> new SummaryJson();
            case CHARTS -> new ChartFiles();
            case REPORT_HTML -> new HtmlReport();
        };
    }
}
