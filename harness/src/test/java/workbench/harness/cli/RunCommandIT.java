package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, end to end: a real receiver child, real loopback TCP, verified trials. */
class RunCommandIT {
    @TempDir
    Path tmp;

    @Test
    void aSmallDefaultShapedRunIsVerifiedAndPrintsTheSeedTable() throws Exception {
        Path stream = tmp.resolve("one.stream");
        Jar.Ran ran = Jar.run("run", "--baselines", "none", "--ram", "16M", "--trials", "3", "--warmup", "1", "--out", tmp.toString(),
                "--save-stream", stream.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("network", "strategy", "time (sec)", "write count", "writev count", "dup count",
                "nodup count", "loopback", "vectored", "scalar");
        List<Path> runs;
        try (Stream<Path> s = Files.list(tmp)) {
            runs = s.filter(Files::isDirectory).toList();
        }
        assertThat(runs).hasSize(1);
        JsonNode run = new ObjectMapper().readTree(runs.get(0).resolve("run.json").toFile());
        assertThat(run.get("complete").asBoolean()).isTrue();
        assertThat(run.get("trials")).hasSize(8);
        for (JsonNode t : run.get("trials")) {
            assertThat(t.get("status").asText()).isEqualTo("verified");
            assertThat(t.get("counts").get("dupPages").asLong() + t.get("counts").get("nodupPages").asLong()).isEqualTo(4096);
        }
        byte[] head = Files.readAllBytes(stream);
        assertThat(new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("QEVM");
        assertThat((long) head.length).isEqualTo(run.get("trials").get(0).get("counts").get("streamBytes").asLong());
    }

    @Test
    void badOptionsGetOneLineAndExitTwo() throws Exception {
        for (String[] args : new String[][] {
                {"run", "--ram", "12X"},
                {"run", "--dup", "150%"},
                {"run", "--dup", "0.7", "--uniform", "0.5"},
                {"run", "--strategies", "scalar,telepathy"},
                {"run", "--net", "carrier-pigeon"},
                {"run", "--trials", "0"},
                {"run", "--ram", "10000"},
                {"run", "--no-such-option"},
        }) {
            Jar.Ran ran = Jar.run(args);
            assertThat(ran.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(ran.err()).as(String.join(" ", args)).startsWith("workbench: error: ").doesNotContain("Exception");
            assertThat(ran.out()).isEmpty();
        }
    }

    @Test
    void helpNamesEveryCoreOption() throws Exception {
        Jar.Ran ran = Jar.run("run", "--help");
        assertThat(ran.exit()).isZero();
        assertThat(ran.out()).contains("--ram", "--dup", "--uniform", "--dirty", "--dup-policy", "--seed", "--strategies",
                "--batch", "--scalar-buffer", "--net", "--trials", "--warmup", "--out", "--save-stream");
    }

    @Test
    void iperf3IsMeasuredInTheSameRoundsAsACeilingWhereTheNetworkHasOne() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("iperf3", "--version").start().waitFor() == 0,
                "iperf3 is not installed");
        Jar.Ran ran = Jar.run("run", "--ram", "16M", "--trials", "2", "--warmup", "0", "--net", "loopback,unix",
                "--baselines", "iperf3", "--out", tmp.resolve("ceiling").toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("loopback vectored: ", "× of iperf3's rate", "loopback scalar: ")
                .doesNotContainPattern("unix \\w+: [0-9.]+× of iperf3").doesNotContain("iperf3 saves").doesNotContain("iperf3 costs");
        Path dir;
        try (Stream<Path> s = Files.list(tmp.resolve("ceiling"))) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode run = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        List<JsonNode> ceiling = new java.util.ArrayList<>();
        run.get("trials").forEach(t -> {
            if (t.get("series").get("strategy").asText().equals("iperf3")) {
                ceiling.add(t);
            }
        });
        assertThat(ceiling).hasSize(2).allSatisfy(t -> {
            assertThat(t.get("series").get("role").asText()).isEqualTo("ceiling");
            assertThat(t.get("series").get("network").asText()).isEqualTo("loopback");
            assertThat(t.get("status").asText()).isEqualTo("unverified");
            assertThat(t.get("transferSeconds").asDouble()).isPositive();
        });
        assertThat(run.get("trials")).hasSize(2 * 5); // per round: 2 strategies on each of 2 networks, iperf3 on loopback
        assertThat(run.get("manifest").get("environment").get("network.unix.ceiling").asText())
                .contains("no Unix-domain socket mode");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("of iperf3&#39;s rate");

        Jar.Ran unknown = Jar.run("run", "--baselines", "netperf", "--quiet");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown baseline 'netperf'");
    }
}
