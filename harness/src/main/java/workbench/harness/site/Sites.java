package workbench.harness.site;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbench.harness.baseline.Baseline;
import workbench.harness.net.Network;
import workbench.harness.net.Transport;
import workbench.harness.net.control.TokenProof;
import workbench.harness.net.link.EmulatedLink;
import workbench.harness.net.link.IpCommand;
import workbench.harness.peer.NullPeer;
import workbench.harness.peer.Peer;
import workbench.harness.peer.QemuPeer;
import workbench.harness.qemu.QemuProcess;
import workbench.harness.peer.ReceiverChild;
import workbench.harness.peer.RemoteReceiver;
import workbench.harness.peer.ServePeer;
import workbench.harness.trial.TrialRunner;

/**
 * The one place that switches on the kind of {@link Network}: for each it opens where the trials
 * run and who receives them — a serve child for loopback and unix, the remote serve for tcp://,
 * nobody for null, and for an emulated link its namespaces with a serve child on one side and a
 * sender agent on the other. With {@code --dest qemu} a real QEMU receives on loopback instead.
 */
public final class Sites implements SiteFactory {
    private final Destination destination;

    public Sites() {
        this(Destination.WORKBENCH);
    }

    /** @param destination who receives our stream (--dest); checked beforehand with {@link Destination#check} */
    public Sites(Destination destination) {
        this.destination = destination;
    }

    @Override
    public SiteSet open(List<Network> networks, SiteSetup setup, TrialRunner runner) throws IOException {
        if (networks.stream().anyMatch(n -> n instanceof Network.Link)) {
            IpCommand.checkReady();
        }
        SiteSet sites = new SiteSet();
        try {
            if (setup.pin().isPresent() && networks.stream().anyMatch(n -> !(n instanceof Network.Link))) {
                setup.pin().get().pinSelf(); // this process sends everywhere but on links, where an agent does
            }
            for (Network n : networks) {
                if (n instanceof Network.Link l) {
                    link(sites, l, setup, runner);
                } else {
                    sites.add(n, new LocalSite(runner, peer(n, setup), baselines(n, setup)), NetworkFacts.describe(n));
                    if (destination == Destination.QEMU) {
                        sites.fact(n, "receiver", "QEMU 7.2 (" + QemuProcess.BINARY + " -M none, RAM a pre-faulted /dev/shm file,"
                                + " share=on), one per trial, started outside timing; the transfer ends at its MIGRATION completed"
                                + " event; --read-buffer and --rcvbuf do not apply");
                    }
                }
                if (!hasCeiling(n) && !setup.baselines().isEmpty()) {
                    sites.fact(n, "ceiling", "none measured: " + NetworkFacts.noCeiling(n));
                }
            }
            return sites;
        } catch (IOException | RuntimeException e) {
            sites.close();
            throw e;
        }
    }

    /** who receives a network whose trials run in this process (Java 17: no pattern switch) */
    private Peer peer(Network n, SiteSetup setup) throws IOException {
        if (destination == Destination.QEMU) {
            if (!(n instanceof Network.Loopback)) {
                throw new IllegalStateException("--dest qemu on " + n.label() + " should have been refused by Destination.check");
            }
            return new QemuPeer(setup.receiverPrefix());
        }
        if (n instanceof Network.Loopback) {
            return child(setup, Transport.TCP);
        }
        if (n instanceof Network.Unix) {
            return child(setup, Transport.UNIX);
        }
        if (n instanceof Network.Remote r) {
            return remote(r, setup);
        }
        return new NullPeer();
    }

    /** The reference transfers of a network whose trials run here: iperf3 on loopback; none elsewhere. */
    private static Map<String, Baseline> baselines(Network n, SiteSetup setup) {
        return n instanceof Network.Loopback && !setup.baselines().isEmpty()
                ? Baselines.iperf3(setup.unpinnedPrefix(), setup.unpinnedPrefix(), "127.0.0.1") : Map.of();
    }

    /**
     * Whether a reference transfer can run beside our trials on {@code n}: on loopback and emulated
     * links (iperf3's two ends in the link's namespaces); not over a Unix socket (iperf3 has no
     * such mode), not on the null network, not to a remote serve (no iperf3 server named there yet).
     */
    public static boolean hasCeiling(Network n) {
        return n instanceof Network.Loopback || n instanceof Network.Link;
    }

    /**
     * The processes besides this one that the networks start on this host, each holding guest RAM: a
     * receiver child for loopback, unix and each link (the largest guest), and a sender agent for each
     * link (every guest, as this process does); a remote serve's and the null network's hold none here.
     */
    public static HostProcesses hostProcesses(List<Network> networks) {
        int receivers = 0;
        int agents = 0;
        for (Network n : networks) {
            receivers += n instanceof Network.Null || n instanceof Network.Remote ? 0 : 1;
            agents += n instanceof Network.Link ? 1 : 0;
        }
        return new HostProcesses(receivers, agents);
    }

    private static Peer child(SiteSetup setup, Transport transport) throws IOException {
        ReceiverChild child = ReceiverChild.start(setup.largestRam(), setup.receiverPrefix());
        try {
            return new ServePeer(RemoteReceiver.connect(child.control(), setup.version()), transport, Optional.empty(),
                    Optional.empty(), List.of(child));
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
    }

    private static Peer remote(Network.Remote r, SiteSetup setup) throws IOException {
        InetSocketAddress control = new InetSocketAddress(r.control().getHostString(), r.control().getPort());
        return new ServePeer(RemoteReceiver.connect(control, setup.bind(), setup.token(), setup.version()), Transport.TCP,
                setup.bind(), setup.token(), List.of());
    }

    private static void link(SiteSet sites, Network.Link l, SiteSetup setup, TrialRunner runner) throws IOException {
        EmulatedLink link = sites.closeLater(EmulatedLink.create(l.profile()));
        String token = TokenProof.nonce(); // off loopback serve requires one: the run's own, for this link alone
        ReceiverChild child = sites.closeLater(ReceiverChild.start(setup.largestRam(), link, token, setup.receiverPrefix()));
        Map<String, Baseline> baselines = setup.baselines().isEmpty() ? Map.of()
                : Baselines.iperf3(link.exec(link.receiverNamespace(), setup.unpinnedPrefix()),
                        link.exec(link.senderNamespace(), setup.unpinnedPrefix()),
                        link.receiverAddress().getHostAddress());
        sites.add(l, AgentProcess.start(setup, l, link, child.control(), token, runner, baselines), NetworkFacts.describe(l));
        link.facts().forEach((k, v) -> sites.fact(l, k, v));
        sites.nominal(l, l.profile().description());
    }
}
