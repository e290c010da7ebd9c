package workbench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import workbench.reports.model.Run;
import workbench.reports.table.SeedTable;
import workbench.reports.table.TableWriter;

/** The one entry point of the harness: write a run's files, or show its seed table. */
public final class Reports {
    private Reports() {
    }

    /**
     * Writes run.json (atomically), trials.csv and summary.md into {@code dir}, creating it when
     * missing. Safe to call after every trial: each file is replaced whole.
     */
    public static void writeAll(Run run, Path dir) throws IOException {
        write(run, dir, ReportFormat.DEFAULT);
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

    /** the seed-style table as plain aligned text, for the terminal at the end of a run */
    public static String seedTable(Run run) {
        return TableWriter.console().render(SeedTable.of(run));
    }
}
