package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** report and compare through the packaged jar, on run.json fixtures recorded by real runs. */
class ReportCommandIT {
    @TempDir
    Path tmp;

    @Test
    void reportRecreatesTheDerivedFilesFromRunJsonAlone() throws Exception {
        Path dir = fixture("run-uniform");
        byte[] runJson = Files.readAllBytes(dir.resolve("run.json"));
        Jar.Ran ran = Jar.run("report", dir.toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out().strip()).isEqualTo("report: " + dir.toAbsolutePath().resolve("report.html"));
        assertThat(Files.readAllBytes(dir.resolve("run.json"))).isEqualTo(runJson);
        assertThat(dir.resolve("trials.csv")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("summary.md"), StandardCharsets.UTF_8)).contains("## Seed table", "## Warnings");
        assertThat(Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8)) // a schema-1 run's summary, rewritten
                .startsWith("{\n  \"schema\" : 1,\n  \"kind\" : \"run\",").contains("\"pairs\" : [", "\"sendSeconds\" : {");
        assertThat(pngs(dir.resolve("charts"))).containsExactlyInAnyOrder("cpu.png", "distribution.png", "throughput.png",
                "time.png", "trials.png", "ratios.png");
        String html = selfContainedPage(dir.resolve("report.html"));
        assertThat(html).contains("id=\"table-seed\"", "id=\"table-statistics\"", "id=\"chart-time\"",
                "id=\"chart-distribution\"", "--dup-policy uniform");
    }

    @Test
    void reportTakesTheRunJsonItselfAndAnotherOutputFolder() throws Exception {
        Path dir = fixture("run-zero");
        Path out = tmp.resolve("elsewhere");
        Jar.Ran ran = Jar.run("report", dir.resolve("run.json").toString(), "--out", out.toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void compareLaysRunsOfDifferentDupPoliciesInOneReport() throws Exception {
        Path out = tmp.resolve("cmp");
        Jar.Ran ran = Jar.run("compare", fixture("run-uniform").toString(), fixture("run-zero").toString(),
                "--out", out.toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.err()).isEmpty();
        String html = selfContainedPage(out.resolve("report.html"));
        assertThat(html).contains("dup-policy=uniform", "dup-policy=zero", "20261125-205918-b5ecff",
                "20261125-205928-eba818", "id=\"table-relative\"", "id=\"manifest-2\"");
        assertThat(pngs(out.resolve("charts"))).containsExactlyInAnyOrder("cpu.png", "throughput.png", "time.png", "deltas.png");
        assertThat(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8))
                .contains("\"kind\" : \"compare\"", "\"groups\" : [", "\"deltas\" : [", "\"runId\" : \"20261125-205928-eba818\"");
        assertThat(ran.out()).contains("vs first run", "reference", "runs at ", "× the speed of ").contains("report: ");
    }

    @Test
    void runsOfDifferentRamAreRefusedUnlessAllowed() throws Exception {
        String a = fixture("run-zero").toString();
        String b = fixture("run-ram8").toString();
        Path out = tmp.resolve("cmp");
        Jar.Ran refused = Jar.run("compare", a, b, "--out", out.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err().lines()).singleElement().asString()
                .startsWith("workbench: error: the runs' guest RAM differs (ram: 16777216 vs 8388608")
                .contains("--allow-different-ram");
        assertThat(out).doesNotExist();

        Jar.Ran allowed = Jar.run("compare", a, b, "--out", out.toString(), "--allow-different-ram");
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(allowed.err()).startsWith("workbench: warning: the runs' guest RAM differs");
        assertThat(selfContainedPage(out.resolve("report.html"))).contains("INCOMPARABLE_RUNS");
    }

    @Test
    void badInputGetsOneLineAndExitTwo() throws Exception {
        Path malformed = tmp.resolve("bad/run.json");
        Files.createDirectories(malformed.getParent());
        Files.writeString(malformed, "{\"schema\": 1, \"trials\": [");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        for (String[] args : new String[][] {
                {"report", tmp.resolve("no-such-run").toString()},
                {"report", malformed.toString()},
                {"report", empty.toString()},
                {"compare", fixture("run-zero").toString(), tmp.resolve("missing").toString()},
                {"compare", fixture("run-zero").toString()},
        }) {
            Jar.Ran ran = Jar.run(args);
            assertThat(ran.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(ran.err()).as(String.join(" ", args)).startsWith("workbench: error: ").doesNotContain("Exception");
            assertThat(ran.err().lines().filter(l -> !l.isBlank()).count()).as(ran.err()).isLessThanOrEqualTo(2);
            assertThat(ran.out()).isEmpty();
        }
    }

    /** a copy of a fixture run folder, so the test may write into it */
    private Path fixture(String name) throws IOException, URISyntaxException {
        Path source = Path.of(ReportCommandIT.class.getResource(name + "/run.json").toURI());
        Path dir = tmp.resolve(name);
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            Files.copy(source, dir.resolve("run.json"));
        }
        return dir;
    }

    /** the page parses as XML, fetches nothing, and its images are PNG data: URIs of the chart size */
    private static String selfContainedPage(Path file) throws Exception {
        String html = Files.readString(file, StandardCharsets.UTF_8);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link");
        String[] afterSrc = html.split("src=\"", -1);
        for (int i = 1; i < afterSrc.length; i++) {
            assertThat(afterSrc[i]).startsWith("data:image/png;base64,");
        }
        return html;
    }

    private static List<String> pngs(Path charts) throws IOException {
        try (Stream<Path> files = Files.list(charts)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".png")).toList();
            for (Path p : all) {
                assertThat(p.resolveSibling(p.getFileName().toString().replace(".png", ".svg"))).as("its SVG").isNotEmptyFile();
                BufferedImage image = ImageIO.read(p.toFile());
                assertThat(image).as(p.toString()).isNotNull();
                assertThat(image.getWidth()).isEqualTo(1000);
                assertThat(image.getHeight()).isEqualTo(500);
            }
            return all.stream().map(p -> p.getFileName().toString()).toList();
        }
    }
}
