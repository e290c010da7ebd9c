package workbench.harness.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.reports.model.Cpu;

/**
 * iperf3 single-stream, 1 MiB writes ({@code -l 1M -n BYTES}), optionally zero-copy ({@code -Z}):
 * a one-off server ({@code -s -1}) on the receiving side, the client on the sending side, each
 * behind a command prefix (nothing here, {@code ip netns exec NS} inside an emulated link).
 */
public final class Iperf3 implements Baseline {
    public static final String BINARY = "iperf3";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> serverPrefix;
    private final List<String> clientPrefix;
    private final String host;
    private final boolean zeroCopy;

    /**
     * @param host the server's address as the client reaches it
     */
    public Iperf3(List<String> serverPrefix, List<String> clientPrefix, String host, boolean zeroCopy) {
        this.serverPrefix = List.copyOf(serverPrefix);
        this.clientPrefix = List.copyOf(clientPrefix);
        this.host = host;
        this.zeroCopy = zeroCopy;
    }

    /** true when iperf3 is on the PATH */
    public static boolean installed() {
        try {
            Process p = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Refuses a run that asks for iperf3 where there is none: exit 3 before trial 1. */
    public static void checkInstalled() {
        if (!installed()) {
            throw new UserException("--baselines asks for iperf3, which is not installed", "apt-get install iperf3, or --baselines none",
                    ExitCode.ENVIRONMENT);
        }
    }

    @Override
    public BaselineKind kind() {
        return zeroCopy ? BaselineKind.IPERF3_Z : BaselineKind.IPERF3;
    }

    @Override
    public Measured measure(Reference what) throws IOException {
        return measure(what.streamBytes());
    }

    /** Moves {@code bytes} once, as iperf3 timed it on each side. */
    public Measured measure(long bytes) throws IOException {
        int port = freePort();
        List<String> server = new ArrayList<>(serverPrefix);
        server.addAll(List.of(BINARY, "-s", "-1", "--forceflush", "-p", String.valueOf(port))); // unflushed, its "listening" would wait in a pipe buffer
        Process s = new ProcessBuilder(server).redirectErrorStream(true).start();
        try {
            awaitListening(s);
            List<String> client = new ArrayList<>(clientPrefix);
            client.addAll(List.of(BINARY, "-c", host, "-p", String.valueOf(port), "-l", "1M", "-n", String.valueOf(bytes), "-J"));
            if (zeroCopy) {
                client.add("-Z");
            }
            Process c = new ProcessBuilder(client).redirectErrorStream(true).start();
            String out = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!c.waitFor(10, TimeUnit.MINUTES) || c.exitValue() != 0) {
                c.destroyForcibly();
                throw new IOException(name() + " client failed: " + firstLine(out));
            }
            return parse(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name() + " was interrupted", e);
        } finally {
            s.destroy();
        }
    }

    /** the figures of an iperf3 -J report */
    static Measured parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root.has("error")) {
            throw new IOException("iperf3: " + root.get("error").asText());
        }
        JsonNode end = root.path("end");
        JsonNode sent = end.path("sum_sent");
        JsonNode received = end.path("sum_received");
        JsonNode cpu = end.path("cpu_utilization_percent");
        if (!sent.has("seconds") || !sent.has("bytes") || !received.has("seconds") || !received.has("bytes")) {
            throw new IOException("iperf3's report has no end.sum_sent/sum_received: " + firstLine(json));
        }
        double sendSeconds = sent.get("seconds").asDouble();
        double receiveSeconds = received.get("seconds").asDouble();
        return new Measured(sendSeconds, receiveSeconds, sent.get("bytes").asLong(), received.get("bytes").asLong(),
                cpu(cpu, "host", sendSeconds), cpu(cpu, "remote", receiveSeconds));
    }

    /** iperf3 gives CPU as a percentage of the test's duration */
    private static Cpu cpu(JsonNode cpu, String side, double seconds) {
        return new Cpu(0, 0, cpu.path(side + "_user").asDouble() / 100 * seconds,
                cpu.path(side + "_system").asDouble() / 100 * seconds);
    }

    private void awaitListening(Process s) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("Server listening")) {
                return;
            }
        }
        throw new IOException(name() + " server exited before listening");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("no output");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
