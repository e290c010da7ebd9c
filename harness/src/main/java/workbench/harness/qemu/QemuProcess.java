package workbench.harness.qemu;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;

/**
 * One QEMU 7.2 the workbench started: {@code -M none} (one RAM block, no devices, nothing runs:
 * {@code -S}), its RAM in file-backed memory backends, QMP on a Unix socket the caller names, its
 * output kept (the last lines) for the failure it explains. {@link #close} asks QEMU to quit, then
 * ends it by its own PID; a shutdown hook does the same if this JVM exits first.
 */
public final class QemuProcess implements AutoCloseable {
    public static final String BINARY = "qemu-system-x86_64";
    static final Duration STARTUP = Duration.ofSeconds(60);
    private static final int KEPT_LINES = 20;

    private final Process process;
    private final Qmp qmp;
    private final Deque<String> output;
    private final Thread hook;
    private final Thread drain;

    private QemuProcess(Process process, Qmp qmp, Deque<String> output, Thread hook, Thread drain) {
        this.process = process;
        this.qmp = qmp;
        this.output = output;
        this.hook = hook;
        this.drain = drain;
    }

    /** true when QEMU's x86-64 system emulator is on the PATH */
    public static boolean installed() {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, BINARY))) {
                return true;
            }
        }
        return false;
    }

    /** Refuses, before anything starts, a run that needs QEMU where there is none (exit 3). */
    public static void checkInstalled(String why) {
        if (!installed()) {
            throw new UserException(why + " needs " + BINARY + ", which is not installed", "apt-get install qemu-system-x86",
                    ExitCode.ENVIRONMENT);
        }
    }

    /**
     * The command line of a {@code -M none} QEMU over {@code backends} (the first is the machine's
     * RAM), QMP on {@code qmpSocket}, then {@code extra} ({@code -incoming defer} for a destination).
     */
    public static List<String> command(List<String> prefix, List<MemoryBackend> backends, Path qmpSocket, List<String> extra) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("a QEMU needs at least one memory backend");
        }
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(BINARY, "-M", "none,memory-backend=" + backends.get(0).id(), "-nodefaults", "-display", "none", "-S"));
        for (MemoryBackend b : backends) {
            cmd.addAll(List.of("-object", b.object()));
        }
        cmd.addAll(List.of("-qmp", "unix:" + qmpSocket + ",server=on,wait=off"));
        cmd.addAll(extra);
        return cmd;
    }

    /** Starts QEMU with {@code command} and connects to its QMP (handshake done), or says why it could not. */
    public static QemuProcess start(List<String> command, Path qmpSocket) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread hook = new Thread(p::destroyForcibly, "qemu-" + p.pid() + "-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Deque<String> output = new ArrayDeque<>();
        Thread drain = new Thread(() -> keep(p, output), "qemu-" + p.pid() + "-output");
        drain.setDaemon(true);
        drain.start();
        try {
            Qmp qmp = Qmp.connect(qmpSocket, STARTUP, p::isAlive);
            return new QemuProcess(p, qmp, output, hook, drain);
        } catch (IOException | RuntimeException e) {
            stop(p, hook);
            waitForOutput(drain);
            throw new IOException("QEMU did not start: " + e.getMessage() + said(output), e);
        }
    }

    public Qmp qmp() {
        return qmp;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /**
     * What QEMU printed (its last lines, one line), waiting briefly for a dying QEMU to finish
     * saying it; "" when it printed nothing.
     */
    public String output() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                drain.join(2000); // its last words may still be in the pipe
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (output) {
            return String.join(" | ", output);
        }
    }

    /** QMP quit, then QEMU's own PID: SIGTERM, and SIGKILL if it lingers. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                qmp.execute("quit");
            }
        } catch (IOException e) {
            // already going: the PID below settles it
        }
        try {
            qmp.close();
        } catch (IOException e) {
            // the socket dies with QEMU anyway
        }
        stop(process, hook);
    }

    /** {@code e} with QEMU's words appended, unless they are in its message already or QEMU said nothing */
    public static IOException withWords(Exception e, String said) {
        String message = String.valueOf(e.getMessage());
        if (said.isEmpty() || message.contains(said)) {
            return e instanceof IOException io ? io : new IOException(message, e);
        }
        return new IOException(message + "; QEMU said: " + said, e);
    }

    private static void stop(Process p, Thread hook) {
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs and finds QEMU gone
        }
    }

    private static void keep(Process p, Deque<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.addLast(line.strip());
                    if (output.size() > KEPT_LINES) {
                        output.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // QEMU's end closes the pipe
        }
    }

    private static void waitForOutput(Thread drain) {
        try {
            drain.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String said(Deque<String> output) {
        synchronized (output) {
            return output.isEmpty() ? "" : "; QEMU said: " + String.join(" | ", output);
        }
    }
}
