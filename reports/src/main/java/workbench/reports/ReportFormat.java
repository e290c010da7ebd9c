package workbench.reports;

import java.util.Set;
import workbench.reports.files.RunWriter;
import workbench.reports.json.RunJson;
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
    SUMMARY_MD(SummaryMarkdown.FILE_NAME);

    /** what {@link Reports#writeAll} writes, in this order (run.json first: it matters most) */
    public static final Set<ReportFormat> DEFAULT = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(RUN_JSON, TRIALS_CSV, SUMMARY_MD));

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
        };
    }
}
