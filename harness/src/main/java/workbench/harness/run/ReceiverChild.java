package workbench.harness.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbench.harness.cli.UserException;
import workbench.harness.cli.ExitCode;

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

    /** Starts the child with direct memory for a guest of {@code ramBytes}, and waits for its announcement. */
    public static ReceiverChild start(long ramBytes, int dropPage) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-XX:MaxDirectMemorySize=" + ((ramBytes / 4 * 5 >> 20) + 1024) + "m");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("workbench.harness.cli.Main");
        cmd.addAll(List.of("serve", "--listen", "127.0.0.1:0", "--once", "--exit-with-stdin"));
        if (dropPage >= 0) {
            cmd.add("--fault-drop-page=" + dropPage);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
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
                "check the messages above; is 127.0.0.1 usable and memory free?", ExitCode.ENVIRONMENT);
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
