package workbench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import workbench.reports.Reports;
import workbench.reports.chart.ChartFiles;
import workbench.reports.chart.Charts;
import workbench.reports.chart.Png;
import workbench.reports.chart.RunFigures;
import workbench.reports.json.RunJson;
import workbench.reports.model.Manifest;
import workbench.reports.model.Run;
import workbench.reports.model.RunSettings;
import workbench.reports.model.Setting;
import workbench.reports.model.SettingKind;
import workbench.reports.model.StubRun;
import workbench.reports.model.SweepRun;

/** report.html from a stored run.json: well-formed, self-contained, every chart and table present. */
class HtmlReportTest {
    @TempDir
    Path tmp;

    static Run fixture() throws IOException, URISyntaxException {
        return RunJson.read(Path.of(HtmlReportTest.class.getResource("/workbench/reports/html/run.json").toURI()));
    }

    @Test
    void aStoredRunRendersToAWellFormedSelfContainedPageWithEveryChartAndTable() throws Exception {
        Run run = fixture();
        Reports.writeDerived(run, tmp);
        String html = Files.readString(tmp.resolve(HtmlReport.FILE_NAME), StandardCharsets.UTF_8);
        Document doc = Pages.parse(html);

        Pages.assertSelfContained(html, doc);
        assertThat(Pages.ids(doc)).contains("headline", "warnings", "seed", "statistics", "charts", "manifest",
                "table-seed", "table-statistics", "table-transfer", "table-configuration", "table-environment",
                "rerun", "chart-time", "chart-throughput", "chart-cpu", "chart-trials", "chart-distribution");
        assertThat(Pages.text(doc, "headline")).contains("loopback: vectored", "median of 5 per-round ratios", "a 95% CI needs at least 6 paired rounds");
        assertThat(Pages.headers(doc, "table-seed")).containsExactly("network", "strategy", "time (sec)", "write count",
                "writev count", "dup count", "nodup count");
        assertThat(Pages.headers(doc, "table-statistics")).contains("n", "mean (s)", "sd (s)", "median (s)", "min (s)",
                "max (s)", "95% CI of mean (s)", "CV", "Gbit/s", "sender process CPU s/GiB", "receiver process CPU s/GiB");
        assertThat(Pages.text(doc, "table-statistics")).contains("loopback scalar", "loopback vectored").doesNotContain("n/a");
        assertThat(Pages.text(doc, "rerun")).startsWith("java -jar workbench.jar run --ram 16777216 --blocks 1 ")
                .contains(" --dup-policy uniform ", " --uniform 0.05 ", " --out /tmp/fx/uniform").doesNotContain("--quiet");
        assertThat(Pages.text(doc, "table-configuration")).contains("dup-policy", "uniform", "16777216");
        assertThat(Pages.text(doc, "rates")).containsPattern("loopback: achieved \\d+\\.\\d{3} Gbit/s end to end \\(median of 10 verified trials");
        assertThat(run.manifest().settings().ram().blocks()).as("schema 1 wrote the blocks themselves: read as their count")
                .isEqualTo(1);
        assertThat(Pages.text(doc, "table-environment")).contains("java.version", "17.0.15");

        NodeList images = doc.getElementsByTagName("img");
        assertThat(images.getLength()).isEqualTo(6);
        for (int i = 0; i < images.getLength(); i++) {
            Element img = (Element) images.item(i);
            assertThat(img.getAttribute("alt")).isNotBlank();
            byte[] png = Base64.getDecoder().decode(img.getAttribute("src").substring("data:image/png;base64,".length()));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
        }
        assertThat(doc.getElementsByTagName("figcaption").getLength()).isEqualTo(6);
    }

    @Test
    void theStubRunShowsItsWarningsFailedTrialsAndUnverifiedSeries() throws Exception {
        Run run = StubRun.create();
        Document doc = Pages.parse(new HtmlReport().render(run, List.of()));
        assertThat(Pages.ids(doc)).contains("failed", "table-failed");
        assertThat(Pages.text(doc, "warnings")).contains("FAILED_TRIALS", "UNVERIFIED", "null scalar (unverified)");
        assertThat(Pages.text(doc, "table-failed")).contains("digest mismatch");
    }

    @Test
    void aSweepAddsItsLineChartsToThePage() throws Exception {
        Run sweep = SweepRun.create();
        List<Png> lines = ChartFiles.render(RunFigures.of(sweep).stream().filter(f -> f.name().startsWith("sweep-")).toList());
        Document doc = Pages.parse(new HtmlReport().render(sweep, lines));
        assertThat(Pages.ids(doc)).contains("chart-sweep-batch-time", "chart-sweep-batch-throughput");
    }

    @Test
    void hostileTextIsEscapedAndNumbersIgnoreTheLocale() throws Exception {
        Run stub = StubRun.create();
        RunSettings s = stub.manifest().settings();
        Manifest m = new Manifest("run --note \"<script>alert('x')</script> & \u0007bell\"", "test",
                new RunSettings(s.ram(), List.of("<b>loopback</b>"), s.strategies(), s.rounds(), s.statistics(),
                        List.of(Setting.of("note", SettingKind.TEXT, "run", "<script>x</script>"))),
                Map.of("os", "A & B <i>"));
        Run run = new Run(stub.schema(), "id-<&>", m, stub.trials(), true, null);
        String[] html = new String[1];
        workbench.reports.Golden.underGermanLocale(() -> html[0] = new HtmlReport().render(run, List.of()));
        Document doc = Pages.parse(html[0]);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(Pages.text(doc, "rerun")).contains("--note '<script>x</script>'", "--net '<b>loopback</b>'");
        assertThat(Pages.text(doc, "table-statistics")).containsPattern("0\\.\\d{4}").doesNotContainPattern("0,\\d{4}");
    }
}
