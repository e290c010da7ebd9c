package workbench.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Machine-wide CPU use from /proc/stat and TCP retransmits from /proc/net/snmp, read around a
 * trial to spot outside load and a lossy network.
 */
public final class MachineLoad {
    private static final Path STAT = Path.of("/proc/stat");
    private static final Path SNMP = Path.of("/proc/net/snmp");

    /** One reading of the aggregate "cpu" line (jiffies) and the TCP RetransSegs counter. */
    public record Sample(long busy, long user, long steal, long total, long retransmits) {
        /** busy and steal fractions of all cores between {@code start} and this reading */
        public double busySince(Sample start) {
            long t = total - start.total;
            return t <= 0 ? 0 : (double) (busy - start.busy) / t;
        }

        /** user-mode (user + nice) fraction of all cores: other programs show here, kernel network work does not */
        public double userSince(Sample start) {
            long t = total - start.total;
            return t <= 0 ? 0 : (double) (user - start.user) / t;
        }

        public double stealSince(Sample start) {
            long t = total - start.total;
            return t <= 0 ? 0 : (double) (steal - start.steal) / t;
        }

        public long retransmitsSince(Sample start) {
            return Math.max(0, retransmits - start.retransmits);
        }
    }

    public static Sample now() {
        long busy = 0;
        long user = 0;
        long steal = 0;
        long total = 0;
        try {
            String cpu = Files.readAllLines(STAT).get(0);
            String[] f = cpu.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal guest guest_nice
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5 && i != 8) { // idle, iowait and steal are not ours
                    busy += v;
                }
                if (i == 1 || i == 2) {
                    user += v;
                }
                if (i == 8) {
                    steal = v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: load unknown, shown as 0
        }
        return new Sample(busy, user, steal, total, retransmits());
    }

    private static long retransmits() {
        try {
            var lines = Files.readAllLines(SNMP);
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Tcp:") && lines.get(i + 1).startsWith("Tcp:")) {
                    String[] names = lines.get(i).trim().split("\\s+");
                    String[] values = lines.get(i + 1).trim().split("\\s+");
                    for (int k = 0; k < names.length; k++) {
                        if (names[k].equals("RetransSegs")) {
                            return Long.parseLong(values[k]);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown: 0
        }
        return 0;
    }
}
