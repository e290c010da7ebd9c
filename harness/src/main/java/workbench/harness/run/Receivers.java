package workbench.harness.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbench.harness.net.Network;
import workbench.harness.net.control.RemoteReceiver;
import workbench.harness.net.control.TokenProof;
import workbench.harness.net.link.EmulatedLink;
import workbench.harness.net.link.IpCommand;
import workbench.reports.model.TrialResult;

/**
 * Where each network's trials go: a local receiver child for loopback and unix, the remote
 * {@code workbench serve} for tcp://, nothing for null, and for an emulated link its namespaces
 * with a receiver child on one side and a sender agent on the other. Closed together, links last.
 */
final class Receivers implements AutoCloseable {
    private final Map<String, RemoteReceiver> receivers = new LinkedHashMap<>();
    private final Map<String, AgentProcess> agents = new LinkedHashMap<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    static Receivers start(RunPlan plan, String version, int dropPage) throws IOException {
        Receivers r = new Receivers();
        try {
            if (plan.networks().stream().anyMatch(n -> n instanceof Network.Link)) {
                IpCommand.checkReady();
            }
            for (Network n : plan.networks()) {
                r.facts.put("network." + n.label(), NetworkFacts.describe(n));
                if (n instanceof Network.Loopback || n instanceof Network.Unix) {
                    ReceiverChild child = r.closeLater(ReceiverChild.start(plan.largestRam(), dropPage));
                    r.receivers.put(n.label(), r.closeLater(RemoteReceiver.connect(child.control(), version)));
                } else if (n instanceof Network.Remote remote) {
                    r.receivers.put(n.label(), r.closeLater(RemoteReceiver.connect(new InetSocketAddress(
                            remote.control().getHostString(), remote.control().getPort()), plan.bind(), plan.token(), version)));
                } else if (n instanceof Network.Link l) {
                    EmulatedLink link = r.closeLater(EmulatedLink.create(l.profile()));
                    String token = TokenProof.nonce();
                    ReceiverChild child = r.closeLater(ReceiverChild.start(plan.largestRam(), link, token));
                    r.agents.put(n.label(), r.closeLater(AgentProcess.start(plan, l, link, child.control(), token)));
                    link.facts().forEach((k, v) -> r.facts.put("network." + n.label() + "." + k, v));
                }
            }
            return r;
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** closed in reverse order of opening: agents and receivers before children, children before links */
    private <T extends AutoCloseable> T closeLater(T resource) {
        toClose.add(0, resource);
        return resource;
    }

    /** One trial on {@code network}: run here, or by the agent inside an emulated link's sender namespace. */
    TrialResult run(TrialRunner runner, Schedule.Slot slot, SeriesPlan series) throws IOException {
        AgentProcess agent = agents.get(series.network().label());
        if (agent != null) {
            return agent.run(slot, series);
        }
        return runner.run(slot, series, Optional.ofNullable(receivers.get(series.network().label())));
    }

    /** what the manifest records of each network (link facts read back from the kernel) */
    Map<String, String> facts() {
        return facts;
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
