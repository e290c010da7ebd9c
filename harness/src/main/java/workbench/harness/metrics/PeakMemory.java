package workbench.harness.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The most resident memory this process has held: VmHWM of /proc/self/status, which only grows,
 * so one reading at a trial's end covers the process's whole life up to it. Unknown off Linux.
 */
public final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {
    }

    /** this process's peak RSS in bytes, or empty where /proc does not tell */
    public static OptionalLong ofThisProcess() {
        try (var in = Files.newInputStream(STATUS)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** the peak RSS of process {@code pid} (a QEMU this run started), or empty where /proc does not tell */
    public static OptionalLong ofProcess(long pid) {
        try (var in = Files.newInputStream(Path.of("/proc", String.valueOf(pid), "status"))) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** VmHWM of a /proc/PID/status text in bytes (the kernel writes it in kB), or empty without one */
    static OptionalLong parse(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] f = line.substring("VmHWM:".length()).trim().split("\\s+");
                try {
                    return f.length == 2 && f[1].equals("kB") ? OptionalLong.of(Long.parseLong(f[0]) << 10) : OptionalLong.empty();
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
