package workbench.harness.site;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbench.harness.baseline.Baseline;
import workbench.harness.baseline.BaselineKind;
import workbench.harness.net.Network;
import workbench.harness.net.Transport;
import workbench.harness.net.control.TokenProof;
import workbench.harness.net.link.EmulatedLink;
import workbench.harness.net.link.IpCommand;
import workbench.harness.peer.NullPeer;
import workbench.harness.peer.Peer;
import workbench.harness.peer.QemuPeer;
import workbench.harness.qemu.QemuProcess;
import workbench.harness.qemu.SourceImages;
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
    private static final String QEMU_RECEIVER = "QEMU 7.2 (" + QemuProcess.BINARY + " -M none, RAM a pre-faulted /dev/shm file,"
            + " share=on), one per trial, started outside timing; the transfer ends at its MIGRATION completed event;"
            + " --read-buffer and --rcvbuf do not apply";

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
        SourceImages images = sites.closeLater(new SourceImages()); // closed last: after every site's QEMUs
        try {
            if (setup.pin().isPresent() && networks.stream().anyMatch(n -> !(n instanceof Network.Link))) {
                setup.pin().get().pinSelf(); // this process sends everywhere but on links, where an agent does
            }
            for (Network n : networks) {
                if (n instanceof Network.Link l) {
                    link(sites, l, setup, runner, images);
                } else {
                    Peer peer = peer(n, setup);
                    sites.add(n, new LocalSite(runner, peer, baselines(n, setup, peer, images)), NetworkFacts.describe(n));
                    if (destination == Destination.QEMU) {
                        sites.fact(n, "receiver", QEMU_RECEIVER);
                    }
                }
                if (!hasCeiling(n) && setup.baselines().stream().anyMatch(b -> !BaselineKind.byName(b).qemu())) {
                    sites.fact(n, "ceiling", "none measured: " + NetworkFacts.noCeiling(n));
                }
                for (String b : setup.baselines()) {
                    BaselineKind kind = BaselineKind.byName(b);
                    if (kind.qemu() && !hasBaseline(n, kind)) {
                        sites.fact(n, "baseline." + b, "none measured: " + noQemuBaseline(n, kind));
                    }
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
            if (n instanceof Network.Loopback) {
                return new QemuPeer(setup.receiverPrefix(), Transport.TCP, "127.0.0.1");
            }
            if (n instanceof Network.Unix) {
                return new QemuPeer(setup.receiverPrefix(), Transport.UNIX, "");
            }
            throw new IllegalStateException("--dest qemu on " + n.label() + " should have been refused by Destination.check");
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

    /**
     * The reference transfers of a network whose trials run here: on loopback all asked for (qemu-source
     * into {@code peer}, our receiver, unless QEMU receives); on unix qemu-source only; none elsewhere.
     */
    private Map<String, Baseline> baselines(Network n, SiteSetup setup, Peer peer, SourceImages images) {
        Optional<Peer> ours = destination == Destination.WORKBENCH ? Optional.of(peer) : Optional.empty();
        return Baselines.of(setup.baselines().stream().filter(b -> hasBaseline(n, BaselineKind.byName(b))).toList(),
                setup.unpinnedPrefix(), setup.unpinnedPrefix(), "127.0.0.1", ours, images);
    }

    /**
     * Whether a reference transfer of {@code kind} runs beside our trials on {@code n}: iperf3 and
     * QEMU → QEMU on loopback and emulated links (each end in its link namespace); a QEMU source into
     * our receiver on loopback and unix, where the receiver takes a bare stream (inside a link it asks
     * for the run's token first, which QEMU cannot prove).
     */
    public static boolean hasBaseline(Network n, BaselineKind kind) {
        if (kind.intoOurReceiver()) {
            return n instanceof Network.Loopback || n instanceof Network.Unix;
        }
        return hasCeiling(n);
    }

    private static String noQemuBaseline(Network n, BaselineKind kind) {
        if (kind.intoOurReceiver() && n instanceof Network.Link) {
            return "the receiver inside a link asks for the run's token before the stream, which a QEMU source cannot give";
        }
        if (n instanceof Network.Unix) {
            return "QEMU to QEMU is measured on loopback and emulated links";
        }
        if (n instanceof Network.Null) {
            return "nothing is received";
        }
        return "no QEMU is started on the remote host";
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

    /**
     * The same, with the QEMUs {@code baselines} and this run's destination start and the RAM files
     * they hold; under --dest qemu no receiver child starts (a QEMU receives every trial, and
     * qemu-source, the one baseline that needs ours, is refused there).
     */
    public static HostProcesses hostProcesses(List<Network> networks, List<String> baselines, Destination destination) {
        HostProcesses p = hostProcesses(networks);
        int receivers = destination == Destination.QEMU ? 0 : p.receivers();
        boolean sources = baselines.stream().anyMatch(b -> BaselineKind.byName(b).qemu()
                && networks.stream().anyMatch(n -> hasBaseline(n, BaselineKind.byName(b))));
        boolean destinations = destination == Destination.QEMU || baselines.stream().anyMatch(b -> (b.equals("qemu")
                || b.equals("qemu-multifd")) && networks.stream().anyMatch(n -> hasBaseline(n, BaselineKind.byName(b))));
        return new HostProcesses(receivers, p.agents(), sources, destinations);
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

    private void link(SiteSet sites, Network.Link l, SiteSetup setup, TrialRunner runner, SourceImages images)
            throws IOException {
        EmulatedLink link = sites.closeLater(EmulatedLink.create(l.profile()));
        String token = TokenProof.nonce(); // off loopback serve requires one: the run's own, for this link alone
        InetSocketAddress control;
        List<String> qemuPrefix = List.of();
        if (destination == Destination.QEMU) { // the agent starts each trial's QEMU in the receiver namespace itself
            qemuPrefix = link.exec(link.receiverNamespace(), setup.receiverPrefix());
            control = new InetSocketAddress(link.receiverAddress(), 0);
            sites.fact(l, "receiver", QEMU_RECEIVER + " in the receiver namespace, listening on " + link.receiverAddress().getHostAddress());
        } else {
            control = sites.closeLater(ReceiverChild.start(setup.largestRam(), link, token, setup.receiverPrefix())).control();
        }
        Map<String, Baseline> baselines = Baselines.of(setup.baselines().stream().filter(b -> hasBaseline(l, BaselineKind.byName(b)))
                        .toList(), link.exec(link.receiverNamespace(), setup.unpinnedPrefix()),
                link.exec(link.senderNamespace(), setup.unpinnedPrefix()), link.receiverAddress().getHostAddress(), Optional.empty(),
                images);
        sites.add(l, AgentProcess.start(setup, l, link, control, token, runner, baselines, qemuPrefix), NetworkFacts.describe(l));
        link.facts().forEach((k, v) -> sites.fact(l, k, v));
        sites.nominal(l, l.profile().description());
    }
}
