package workbench.harness.peer;

import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM running this workbench: the same java, the same classpath. */
public final class JavaCommand {
    private JavaCommand() {
    }

    /**
     * The heap a child JVM holding {@code ramBytes} of guest gets: the JDK's default (a quarter of the
     * machine) would let it grow far beyond what it needs beside a large guest. Its live heap is
     * about 70 bytes per page for a receiver (a slice per page) and 110 for a sender (a slice and a
     * PageRef); the cap allows 256 per page, plus 128 MiB for everything else.
     */
    public static long heapCap(long ramBytes) {
        return (128L << 20) + ramBytes / 16;
    }

    /** java with room for a guest of {@code ramBytes} off-heap, then Main and {@code args} */
    public static List<String> of(long ramBytes, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-XX:MaxDirectMemorySize=" + ((ramBytes / 4 * 5 >> 20) + 1024) + "m");
        cmd.add("-Xmx" + (heapCap(ramBytes) >> 20) + "m");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")); // the child's temp files (Unix sockets) go where ours do
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("workbench.harness.cli.Main");
        cmd.addAll(args);
        return cmd;
    }
}
