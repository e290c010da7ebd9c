package workbench.harness.net.link;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;

/**
 * Runs {@code ip}, {@code tc} and {@code sysctl}: stdin closed, stdout and stderr captured, a
 * timeout, {@code LC_ALL=C}. A failure becomes a {@link UserException} ({@link ExitCode#ENVIRONMENT})
 * of one line, the command and its first error line, with a hint of how to fix it.
 */
public final class IpCommand {

    /** Longest any one command may take; namespace creation takes milliseconds. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    static final String NEED_ROOT = "emulated links need root; run as root or use --net loopback";

    /** What a command did. */
    public record Outcome(List<String> command, int exitCode, List<String> stdout, List<String> stderr) {
        public Outcome {
            command = List.copyOf(command);
            stdout = List.copyOf(stdout);
            stderr = List.copyOf(stderr);
        }

        public boolean ok() {
            return exitCode == 0;
        }

        /** The first non-blank error line, else "exit N". */
        public String error() {
            return stderr.stream().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("exit " + exitCode);
        }
    }

    private IpCommand() {
    }

    /**
     * Fails before any link is made when it could not be: not root, or {@code ip} or {@code tc} missing.
     *
     * @throws UserException with {@link ExitCode#ENVIRONMENT}
     */
    public static void checkReady() {
        readiness(effectiveUid().orElse(-1L) == 0, find("ip").isPresent(), find("tc").isPresent())
                .ifPresent(e -> {
                    throw e;
                });
    }

    /** The problem, if any, with these capabilities (pure: tested everywhere). */
    static Optional<UserException> readiness(boolean root, boolean ip, boolean tc) {
        if (!root) {
            return Optional.of(new UserException("emulated links need root (network namespaces, veth and tc)",
                    "run as root or use --net loopback", ExitCode.ENVIRONMENT));
        }
        if (!ip || !tc) {
            String missing = !ip && !tc ? "'ip' and 'tc' are" : (!ip ? "'ip' is" : "'tc' is");
            return Optional.of(new UserException(missing + " not installed (needed for emulated links)",
                    "install iproute2 (apt-get install iproute2), or use --net loopback", ExitCode.ENVIRONMENT));
        }
        return Optional.empty();
    }

    /** Runs {@code ip ARGS…} and returns its standard output lines. */
    public static List<String> ip(String... args) {
        return run(prepend("ip", List.of(args)));
    }

    /** Runs {@code tc ARGS…} and returns its standard output lines. */
    public static List<String> tc(String... args) {
        return run(prepend("tc", List.of(args)));
    }

    /** {@code ip netns exec NAMESPACE COMMAND…}: the command line that runs COMMAND inside the namespace. */
    public static List<String> inNamespace(String namespace, List<String> command) {
        List<String> line = new ArrayList<>(List.of(executable("ip"), "netns", "exec", namespace));
        line.addAll(command);
        return List.copyOf(line);
    }

    /**
     * Runs a command and returns its standard output lines.
     *
     * @throws UserException ({@link ExitCode#ENVIRONMENT}) on a non-zero exit, a missing program or a timeout
     */
    public static List<String> run(List<String> command) {
        Outcome outcome = attempt(command);
        if (!outcome.ok()) {
            throw new UserException("'" + String.join(" ", outcome.command()) + "' failed: " + outcome.error(),
                    hint(outcome.stderr()), ExitCode.ENVIRONMENT);
        }
        return outcome.stdout();
    }

    /**
     * Runs a command; a non-zero exit is returned, not thrown (for teardown and probes).
     *
     * @throws UserException ({@link ExitCode#ENVIRONMENT}) when the program is missing or times out
     */
    public static Outcome attempt(List<String> command) {
        List<String> line = new ArrayList<>(command);
        line.set(0, executable(line.get(0)));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("wb-ip-", ".out");
            err = Files.createTempFile("wb-ip-", ".err");
            ProcessBuilder builder = new ProcessBuilder(line)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new UserException("'" + String.join(" ", command) + "' did not finish within " + TIMEOUT.toSeconds() + " s",
                        "the machine may be overloaded; run the command by hand to see where it hangs", ExitCode.ENVIRONMENT);
            }
            return new Outcome(command, process.exitValue(), lines(out), lines(err));
        } catch (IOException e) {
            String program = command.get(0);
            throw new UserException("cannot run '" + program + "': " + e.getMessage(),
                    "sysctl".equals(program) ? "install procps" : "install iproute2 (apt-get install iproute2)", ExitCode.ENVIRONMENT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted while running '" + String.join(" ", command) + "'", "", ExitCode.ENVIRONMENT);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** How to fix what a failing command printed on stderr (pure: tested everywhere). */
    static String hint(List<String> stderr) {
        String text = String.join("\n", stderr).toLowerCase(Locale.ROOT);
        if (text.contains("operation not permitted") || text.contains("permission denied")) {
            return NEED_ROOT;
        }
        if (text.contains("tcp_congestion_control")) {
            return "the kernel lacks that congestion control; see /proc/sys/net/ipv4/tcp_available_congestion_control or try 'modprobe tcp_<name>'";
        }
        if (text.contains("qdisc kind is unknown") || text.contains("unknown qdisc")) {
            return "the kernel lacks the tbf qdisc; try 'modprobe sch_tbf', or use an unshaped link such as link:ipoib";
        }
        if (text.contains("unknown device type")) {
            return "the kernel lacks veth; try 'modprobe veth'";
        }
        if (text.contains("file exists")) {
            return "a leftover of an earlier run? 'ip netns list' shows the workbench's namespaces (wb<pid>...), 'ip netns delete NAME' removes one";
        }
        if (text.contains("cannot open network namespace")) {
            return "the namespace is gone: was the link closed already?";
        }
        return "run the command by hand to see more; 'ip netns list' shows the workbench's namespaces (wb<pid>...)";
    }

    /** The absolute path of ip, tc or sysctl when found (also in /sbin and /usr/sbin), else the name itself. */
    static String executable(String program) {
        return program.contains("/") ? program : find(program).map(Path::toString).orElse(program);
    }

    static Optional<Path> find(String program) {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst();
    }

    /** The effective uid from /proc/self/status; empty where unreadable (not Linux). */
    static Optional<Long> effectiveUid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:"))
                    .map(l -> l.substring(4).strip().split("\\s+"))
                    .filter(f -> f.length >= 2)
                    .map(f -> Long.parseLong(f[1]))
                    .findFirst();
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> prepend(String program, List<String> args) {
        List<String> line = new ArrayList<>(List.of(program));
        line.addAll(args);
        return line;
    }

    private static List<String> lines(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : text.lines().collect(Collectors.toList());
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
