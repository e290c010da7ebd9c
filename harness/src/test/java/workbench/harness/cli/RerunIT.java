package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** issue 12: the Re-run line of a run's summary, pasted into a shell, repeats the run with the same settings. */
class RerunIT {
    @TempDir
    Path tmp;

    @Test
    void theRerunLinePastedIntoAShellRepeatsTheRun() throws Exception {
        Path out = tmp.resolve("runs");
        Jar.Ran first = Jar.run("run", "--ram", "8M", "--trials", "1", "--warmup", "0", "--baselines", "none",
                "--batch", "32", "--dup", "5%", "--out", out.toString(), "--quiet");
        assertThat(first.exit()).as(first.err()).isZero();
        Path firstDir = only(out);
        String rerun = Files.readAllLines(firstDir.resolve("summary.md"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("- re-run: `")).findFirst().orElseThrow();
        rerun = rerun.substring("- re-run: `".length(), rerun.length() - 1);
        assertThat(rerun).startsWith("java -jar ").contains(" run ", " --batch 32 ", " --dup 0.05 ")
                .doesNotContain("/bin/java");

        Process p = new ProcessBuilder("bash", "-c", rerun + " --quiet").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(rerun).isZero();

        List<Path> dirs;
        try (Stream<Path> s = Files.list(out)) {
            dirs = s.filter(d -> !d.equals(firstDir)).toList();
        }
        assertThat(dirs).as("the re-run wrote a run folder of its own beside the first").hasSize(1);
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(firstDir.resolve("run.json").toFile());
        JsonNode b = json.readTree(dirs.get(0).resolve("run.json").toFile());
        assertThat(b.get("complete").asBoolean()).isTrue();
        assertThat(b.get("manifest").get("settings")).isEqualTo(a.get("manifest").get("settings"));
    }

    private static Path only(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.toList();
            assertThat(dirs).hasSize(1);
            return dirs.get(0);
        }
    }
}
