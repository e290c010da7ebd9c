package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 10, defects 8 and 11: user and environment errors of {@code run} are one line with their
 * documented exit code (2 invalid input, 3 environment), never exit 4, which is for bugs. In process:
 * each fails before a receiver would start.
 */
class RunCommandTest {
    @TempDir
    Path tmp;

    record Ran(int exit, String err) {
    }

    private Ran run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("run", "--quiet"));
        all.addAll(List.of(args));
        int exit = WorkbenchCommand.commandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(all.toArray(String[]::new));
        return new Ran(exit, err.toString(StandardCharsets.UTF_8));
    }

    private static void oneLine(Ran r, int exit, String start) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err().strip()).startsWith("workbench: error: " + start).doesNotContain("internal error", "Exception")
                .hasLineCount(1);
    }

    @Test
    void aCheckpointWorkloadWithAScatterReceiverIsRefusedBeforeAnythingRuns() {
        oneLine(run("--workload", "checkpoint", "--receive", "scatter", "--baselines", "none", "--out", tmp.toString()), 2,
                "--receive scatter does not go with --workload checkpoint");
    }

    @Test
    void aBadCiTargetIsInvalidInput() {
        for (String bad : List.of("-1", "200%", "abc", "NaN", "0")) {
            oneLine(run("--ci-target", bad, "--out", tmp.toString()), 2, "--ci-target");
        }
    }

    @Test
    void aBadOrderOrEffectMarginIsInvalidInput() {
        oneLine(run("--order", "shuffled", "--out", tmp.toString()), 2, "--order must be alternate or random");
        for (String bad : List.of("60%", "-1%", "abc")) {
            oneLine(run("--min-effect", bad, "--out", tmp.toString()), 2, "--min-effect");
        }
    }

    @Test
    void channelsOutsideQemusRangeAreInvalidInput() {
        for (String bad : List.of("0", "256", "two", "2,2")) {
            oneLine(run("--channels", bad, "--out", tmp.toString()), 2, "--channels");
        }
    }

    @Test
    void aChannelsSweepIsOneVariantPerCountAndRecorded() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        picocli.CommandLine top = WorkbenchCommand.commandLine(quiet, quiet);
        top.parseArgs("run", "--baselines", "none", "--channels", "1,2,4");
        RunCommand command = top.getSubcommands().get("run").getCommand();
        var plan = command.plan();
        assertThat(plan.variants()).extracting(v -> v.sink().channels()).containsExactly(1, 2, 4);
        assertThat(plan.variants()).extracting(v -> v.params().get("channels")).containsExactly("1", "2", "4");
        assertThat(plan.settings().texts()).containsEntry("channels", "1,2,4");
    }

    @Test
    void anUnknownPresetIsInvalidInput() {
        oneLine(run("--preset", "seed2011", "--out", tmp.toString()), 2, "--preset: unknown preset 'seed2011' (known: seed2010)");
    }

    @Test
    void anEmptyOutIsRefusedRatherThanWritingIntoTheCurrentFolder() {
        oneLine(run("--out", ""), 2, "--out is empty");
    }

    @Test
    void aDirtyFractionThatSendsNoPageIsRefused() {
        oneLine(run("--ram", "8M", "--dirty", "1e-7", "--out", tmp.toString()), 2, "a dirty fraction of 1.0E-7 sends none");
    }

    @Test
    void anEmptyTokenIsStillRefused() {
        oneLine(run("--token", "", "--out", tmp.toString()), 2, "an empty --token");
    }

    @Test
    void aGuestWhoseMemoryCheckWouldOverflowIsNotEnoughMemory() {
        oneLine(run("--ram", "4194303T", "--net", "loopback,unix", "--out", tmp.toString()), 3, "not enough memory");
    }

    @Test
    void savingTheStreamToAFullDiskIsTheEnvironment() {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full");
        oneLine(run("--ram", "4M", "--net", "null", "--trials", "1", "--warmup", "0", "--save-stream", "/dev/full",
                "--out", tmp.toString()), 3, "cannot save the stream to /dev/full: No space left on device");
    }

    @Test
    void resultsOnAFullFileSystemAreTheEnvironmentAndNeverClaimComplete() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path full = Files.createDirectory(tmp.resolve("full"));
        Assumptions.assumeTrue(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", full.toString())
                .inheritIO().start().waitFor() == 0, "mount -t tmpfs failed");
        try {
            Files.write(full.resolve("filler"), new byte[200 << 10]); // leaves room for run.json, not for the charts
            Path out = full.resolve("results");
            Ran r = run("--ram", "4M", "--net", "null", "--trials", "2", "--warmup", "0", "--out", out.toString());
            oneLine(r, 3, "cannot write the results into " + out);
            try (Stream<Path> dirs = Files.list(out)) {
                for (Path d : dirs.toList()) {
                    Path json = d.resolve("run.json");
                    if (Files.exists(json)) {
                        JsonNode run = new ObjectMapper().readTree(json.toFile());
                        assertThat(run.get("complete").asBoolean()).as("run.json on a full disk").isFalse();
                    }
                }
            }
        } finally {
            new ProcessBuilder("umount", full.toString()).inheritIO().start().waitFor();
        }
    }
}
