package workbench.harness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged workbench.jar as a user would (integration tests only). */
final class Jar {
    /** What a finished command left: exit code, stdout, stderr. */
    record Ran(int exit, String out, String err) {
    }

    private Jar() {
    }

    static Path path() {
        Path jar = Path.of(System.getProperty("workbench.jar", "../workbench.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no workbench.jar at " + jar.toAbsolutePath() + ": run the tests with mvn verify");
        }
        return jar;
    }

    static Ran run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", path().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("wb-out", ".txt");
        Path err = Files.createTempFile("wb-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("workbench " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
