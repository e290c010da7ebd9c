package workbench.harness.site;

import workbench.harness.metrics.EnvironmentProbe;
import workbench.harness.net.Network;

/** What the manifest says of each network. */
final class NetworkFacts {
    private NetworkFacts() {
    }

    static String describe(Network n) {
        if (n instanceof Network.Loopback) {
            return "TCP over 127.0.0.1 (lo, MTU " + EnvironmentProbe.read("/sys/class/net/lo/mtu") + "), receiver child JVM";
        }
        if (n instanceof Network.Unix) {
            return "Unix-domain stream socket, receiver child JVM";
        }
        if (n instanceof Network.Null) {
            return "discarding channel in the sender: no receiver, unverified (the sender-side ceiling)";
        }
        if (n instanceof Network.Link l) {
            return l.profile().description() + "; sender and receiver in network namespaces of their own";
        }
        return "TCP to a workbench serve at " + ((Network.Remote) n).control() + "; this host's NICs: " + nics();
    }

    /** why a network has no reference transfer beside our trials */
    static String noCeiling(Network n) {
        if (n instanceof Network.Unix) {
            return "iperf3 has no Unix-domain socket mode";
        }
        if (n instanceof Network.Null) {
            return "nothing is received";
        }
        return "no iperf3 server is named on the remote host";
    }

    /** "eth0 MTU 1500 10000 Mbit/s, …" from /sys/class/net (speed where the driver tells it) */
    private static String nics() {
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/sys/class/net"))) {
            return String.join(", ", dirs.map(d -> d.getFileName().toString()).filter(n -> !n.equals("lo")).sorted()
                    .map(n -> n + " MTU " + EnvironmentProbe.read("/sys/class/net/" + n + "/mtu") + " speed "
                            + EnvironmentProbe.read("/sys/class/net/" + n + "/speed") + " Mbit/s").toList());
        } catch (java.io.IOException e) {
            return "unreadable";
        }
    }
}
