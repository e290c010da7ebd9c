package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sendfile and sendfile-runs through the jar: real sockets (TCP loopback and Unix), verified trials, every output. */
class SendfileIT {
    @TempDir
    Path tmp;

    @Test
    void sendfileStrategiesAreVerifiedOnLoopbackAndUnixBesideVectored() throws Exception {
        Path stream = tmp.resolve("runs.stream");
        Jar.Ran ran = Jar.run("run", "--strategies", "sendfile-runs,sendfile,vectored", "--net", "loopback,unix", "--ram", "16M",
                "--blocks", "2", "--trials", "2", "--warmup", "0", "--baselines", "none", "--out", tmp.toString(),
                "--save-stream", stream.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("sendfile count", "sendfile-runs", "unix");
        Path dir;
        try (Stream<Path> s = Files.list(tmp)) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode run = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertThat(run.get("trials")).hasSize(12);
        Map<String, Long> bytes = new HashMap<>();
        for (JsonNode t : run.get("trials")) {
            String strategy = t.get("series").get("strategy").asText();
            JsonNode c = t.get("counts");
            assertThat(t.get("status").asText()).as(strategy).isEqualTo("verified");
            long nodup = c.get("nodupPages").asLong();
            long sendfiles = c.get("sendfileCalls").asLong();
            switch (strategy) {
                case "sendfile" -> assertThat(sendfiles).isEqualTo(nodup);
                case "sendfile-runs" -> assertThat(sendfiles).isPositive().isLessThan(nodup / 4);
                default -> assertThat(sendfiles).isZero();
            }
            bytes.put(strategy, c.get("streamBytes").asLong());
        }
        assertThat(bytes.get("sendfile")).as("QEMU's stream, as vectored's").isEqualTo(bytes.get("vectored"));
        assertThat(bytes.get("sendfile-runs")).isLessThan(bytes.get("vectored"));

        JsonNode env = run.get("manifest").get("environment");
        assertThat(env.get("ram.backing.sender").asText()).isEqualTo("shm");
        assertThat(env.get("strategy.sendfile-runs.stream").asText()).contains("x-workbench-runs", "not QEMU-readable");
        assertThat(env.get("strategy.sendfile.stream").asText()).isEqualTo("QEMU 7.2 format");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("sendfile-runs", "not QEMU-readable", "sendfile count");
        assertThat(Files.readAllLines(dir.resolve("trials.csv")).get(0)).contains("sendfileCalls");

        Jar.Ran text = Jar.run("decode", stream.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("NOT QEMU-readable: workbench extension x-workbench-runs", "RUN ");
        Jar.Ran json = Jar.run("decode", stream.toString(), "--json");
        assertThat(new ObjectMapper().readTree(json.out()).get("extensions").get(0).asText()).isEqualTo("x-workbench-runs");
    }

    @Test
    void directBackingIsRefusedWithSendfileInOneLine() throws Exception {
        Jar.Ran ran = Jar.run("run", "--strategies", "vectored,sendfile", "--backing", "direct", "--ram", "16M",
                "--baselines", "none", "--out", tmp.toString());
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().strip().lines().toList()).hasSize(1);
        assertThat(ran.err()).startsWith("workbench: error: --backing direct cannot serve sendfile").contains("--backing shm");
        assertThat(List.of(tmp.toFile().list())).isEmpty();
    }
}
