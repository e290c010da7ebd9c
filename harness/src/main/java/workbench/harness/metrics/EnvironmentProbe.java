package workbench.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts about this machine that a result depends on, read where Linux exposes them. */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    public static Map<String, String> probe() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("hostname", read("/proc/sys/kernel/hostname"));
        env.put("java.version", System.getProperty("java.version"));
        env.put("java.vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("java.vendor", System.getProperty("java.vendor"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("kernel", read("/proc/sys/kernel/osrelease"));
        env.put("cpu.model", cpuModel());
        env.put("cpu.cores", String.valueOf(onlineCpus()));
        env.put("memory.total", meminfo("MemTotal"));
        env.put("thp", read("/sys/kernel/mm/transparent_hugepage/enabled"));
        env.put("cpu.governor", read("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"));
        env.put("net.tcp_congestion_control", read("/proc/sys/net/ipv4/tcp_congestion_control"));
        env.put("net.tcp_wmem", read("/proc/sys/net/ipv4/tcp_wmem"));
        env.put("net.tcp_rmem", read("/proc/sys/net/ipv4/tcp_rmem"));
        env.put("net.loopback_mtu", read("/sys/class/net/lo/mtu"));
        env.put("jvm.max_heap", String.valueOf(Runtime.getRuntime().maxMemory()));
        return env;
    }

    /**
     * The machine's online CPUs, which its load figures (/proc/stat) are over — not the JVM's
     * available processors, which --pin narrows to one.
     */
    public static int onlineCpus() {
        try {
            return Pinning.expand(read("/sys/devices/system/cpu/online")).size();
        } catch (RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** MemAvailable in bytes, or -1 where unknown */
    public static long availableMemory() {
        String kb = meminfo("MemAvailable");
        try {
            return Long.parseLong(kb.replace("kB", "").trim()) << 10;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** free space of /dev/shm in bytes (what a tmpfs mapping there may still take), or -1 where there is none */
    public static long shmFree() {
        try {
            return Files.getFileStore(Path.of("/dev/shm")).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String meminfo(String key) {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith(key + ":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A small file's content on one line, or "unreadable". Streams it: Files.readString cuts some /proc files short. */
    public static String read(String path) {
        try (var in = Files.newInputStream(Path.of(path))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim().replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
