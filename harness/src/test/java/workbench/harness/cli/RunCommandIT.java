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
        Jar.Ran ran = Jar.run("run", "--ram", "16M", "--trials", "3", "--warmup", "1", "--out", tmp.toString(),
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
}
