package workbench.harness.net.link;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A TCP congestion control a link's namespaces can be set to ({@code net.ipv4.tcp_congestion_control}).
 * It is a per-namespace setting, not a per-socket one from Java (nio-facts.md trap 4).
 */
public enum CongestionControl {
    RENO, BBR, CUBIC;

    /** The kernel's name, e.g. {@code reno}. */
    public String sysctlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "reno|bbr|cubic" */
    public static String choices() {
        return Arrays.stream(values()).map(CongestionControl::sysctlName).collect(Collectors.joining("|"));
    }

    /** @throws IllegalArgumentException naming the choices */
    public static CongestionControl parse(String text) {
        for (CongestionControl cc : values()) {
            if (cc.sysctlName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return cc;
            }
        }
        throw new IllegalArgumentException("unknown congestion control '" + text + "': expected " + choices());
    }
}
