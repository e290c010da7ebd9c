package workbench.harness.run;

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
        return "TCP to a workbench serve at " + n.label().substring("tcp://".length());
    }
}
