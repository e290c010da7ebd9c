package workbench.reports.table;

import org.junit.jupiter.api.Test;
import workbench.reports.Golden;
import workbench.reports.model.StubRun;

/** These tests seal the formats: the stub run from new Random(12345), under a comma-decimal locale. */
class FormatsGoldenTest {
    @Test
    void trialsCsv() {
        Golden.underGermanLocale(() -> Golden.assertMatches("/workbench/reports/table/trials.csv",
                TrialsCsv.render(StubRun.create())));
    }

    @Test
    void summaryMarkdown() {
        Golden.underGermanLocale(() -> Golden.assertMatches("/workbench/reports/table/summary.md",
                new SummaryMarkdown().render(StubRun.create())));
    }

    @Test
    void seedTableInMarkdown() {
        Golden.underGermanLocale(() -> Golden.assertMatches("/workbench/reports/table/seed-table.md",
                TableWriter.markdown().render(SeedTable.of(StubRun.create()))));
    }
}
