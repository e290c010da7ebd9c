package workbench.harness.net.link;

import java.util.List;

/** Reads counters from the {@code Tcp:} lines of {@code /proc/net/snmp} (a header line, then a value line). */
final class TcpCounters {

    private TcpCounters() {
    }

    /**
     * The named counter, e.g. {@code RetransSegs}.
     *
     * @throws IllegalStateException when the lines hold no such counter
     */
    static long counter(List<String> snmp, String name) {
        List<String> tcp = snmp.stream().filter(l -> l.startsWith("Tcp:")).toList();
        if (tcp.size() >= 2) {
            String[] header = tcp.get(0).strip().split("\\s+");
            String[] values = tcp.get(1).strip().split("\\s+");
            for (int i = 1; i < header.length && i < values.length; i++) {
                if (header[i].equals(name)) {
                    return Long.parseLong(values[i]);
                }
            }
        }
        throw new IllegalStateException("no Tcp " + name + " counter in /proc/net/snmp");
    }
}
