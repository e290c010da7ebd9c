package workbench.harness.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.net.link.EmulatedLink;

/**
 * The local receiver: {@code workbench serve} as a child JVM on 127.0.0.1. It announces its
 * control port on stdout and dies with us: it exits when its stdin (our pipe) closes.
 */
public final class ReceiverChild implements AutoCloseable {
    static final Pattern ANNOUNCE = Pattern.compile("listening on control (\\S+):(\\d+)");

    private final Process process;
    private final InetSocketAddress control;

    private ReceiverChild(Process process, InetSocketAddress control) {
        this.process = process;
        this.control = control;
    }

    /** Starts the child on 127.0.0.1 with direct memory for a guest of {@code ramBytes}, and waits for its announcement. */
    public static ReceiverChild start(long ramBytes) throws IOException {
        return start(ramBytes, List.of());
    }

    /** the same, started behind {@code prefix} (e.g. taskset for --pin) */
    public static ReceiverChild start(long ramBytes, List<String> prefix) throws IOException {
        return start(prefixed(prefix, serve(ramBytes, "127.0.0.1")), Map.of());
    }

    /**
     * Starts the child inside an emulated link's receiver namespace, listening on the link. Off
     * loopback serve requires a token: the run's own, handed over in the environment, not argv.
     */
    public static ReceiverChild start(long ramBytes, EmulatedLink link, String token, List<String> prefix) throws IOException {
        return start(link.exec(link.receiverNamespace(), prefixed(prefix, serve(ramBytes, link.receiverAddress().getHostAddress()))),
                Map.of("WORKBENCH_TOKEN", token));
    }

    private static List<String> prefixed(List<String> prefix, List<String> cmd) {
        List<String> out = new ArrayList<>(prefix);
        out.addAll(cmd);
        return out;
    }

    private static List<String> serve(long ramBytes, String host) {
        return JavaCommand.of(ramBytes, List.of("serve", "--listen", host + ":0", "--once", "--exit-with-stdin",
                "--max-ram", String.valueOf(Math.max(ramBytes, 1L << 20))));
    }

    private static ReceiverChild start(List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = ANNOUNCE.matcher(line);
            if (m.find()) {
                return new ReceiverChild(p, new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))));
            }
        }
        p.destroyForcibly();
        throw new UserException("the receiver child (workbench serve) exited before listening",
                "check the messages above; is memory free?", ExitCode.ENVIRONMENT);
    }

    public InetSocketAddress control() {
        return control;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the child's cue to exit
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
