package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each side of a transfer held and missed, recorded end to end: mis-predictions and peak RSS. */
class SidesIT {
    private static final long GUEST = 16L << 20;

    @TempDir
    Path tmp;

    @Test
    void aScatterReceiverRecordsItsMispredictionsAndEverySideItsPeakRss() throws Exception {
        Jar.Ran ran = Jar.run("run", "--baselines", "none", "--ram", "16M", "--trials", "1", "--warmup", "0",
                "--strategies", "vectored", "--receive", "scatter,buffered", "--out", tmp.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        Path dir;
        try (Stream<Path> s = Files.list(tmp)) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode trials = new ObjectMapper().readTree(dir.resolve("run.json").toFile()).get("trials");
        assertThat(trials).hasSize(2);
        for (JsonNode t : trials) {
            assertThat(t.get("status").asText()).isEqualTo("verified");
            if (t.get("series").get("params").get("receive").asText().equals("scatter")) {
                // the default 3.4% scattered zero pages break almost every predicted run
                assertThat(t.get("mispredictions").asLong()).isPositive();
            } else {
                assertThat(t.has("mispredictions")).as("a buffered receiver predicts nothing").isFalse();
            }
            // each process holds at least its guest: the sender's in this JVM, the receiver's in the serve child
            assertThat(t.get("senderPeakRss").asLong()).isGreaterThan(GUEST);
            assertThat(t.get("receiverPeakRss").asLong()).isGreaterThan(GUEST);
        }
        assertThat(Files.readString(dir.resolve("trials.csv")).lines().findFirst().orElseThrow())
                .contains(",mispredictions,senderPeakRss,receiverPeakRss,");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("## Memory and receiver", "| loopback ",
                "loopback vectored receive=scatter");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("id=\"table-memory\"", "id=\"table-mispredictions\"");
    }
}
