package workbench.harness.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbench.harness.net.Network;
import workbench.harness.net.control.RemoteReceiver;

/**
 * One receiver per network of a plan: a local child for loopback and unix, the remote
 * {@code workbench serve} for tcp://, none for null. Closed together.
 */
final class Receivers implements AutoCloseable {
    private final Map<String, RemoteReceiver> byNetwork = new LinkedHashMap<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    static Receivers start(RunPlan plan, String version, int dropPage) throws IOException {
        Receivers r = new Receivers();
        try {
            for (Network n : plan.networks()) {
                if (n instanceof Network.Loopback || n instanceof Network.Unix) {
                    r.child(n, plan, version, dropPage);
                } else if (n instanceof Network.Remote remote) {
                    r.add(n, RemoteReceiver.connect(new java.net.InetSocketAddress(remote.control().getHostString(),
                            remote.control().getPort()), plan.bind(), plan.token(), version));
                }
            }
            return r;
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private void child(Network n, RunPlan plan, String version, int dropPage) throws IOException {
        ReceiverChild child = ReceiverChild.start(plan.ram().size(), dropPage);
        toClose.add(child);
        add(n, RemoteReceiver.connect(child.control(), version));
    }

    private void add(Network n, RemoteReceiver receiver) {
        toClose.add(0, receiver); // say bye before the child is stopped
        byNetwork.put(n.label(), receiver);
    }

    /** the receiver of {@code n}; empty for the null network */
    Optional<RemoteReceiver> of(Network n) {
        return Optional.ofNullable(byNetwork.get(n.label()));
    }

    @Override
    public void close() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                // closing is best effort: a receiver already gone needs nothing more
            }
        }
        toClose.clear();
    }
}
