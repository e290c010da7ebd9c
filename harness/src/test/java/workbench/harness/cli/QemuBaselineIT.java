package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.harness.qemu.QemuProcess;

/**
 * {@code run --baselines qemu,qemu-multifd,qemu-source,qemu-source-multifd}: QEMU migrating the same guest to
 * QEMU, and a QEMU source into our receiver (each also with multifd), each a verified baseline series in the rounds
 * of our strategies, in the same tables, never in a headline pair; nothing of theirs left behind.
 */
class QemuBaselineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    private static void requireQemu() {
        String why = QemuProcess.BINARY + " is missing (apt-get install qemu-system-x86)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(QemuProcess.installed()).as(why).isTrue();
        }
        Assumptions.assumeTrue(QemuProcess.installed(), why);
    }

    @Test
    void qemuBaselinesRunInOurRoundsVerifiedAndReportedWithHowTheyAreTimed() throws Exception {
        requireQemu();
        List<String> shmBefore = shm();
        List<Long> qemusBefore = qemus();
        Jar.Ran ran = Jar.run("run", "--ram", "16M", "--trials", "1", "--warmup", "0", "--strategies", "vectored,scalar",
                "--baselines", "qemu,qemu-multifd,qemu-source,qemu-source-multifd", "--channels", "2", "--out", tmp.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("qemu-multifd").contains("qemu-source");
        Path dir;
        try (Stream<Path> runs = Files.list(tmp)) {
            dir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
        List<String> series = new ArrayList<>();
        for (JsonNode t : run.get("trials")) {
            String name = t.get("series").get("strategy").asText();
            series.add(name);
            assertThat(t.get("status").asText()).as(name + ": " + t.path("failure").asText()).isEqualTo("verified");
            if (name.startsWith("qemu")) {
                assertThat(t.get("series").get("role").asText()).isEqualTo("baseline");
                JsonNode q = t.get("qemu");
                assertThat(q.get("normalPages").asLong() + q.get("duplicatePages").asLong()).as(name).isEqualTo(4096);
                assertThat(q.get("multifdBytes").asLong() > 0).as(name + " used multifd channels").isEqualTo(name.endsWith("-multifd"));
                assertThat(t.get("transferSeconds").asDouble()).isPositive();
            } else {
                assertThat(t.has("qemu")).isFalse();
            }
        }
        assertThat(series).containsExactlyInAnyOrder("vectored", "scalar", "qemu", "qemu-multifd", "qemu-source", "qemu-source-multifd");
        JsonNode env = run.get("manifest").get("environment");
        assertThat(env.get("timing.qemu").asText()).contains("migrate command").contains("MIGRATION completed");
        assertThat(env.get("timing.qemu-source").asText()).contains("our receiver");
        String summary = Files.readString(dir.resolve("summary.md"));
        assertThat(summary).contains("How each series is timed").contains("- qemu-multifd: ");
        String result = summary.substring(summary.indexOf("## Result"), summary.indexOf("## Warnings"));
        assertThat(result.lines().filter(l -> l.contains("qemu")))
                .as("a baseline is never a headline pair, only a ratio line").hasSize(8)
                .allMatch(l -> l.matches("- loopback (vectored|scalar): \\d+\\.\\d\\d× of (qemu|qemu-multifd|qemu-source|qemu-source-multifd)'s time "
                        + "\\(median of 1 per-round ratio; our transfer time over .*'s for the same guest\\)"));
        JsonNode json = JSON.readTree(dir.resolve("summary.json").toFile());
        assertThat(json.get("pairs")).allSatisfy(p -> assertThat(p.get("baseline").get("strategy").asText() + " "
                + p.get("candidate").get("strategy").asText()).doesNotContain("qemu"));
        // each ratio is our transfer time over the baseline's in their one round, as run.json has them
        assertThat(json.get("baselines")).hasSize(8).allSatisfy(b -> {
            double ours = transfer(run, b.get("series").get("strategy").asText());
            double theirs = transfer(run, b.get("baseline").get("strategy").asText());
            assertThat(b.get("rounds").asInt()).isEqualTo(1);
            assertThat(b.get("median").asDouble()).isCloseTo(ours / theirs, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(ran.out()).contains(b.get("sentence").asText());
        });
        assertThat(Files.readString(dir.resolve("report.html"))).contains("id=\"timing\"").contains("qemu-source");
        assertThat(shm()).as("files of ours left in /dev/shm").containsExactlyInAnyOrderElementsOf(shmBefore);
        assertThat(qemus()).as("QEMUs of ours still running").containsExactlyInAnyOrderElementsOf(qemusBefore);
    }

    /** QEMU inside an emulated link: a destination in the receiver namespace, QEMU to QEMU each in its namespace. */
    @Test
    void onAnEmulatedLinkEachQemuRunsInItsNamespaceAndEveryTrialIsVerified() throws Exception {
        requireQemu();
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean ip = new ProcessBuilder("sh", "-c", "command -v ip && command -v tc").start().waitFor() == 0;
        String why = "emulated links need root and iproute2 (root=" + root + ", ip/tc=" + ip + ")";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(root && ip).as(why).isTrue();
        }
        Assumptions.assumeTrue(root && ip, why);
        List<String> shmBefore = shm();
        List<Long> qemusBefore = qemus();
        Jar.Ran ran = Jar.run("run", "--net", "link:10gbe", "--dest", "qemu", "--ram", "16M", "--trials", "1", "--warmup", "0",
                "--strategies", "vectored,multifd", "--channels", "2", "--baselines", "qemu", "--out", tmp.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        JsonNode run;
        try (Stream<Path> runs = Files.list(tmp)) {
            run = JSON.readTree(runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("run.json").toFile());
        }
        assertThat(run.get("trials")).hasSize(3).allSatisfy(t -> assertThat(t.get("status").asText())
                .as(t.path("failure").asText()).isEqualTo("verified"));
        // our multifd stream into a QEMU destination with the capability, inside the link: its channels carried pages
        assertThat(run.get("trials")).filteredOn(t -> t.get("series").get("strategy").asText().equals("multifd")).singleElement()
                .satisfies(t -> assertThat(t.get("counts").get("channels")).hasSize(2));
        JsonNode env = run.get("manifest").get("environment");
        assertThat(env.get("network.link:10gbe.receiver").asText()).startsWith("QEMU 7.2").contains("receiver namespace");
        assertThat(shm()).as("files of ours left in /dev/shm").containsExactlyInAnyOrderElementsOf(shmBefore);
        assertThat(qemus()).as("QEMUs of ours still running").containsExactlyInAnyOrderElementsOf(qemusBefore);
    }

    @Test
    void whatAQemuSourceCannotProduceIsRefusedInOneLine() throws Exception {
        requireQemu();
        String[][] cases = {
                {"--baselines", "qemu", "--dup-policy", "uniform"},
                {"--baselines", "qemu-multifd", "--dirty", "0.5"},
                {"--baselines", "qemu-source", "--blocks", "2"},
                {"--baselines", "qemu-source", "--dest", "qemu"},
                {"--baselines", "qemu,kvm"},
        };
        String[] why = {"only all-zero pages", "--dirty below 1", "exactly one RAM block", "--dest qemu has QEMU receive",
                "unknown baseline 'kvm'"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("run", "--ram", "16M", "--trials", "1", "--warmup", "0", "--out", tmp.toString()));
            args.addAll(List.of(cases[i]));
            Jar.Ran ran = Jar.run(args.toArray(String[]::new));
            assertThat(ran.exit()).as(ran.err()).isEqualTo(2);
            assertThat(ran.err().strip()).as(String.join(" ", cases[i])).startsWith("workbench: error:").contains(why[i])
                    .doesNotContain("\n");
        }
        try (Stream<Path> runs = Files.list(tmp)) {
            assertThat(runs.toList()).as("no run folder for a refused run").isEmpty();
        }
    }

    /** the one measured trial's transfer time of a series */
    private static double transfer(JsonNode run, String strategy) {
        for (JsonNode t : run.get("trials")) {
            if (t.get("series").get("strategy").asText().equals(strategy)) {
                return t.get("transferSeconds").asDouble();
            }
        }
        throw new AssertionError("no trial of " + strategy);
    }

    private static List<Long> qemus() {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive() && p.info().commandLine().orElse("").contains("/dev/shm/workbench-qemu-"))
                .map(ProcessHandle::pid).toList();
    }

    private static List<String> shm() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("/dev/shm"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("workbench-qemu-")).toList();
        }
    }
}
