package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 12, the 2010 table in one command: {@code run --preset seed2010} with small overrides runs
 * the seed's set-up on emulated GbE and IPoIB, the options given beside it win, the manifest records
 * the preset, and the console, summary.md and report.html lay our rows beside the 2010 figures.
 */
class PresetIT {
    @TempDir
    Path tmp;

    @Test
    void thePresetRecreatesTheSeedAndPrintsItBesideThe2010Figures() throws Exception {
        NetworksIT.requireLinks();
        Jar.Ran ran = Jar.run("run", "--preset", "seed2010", "--ram", "16M", "--trials", "6", "--warmup", "0",
                "--baselines", "none", "--quiet", "--out", tmp.toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("Beside the 2010 table", "What differs:", "here --batch 123 pages",
                        "here one pass of 16 MiB (4096 pages)")
                .containsPattern("2010 +GbE +writev +35\\.732 \\(std 0\\.002\\) +4 \\(0\\) +8269 \\(1\\)")
                .containsPattern("2010 +IPoIB +write +16\\.777 \\(std 0\\.239\\) +127364 \\(24\\)")
                .containsPattern("ours +link:gbe +vectored ").containsPattern("ours +link:ipoib +scalar ")
                .containsPattern("GbE / link:gbe +1\\.001× \\(means of 10 trials\\) +[0-9.]+× \\(median of 6 per-round ratios\\)")
                .containsPattern("IPoIB / link:ipoib +1\\.208× ");
        // one table: ours replaces the plain seed table rather than repeating it
        assertThat(ran.out().indexOf("network   strategy")).isEqualTo(-1);

        Path dir;
        try (Stream<Path> s = Files.list(tmp)) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode settings = new ObjectMapper().readTree(dir.resolve("run.json").toFile()).get("manifest").get("settings");
        Map<String, String> entries = new HashMap<>();
        settings.get("entries").forEach(e -> entries.put(e.get("name").asText(), e.get("values").get(0).asText()));
        assertThat(entries).containsEntry("preset", "seed2010").containsEntry("batch", "123").containsEntry("scalar-buffer", "32K");
        assertThat(settings.toString()).contains("\"dupPolicy\":\"uniform\"", "\"link:gbe\",\"link:ipoib\"")
                .contains("\"trials\":6"); // the overrides won over the preset's 512M and 10 rounds
        JsonNode trial = new ObjectMapper().readTree(dir.resolve("run.json").toFile()).get("trials").get(0);
        long nodup = trial.get("counts").get("nodupPages").asLong();
        if (trial.get("series").get("strategy").asText().equals("vectored")) {
            assertThat(trial.get("counts").get("writevCalls").asLong()).isEqualTo((nodup + 122) / 123);
        }

        for (String file : new String[] {"summary.md", "report.html"}) {
            assertThat(Files.readString(dir.resolve(file))).as(file).contains("Beside the 2010 table", "35.732 (std 0.002)",
                    "1.208×", "What differs");
        }
    }
}
