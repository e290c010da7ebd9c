package workbench.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code --pin}: the sending process on one CPU, the receiving process on another, everything else
 * (iperf3, the parent of a link's agent) on every CPU this process may use. Done with util-linux's
 * {@code taskset}: as a command prefix for the processes we start, {@code taskset -a -p} for our own
 * threads when this process sends. A child inherits the affinity of the thread that forks it, so
 * unpinned children get an explicit prefix too.
 *
 * @param sender   the CPU of the sending process
 * @param receiver the CPU of the receiving process
 * @param allowed  every CPU this process may run on, as {@code taskset -c} reads it (e.g. "0-1")
 */
public record Pinning(int sender, int receiver, String allowed) {
    public static final String TASKSET = "taskset";

    /** The first two CPUs this process may use; refused where there are fewer than two. */
    public static Pinning choose() {
        return choose(allowedCpus());
    }

    static Pinning choose(String allowedList) {
        List<Integer> cpus = expand(allowedList);
        if (cpus.size() < 2) {
            throw new IllegalStateException("--pin needs two CPUs (one per side), this process may use only " + allowedList);
        }
        return new Pinning(cpus.get(0), cpus.get(1), allowedList);
    }

    /** whether --pin auto pins: two CPUs to use, and taskset there to pin with */
    public static boolean available() {
        if (expand(allowedCpus()).size() < 2) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(TASKSET, "-V").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** the prefix that starts a process on the sender's CPU (a link's sender agent) */
    public List<String> senderPrefix() {
        return List.of(TASKSET, "-c", String.valueOf(sender));
    }

    /** the prefix that starts a process on the receiver's CPU (the receiver child) */
    public List<String> receiverPrefix() {
        return List.of(TASKSET, "-c", String.valueOf(receiver));
    }

    /** the prefix that starts a process free on every allowed CPU, whatever the forking thread's affinity */
    public List<String> unpinnedPrefix() {
        return List.of(TASKSET, "-c", allowed);
    }

    /** Pins every thread of this process to the sender's CPU (threads made later inherit it). */
    public void pinSelf() {
        List<String> cmd = List.of(TASKSET, "-a", "-p", "-c", String.valueOf(sender), String.valueOf(ProcessHandle.current().pid()));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("taskset could not pin this process to CPU " + sender);
            }
        } catch (IOException e) {
            throw new IllegalStateException("--pin needs taskset (util-linux): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinning to CPU " + sender);
        }
    }

    /** what the manifest records */
    public String describe() {
        return "sender on CPU " + sender + ", receiver on CPU " + receiver + ", everything else on CPUs " + allowed;
    }

    /** the kernel's list of CPUs this process may use, else all the JVM sees */
    static String allowedCpus() {
        try {
            Optional<String> line = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst();
            if (line.isPresent()) {
                return line.get().substring("Cpus_allowed_list:".length()).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux's /proc: fall back below
        }
        int n = Runtime.getRuntime().availableProcessors();
        return n == 1 ? "0" : "0-" + (n - 1);
    }

    /** "0-2,5,7-8" → 0,1,2,5,7,8 */
    static List<Integer> expand(String list) {
        List<Integer> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
            for (int c = from; c <= to; c++) {
                out.add(c);
            }
        }
        return out;
    }
}
