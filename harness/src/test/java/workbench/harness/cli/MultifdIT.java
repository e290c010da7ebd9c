package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * multifd through the jar over real sockets: 1, 2 and 4 channels on TCP loopback and a Unix socket,
 * each trial verified by the receiver child's digest, every channel's counts in run.json, the
 * channel count a series of its own while vectored, which reads no channels, stays one series.
 */
class MultifdIT {
    @TempDir
    Path tmp;

    @Test
    void oneTwoAndFourChannelsAreVerifiedOnLoopbackAndUnix() throws Exception {
        Jar.Ran ran = Jar.run("run", "--strategies", "multifd,vectored", "--channels", "1,2,4", "--net", "loopback,unix",
                "--ram", "16M", "--blocks", "2", "--dup", "20%", "--trials", "1", "--warmup", "0", "--baselines", "none",
                "--baseline", "vectored", "--out", tmp.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("multifd channels=1", "multifd channels=2", "multifd channels=4")
                .as("--baseline vectored: the headline pairs multifd with vectored").contains("loopback channels=4: multifd vs vectored");
        Path dir;
        try (Stream<Path> s = Files.list(tmp)) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode run = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertThat(run.get("trials")).as("3 multifd series and one vectored series per network").hasSize(8);
        List<Integer> counts = new ArrayList<>();
        for (JsonNode t : run.get("trials")) {
            String strategy = t.get("series").get("strategy").asText();
            JsonNode c = t.get("counts");
            assertThat(t.get("status").asText()).as(strategy + " " + t.get("failure")).isEqualTo("verified");
            if (strategy.equals("vectored")) {
                assertThat(c.has("channels")).isFalse();
                assertThat(t.get("series").get("params").has("channels")).isFalse();
                continue;
            }
            int n = Integer.parseInt(t.get("series").get("params").get("channels").asText());
            JsonNode channels = c.get("channels");
            assertThat(channels).hasSize(n);
            long channelBytes = 0;
            for (int id = 0; id < n; id++) {
                JsonNode ch = channels.get(id);
                assertThat(ch.get("channel").asInt()).isEqualTo(id);
                assertThat(ch.get("packets").asLong()).as("three SYNCs at least").isGreaterThanOrEqualTo(3);
                assertThat(ch.get("writevCalls").asLong()).isGreaterThan(ch.get("packets").asLong());
                channelBytes += ch.get("bytes").asLong();
            }
            long nodup = c.get("nodupPages").asLong();
            assertThat(channelBytes).as("every nodup page on a channel").isGreaterThan(nodup * 4096);
            assertThat(c.get("streamBytes").asLong()).isGreaterThan(channelBytes);
            counts.add(n);
        }
        assertThat(counts).containsExactlyInAnyOrder(1, 2, 4, 1, 2, 4);
        assertThat(run.get("manifest").get("environment").get("strategy.multifd.stream").asText()).isEqualTo("QEMU 7.2 format");
        assertThat(Files.readString(dir.resolve("summary.md"))).as("re-rendered files pair with the recorded --baseline")
                .contains("vs vectored").doesNotContain("vs scalar");
    }

    @Test
    void multifdCannotSaveItsStreamToOneFileAndSaysWhatToDo() throws Exception {
        Jar.Ran ran = Jar.run("run", "--strategies", "multifd", "--ram", "16M", "--save-stream", tmp.resolve("s.bin").toString(),
                "--trials", "1", "--warmup", "0", "--baselines", "none", "--out", tmp.toString(), "--quiet");
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().strip().lines().toList()).hasSize(1);
        assertThat(ran.err()).contains("--save-stream", "vectored,multifd");
    }
}
