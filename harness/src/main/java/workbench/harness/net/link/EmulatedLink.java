package workbench.harness.net.link;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;

/**
 * An emulated link: two network namespaces of this process, {@code wb<pid>tx} (sender) and
 * {@code wb<pid>rx} (receiver), joined by a veth pair with addresses from 198.18.0.0/15, the
 * profile's MTU on both ends, a {@code tbf} on the sender's end when the profile has a rate, and
 * the profile's congestion control in both namespaces. The host's own interfaces, addresses and
 * sysctls are never touched.
 *
 * <p>Run processes inside with {@link #exec}. {@link #close()} deletes both namespaces, which
 * removes the veth pair as soon as no process is left inside them; it is idempotent and also runs
 * as a JVM shutdown hook, so Ctrl-C cleans up. A SIGKILL cannot be caught: the next
 * {@link #create} (or {@link #sweepLeftovers()}) removes the dead owner's namespaces.
 */
public final class EmulatedLink implements AutoCloseable {

    private static final AtomicInteger NEXT_INDEX = new AtomicInteger();
    private static final String CC_KEY = "net.ipv4.tcp_congestion_control";

    private final LinkProfile profile;
    private final LinkNames names;
    private final Optional<Shaping> shaping;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private EmulatedLink(LinkProfile profile, LinkNames names) {
        this.profile = profile;
        this.names = names;
        this.shaping = Shaping.of(profile);
        this.shutdownHook = new Thread(this::tearDownQuietly, "wb-link-cleanup-" + names.base());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Makes the link; on any failure removes what was made and throws.
     *
     * @throws UserException ({@link ExitCode#ENVIRONMENT}) when not root, iproute2 or sysctl is missing,
     *                       or a command fails (one line and a hint)
     */
    public static EmulatedLink create(LinkProfile profile) {
        IpCommand.checkReady();
        if (profile.congestionControl().isPresent() && IpCommand.find("sysctl").isEmpty()) {
            throw new UserException("'sysctl' is not installed (needed for cc= links)", "install procps", ExitCode.ENVIRONMENT);
        }
        sweepLeftovers();
        EmulatedLink link = new EmulatedLink(profile, freeNames());
        try {
            link.build();
            return link;
        } catch (RuntimeException e) {
            try {
                link.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static LinkNames freeNames() {
        List<String> existing = namespaces();
        for (int attempt = 0; attempt < 100; attempt++) {
            LinkNames names = LinkNames.forThisProcess(NEXT_INDEX.getAndIncrement());
            if (!existing.contains(names.senderNamespace()) && !existing.contains(names.receiverNamespace())) {
                return names;
            }
        }
        throw new UserException("no free link names for process " + ProcessHandle.current().pid(),
                "'ip netns list' shows the workbench's namespaces; 'ip netns delete NAME' removes one", ExitCode.ENVIRONMENT);
    }

    private void build() {
        String tx = names.senderNamespace();
        String rx = names.receiverNamespace();
        String a = names.senderInterface();
        String b = names.receiverInterface();
        IpCommand.ip("netns", "add", tx);
        IpCommand.ip("netns", "add", rx);
        IpCommand.ip("link", "add", a, "netns", tx, "type", "veth", "peer", "name", b, "netns", rx);
        configureEnd(tx, a, names.senderCidr());
        configureEnd(rx, b, names.receiverCidr());
        shaping.ifPresent(s -> {
            List<String> tc = new ArrayList<>(List.of("tc", "-n", tx, "qdisc", "add", "dev", a, "root", "tbf"));
            tc.addAll(s.tcArguments());
            IpCommand.run(tc);
        });
        profile.congestionControl().ifPresent(cc -> {
            for (String ns : List.of(tx, rx)) {
                IpCommand.run(IpCommand.inNamespace(ns, List.of("sysctl", "-w", CC_KEY + "=" + cc.sysctlName())));
            }
        });
        awaitUp(tx, a);
        awaitUp(rx, b);
    }

    private void configureEnd(String ns, String dev, String cidr) {
        IpCommand.ip("-n", ns, "link", "set", "lo", "up");
        IpCommand.ip("-n", ns, "link", "set", dev, "mtu", Integer.toString(profile.mtu()));
        IpCommand.ip("-n", ns, "addr", "add", cidr, "dev", dev);
        IpCommand.ip("-n", ns, "link", "set", dev, "up");
    }

    /** veth carrier comes up within milliseconds of both ends being up; wait for it rather than race a connect. */
    private static void awaitUp(String ns, String dev) {
        for (int i = 0; i < 100; i++) {
            if (String.join(" ", IpCommand.ip("-n", ns, "-o", "link", "show", "dev", dev)).contains("state UP")) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new UserException(dev + " in namespace " + ns + " did not come up within 2 s",
                "see 'ip -n " + ns + " link show'", ExitCode.ENVIRONMENT);
    }

    public LinkProfile profile() {
        return profile;
    }

    public LinkNames names() {
        return names;
    }

    /** The tbf on the sender's end; empty when the profile is unshaped. */
    public Optional<Shaping> shaping() {
        return shaping;
    }

    public String senderNamespace() {
        return names.senderNamespace();
    }

    public String receiverNamespace() {
        return names.receiverNamespace();
    }

    public InetAddress senderAddress() {
        return names.senderAddress();
    }

    public InetAddress receiverAddress() {
        return names.receiverAddress();
    }

    /**
     * The command line that runs {@code command} inside one of this link's namespaces
     * ({@code ip netns exec NS …}).
     *
     * @throws IllegalArgumentException when {@code namespace} is not one of this link's
     */
    public List<String> exec(String namespace, List<String> command) {
        if (!namespace.equals(senderNamespace()) && !namespace.equals(receiverNamespace())) {
            throw new IllegalArgumentException("namespace " + namespace + " is not part of link " + names.base()
                    + " (" + senderNamespace() + ", " + receiverNamespace() + ")");
        }
        return IpCommand.inNamespace(namespace, command);
    }

    /**
     * What a manifest records about the link, read back from the kernel (insertion-ordered).
     * A value that cannot be read says so instead of failing the run.
     */
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("link", profile.label());
        facts.put("link.description", profile.description());
        facts.put("link.tbf", shaping.map(s -> "tbf " + String.join(" ", s.tcArguments())).orElse("none (unshaped)"));
        side(facts, "sender", senderNamespace(), names.senderInterface(), senderAddress());
        side(facts, "receiver", receiverNamespace(), names.receiverInterface(), receiverAddress());
        return Collections.unmodifiableMap(facts);
    }

    private static void side(Map<String, String> facts, String role, String ns, String dev, InetAddress address) {
        String p = "link." + role + ".";
        facts.put(p + "namespace", ns);
        facts.put(p + "interface", dev);
        facts.put(p + "address", address.getHostAddress() + "/" + LinkNames.PREFIX_LENGTH);
        facts.put(p + "mtu", read(List.of("ip", "netns", "exec", ns, "cat", "/sys/class/net/" + dev + "/mtu")));
        facts.put(p + "qdisc", read(List.of("tc", "-n", ns, "qdisc", "show", "dev", dev)));
        for (String key : List.of("tcp_congestion_control", "tcp_wmem", "tcp_rmem")) {
            facts.put(p + key, read(List.of("ip", "netns", "exec", ns, "cat", "/proc/sys/net/ipv4/" + key)));
        }
    }

    private static String read(List<String> command) {
        try {
            IpCommand.Outcome outcome = IpCommand.attempt(command);
            return outcome.ok() ? String.join("; ", outcome.stdout()).strip().replaceAll("\\s+", " ")
                    : "unreadable (" + outcome.error() + ")";
        } catch (UserException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    /** TCP RetransSegs of one namespace (from its /proc/net/snmp); read it before and after a trial. */
    public static long retransmits(String namespace) {
        return TcpCounters.counter(IpCommand.run(List.of("ip", "netns", "exec", namespace, "cat", "/proc/net/snmp")), "RetransSegs");
    }

    /**
     * Removes the namespaces of workbench links whose owner process is gone, and nothing else:
     * names not of the form {@code wb<pid>[-n](rx|tx)}, and those of live processes, are kept.
     *
     * @return the namespaces removed
     */
    public static List<String> sweepLeftovers() {
        List<String> removed = new ArrayList<>();
        for (String ns : namespaces()) {
            Optional<Long> owner = LinkNames.ownerOf(ns);
            if (owner.isPresent() && ProcessHandle.of(owner.get()).isEmpty()
                    && IpCommand.attempt(List.of("ip", "netns", "delete", ns)).ok()) {
                removed.add(ns);
            }
        }
        return List.copyOf(removed);
    }

    /** The names in {@code ip netns list} (which may append "(id: N)"). */
    static List<String> namespaces() {
        return IpCommand.ip("netns", "list").stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
    }

    /**
     * Deletes both namespaces (and with them the veth pair). Idempotent.
     *
     * @throws UserException when a namespace that still exists could not be deleted
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or about to, and tearing down is idempotent
        }
        List<String> failures = tearDown();
        if (!failures.isEmpty()) {
            throw new UserException("could not remove link " + names.base() + ": " + String.join("; ", failures),
                    "remove it by hand with 'ip netns delete NAME'", ExitCode.ENVIRONMENT);
        }
    }

    /** Serialized: close() and the shutdown hook may race while the JVM exits. */
    private synchronized List<String> tearDown() {
        List<String> failures = new ArrayList<>();
        for (String ns : List.of(senderNamespace(), receiverNamespace())) {
            if (namespaces().contains(ns)) {
                IpCommand.Outcome outcome = IpCommand.attempt(List.of("ip", "netns", "delete", ns));
                if (!outcome.ok() && namespaces().contains(ns)) {
                    failures.add(ns + ": " + outcome.error());
                }
            }
        }
        return failures;
    }

    private void tearDownQuietly() {
        try {
            tearDown();
        } catch (RuntimeException e) {
            System.err.println("workbench: warning: could not remove link " + names.base() + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "EmulatedLink[" + profile.label() + ", " + senderNamespace() + " " + senderAddress().getHostAddress()
                + " -> " + receiverNamespace() + " " + receiverAddress().getHostAddress() + "]";
    }
}
