package workbench.harness.net.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A child JVM running one of this package's test mains, with this JVM's binary and class path. */
final class ChildJvm implements AutoCloseable {

    final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The java command line for {@code main} with {@code args} (prefix it to run it inside a namespace). */
    static List<String> command(Class<?> main, String... args) {
        List<String> line = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"),
                main.getName()));
        line.addAll(List.of(args));
        return line;
    }

    static ChildJvm start(List<String> command) throws IOException {
        return new ChildJvm(new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start());
    }

    /** The next line the child printed; fails when it ended without one. */
    String line() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IllegalStateException("child ended without output, exit " + waitExit());
        }
        return line;
    }

    int waitExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        waitExit();
    }
}
