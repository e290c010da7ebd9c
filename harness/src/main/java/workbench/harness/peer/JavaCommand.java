package workbench.harness.peer;

import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM running this workbench: the same java, the same classpath. */
public final class JavaCommand {
    private JavaCommand() {
    }

    /** java with room for a guest of {@code ramBytes} off-heap, then Main and {@code args} */
    public static List<String> of(long ramBytes, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-XX:MaxDirectMemorySize=" + ((ramBytes / 4 * 5 >> 20) + 1024) + "m");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")); // the child's temp files (Unix sockets) go where ours do
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("workbench.harness.cli.Main");
        cmd.addAll(args);
        return cmd;
    }
}
