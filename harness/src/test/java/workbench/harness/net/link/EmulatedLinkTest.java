package workbench.harness.net.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real namespaces, veths, tbf and TCP traffic: needs root and iproute2 (see {@link LinkCapability}). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmulatedLinkTest {

    private static final String PORT = "47001";
    private static final String OURS = "wb" + ProcessHandle.current().pid();

    @BeforeAll
    static void needsRootAndIproute2() {
        LinkCapability.require();
    }

    @Test
    void buildsNamespacesVethAddressesMtuTbfAndCongestionControl() throws Exception {
        String hostCc = Files.readString(Path.of("/proc/sys/net/ipv4/tcp_congestion_control")).strip();
        EmulatedLink link = EmulatedLink.create(LinkProfile.parse("link:rate=2.5gbit,mtu=9000,cc=reno"));
        try (link) {
            String tx = link.senderNamespace();
            String rx = link.receiverNamespace();
            String a = link.names().senderInterface();
            String b = link.names().receiverInterface();
            assertThat(EmulatedLink.namespaces()).contains(tx, rx);
            assertThat(String.join(" ", IpCommand.ip("-n", tx, "-o", "link", "show", "dev", a))).contains("mtu 9000", "state UP");
            assertThat(String.join(" ", IpCommand.ip("-n", rx, "-o", "link", "show", "dev", b))).contains("mtu 9000", "state UP");
            assertThat(String.join(" ", IpCommand.ip("-n", tx, "-o", "addr", "show", "dev", a)))
                    .contains("inet " + link.senderAddress().getHostAddress() + "/30");
            assertThat(String.join(" ", IpCommand.ip("-n", rx, "-o", "addr", "show", "dev", b)))
                    .contains("inet " + link.receiverAddress().getHostAddress() + "/30");
            assertThat(link.senderAddress().getHostAddress()).startsWith("198.18.").endsWith(".1");
            assertThat(String.join(" ", IpCommand.ip("-n", tx, "-o", "link", "show", "dev", "lo"))).contains("UP");
            assertThat(String.join(" ", IpCommand.tc("-n", tx, "qdisc", "show", "dev", a))).contains("tbf", "rate 2500Mbit", "lat 5ms");
            assertThat(String.join(" ", IpCommand.tc("-n", rx, "qdisc", "show", "dev", b))).doesNotContain("tbf");
            assertThat(hostLinks()).noneMatch(l -> l.contains(OURS));

            Map<String, String> facts = link.facts();
            facts.forEach((k, v) -> System.out.println("fact " + k + " = " + v));
            assertThat(facts).containsEntry("link", "link:rate=2.5gbit,mtu=9000,cc=reno")
                    .containsEntry("link.sender.mtu", "9000").containsEntry("link.receiver.mtu", "9000")
                    .containsEntry("link.sender.tcp_congestion_control", "reno")
                    .containsEntry("link.receiver.tcp_congestion_control", "reno")
                    .containsEntry("link.sender.interface", a)
                    .containsKeys("link.sender.tcp_wmem", "link.receiver.tcp_rmem");
            assertThat(facts.get("link.sender.qdisc")).contains("tbf", "rate 2500Mbit");
            assertThat(facts.get("link.sender.tcp_wmem")).matches("\\d+ \\d+ \\d+");
            assertThat(Files.readString(Path.of("/proc/sys/net/ipv4/tcp_congestion_control")).strip())
                    .as("the host's congestion control is untouched").isEqualTo(hostCc);
            assertThat(link.exec(rx, List.of("true"))).endsWith("netns", "exec", rx, "true");
            assertThatThrownBy(() -> link.exec("elsewhere", List.of("true"))).isInstanceOf(IllegalArgumentException.class);
        }
        assertNothingLeftOf(link);
        link.close(); // idempotent
    }

    @Test
    void aShapedLinkCarriesItsRate() throws Exception {
        EmulatedLink link = EmulatedLink.create(LinkProfile.parse("link:rate=200mbit"));
        try (link) {
            long before = EmulatedLink.retransmits(link.senderNamespace());
            double mbit = goodputMbit(link, 50);
            long retransmits = EmulatedLink.retransmits(link.senderNamespace()) - before;
            System.out.printf(Locale.ROOT, "measured %s: %.1f Mbit/s goodput, %d retransmits%n", link.profile().label(), mbit, retransmits);
            assertThat(mbit).isCloseTo(200, org.assertj.core.data.Percentage.withPercentage(15));
            assertThat(retransmits).isNotNegative();
        }
        assertNothingLeftOf(link);
    }

    @Test
    void anUnshapedLinkIsMuchFaster() throws Exception {
        EmulatedLink link = EmulatedLink.create(LinkProfile.IPOIB);
        try (link) {
            double mbit = goodputMbit(link, 200);
            System.out.printf(Locale.ROOT, "measured %s: %.1f Mbit/s goodput%n", link.profile().label(), mbit);
            assertThat(mbit).isGreaterThan(5 * 200);
        }
        assertNothingLeftOf(link);
    }

    @Test
    void linksOfOneProcessGetTheirOwnNamesAndSubnets() {
        try (EmulatedLink first = EmulatedLink.create(LinkProfile.IPOIB); EmulatedLink second = EmulatedLink.create(LinkProfile.IPOIB)) {
            assertThat(second.senderNamespace()).isNotEqualTo(first.senderNamespace()).startsWith(OURS + "-");
            assertThat(second.receiverAddress()).isNotEqualTo(first.receiverAddress());
            assertThat(EmulatedLink.namespaces()).contains(first.senderNamespace(), second.senderNamespace());
        }
    }

    @Test
    void ctrlCRemovesTheLinkThroughTheShutdownHook() throws Exception {
        try (ChildJvm owner = ChildJvm.start(ChildJvm.command(LinkOwner.class, "link:gbe"))) {
            List<String> names = List.of(owner.line().split(" "));
            assertThat(EmulatedLink.namespaces()).containsAll(names);
            owner.process.destroy(); // SIGTERM, as Ctrl-C's SIGINT runs the same hooks
            assertThat(owner.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(EmulatedLink.namespaces()).doesNotContainAnyElementsOf(names);
        }
    }

    @Test
    void sweepRemovesDeadOwnersLeftoversAndNothingElse() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Process alive = new ProcessBuilder("sleep", "60").start();
        String deadOwners = "wb" + dead.pid() + "rx";
        String liveOwners = "wb" + alive.pid() + "tx";
        String notOurs = "wb" + dead.pid() + "keep";
        try (ChildJvm killed = ChildJvm.start(ChildJvm.command(LinkOwner.class, "link:ipoib"))) {
            List<String> killedNames = List.of(killed.line().split(" "));
            killed.process.destroyForcibly(); // SIGKILL: no hook runs
            killed.waitExit();
            assertThat(ProcessHandle.of(dead.pid())).as("pid reused too soon").isEmpty();
            for (String ns : List.of(deadOwners, liveOwners, notOurs)) {
                IpCommand.ip("netns", "add", ns);
            }
            assertThat(EmulatedLink.namespaces()).containsAll(killedNames).contains(deadOwners, liveOwners, notOurs);

            List<String> removed = EmulatedLink.sweepLeftovers();

            assertThat(removed).containsAll(killedNames).contains(deadOwners).doesNotContain(liveOwners, notOurs);
            assertThat(EmulatedLink.namespaces()).doesNotContainAnyElementsOf(killedNames).doesNotContain(deadOwners)
                    .contains(liveOwners, notOurs);
        } finally {
            alive.destroy();
            for (String ns : List.of(deadOwners, liveOwners, notOurs)) {
                IpCommand.attempt(List.of("ip", "netns", "delete", ns));
            }
        }
    }

    /** Goodput in Mbit/s of one TCP stream of {@code mib} MiB, sink in the receiver namespace, sender in the sender's. */
    private static double goodputMbit(EmulatedLink link, int mib) throws Exception {
        String address = link.receiverAddress().getHostAddress();
        try (ChildJvm sink = ChildJvm.start(link.exec(link.receiverNamespace(), ChildJvm.command(LinkSink.class, address, PORT)))) {
            assertThat(sink.line()).isEqualTo("listening");
            try (ChildJvm sender = ChildJvm.start(link.exec(link.senderNamespace(),
                    ChildJvm.command(LinkBlaster.class, address, PORT, Integer.toString(mib))))) {
                String[] report = sender.line().split(" "); // bytes N nanos T
                assertThat(sender.waitExit()).isZero();
                long bytes = Long.parseLong(report[1]);
                assertThat(bytes).isEqualTo(mib * (1L << 20));
                assertThat(sink.line()).isEqualTo("bytes " + bytes);
                assertThat(sink.waitExit()).isZero();
                return bytes * 8 / (Long.parseLong(report[3]) / 1e9) / 1e6;
            }
        }
    }

    private static void assertNothingLeftOf(EmulatedLink link) {
        assertThat(EmulatedLink.namespaces()).doesNotContain(link.senderNamespace(), link.receiverNamespace());
        assertThat(hostLinks()).noneMatch(l -> l.contains(link.names().senderInterface()) || l.contains(link.names().receiverInterface()));
    }

    private static List<String> hostLinks() {
        return IpCommand.ip("-o", "link", "show");
    }
}
