package workbench.harness.net.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;

class IpCommandTest {

    @Test
    void notRootIsAnEnvironmentProblemWithTheLoopbackHint() {
        UserException e = IpCommand.readiness(false, true, true).orElseThrow();
        assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(e.line()).isEqualTo("workbench: error: emulated links need root (network namespaces, veth and tc); "
                + "run as root or use --net loopback");
    }

    @Test
    void missingToolsNameIproute2() {
        assertThat(IpCommand.readiness(true, false, true).orElseThrow().line())
                .contains("'ip' is not installed").contains("install iproute2");
        assertThat(IpCommand.readiness(true, true, false).orElseThrow().getMessage()).startsWith("'tc' is not installed");
        assertThat(IpCommand.readiness(true, false, false).orElseThrow().getMessage()).startsWith("'ip' and 'tc' are not installed");
        assertThat(IpCommand.readiness(true, true, false).orElseThrow().exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(IpCommand.readiness(true, true, true)).isEmpty();
    }

    @Test
    void hintsFollowWhatTheToolSaid() {
        assertThat(IpCommand.hint(List.of("mount --make-shared /run/netns failed: Operation not permitted"))).isEqualTo(IpCommand.NEED_ROOT);
        assertThat(IpCommand.hint(List.of("Cannot create namespace file \"/run/netns/wb1rx\": File exists"))).contains("ip netns delete");
        assertThat(IpCommand.hint(List.of("Error: Specified qdisc kind is unknown."))).contains("modprobe sch_tbf");
        assertThat(IpCommand.hint(List.of("Error: Unknown device type."))).contains("modprobe veth");
        assertThat(IpCommand.hint(List.of("sysctl: setting key \"net.ipv4.tcp_congestion_control\": No such file or directory")))
                .contains("tcp_available_congestion_control");
        assertThat(IpCommand.hint(List.of("Cannot open network namespace \"x\": No such file or directory"))).contains("closed already");
        assertThat(IpCommand.hint(List.of())).contains("by hand");
    }

    @Test
    void aFailingCommandBecomesOneLineWithItsFirstErrorLine() {
        assertThatThrownBy(() -> IpCommand.run(List.of("sh", "-c", "echo out; echo 'RTNETLINK answers: File exists' >&2; echo more >&2; exit 2")))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
                    assertThat(e.getMessage()).endsWith("' failed: RTNETLINK answers: File exists").doesNotContain("\n");
                    assertThat(e.hint()).contains("ip netns list");
                });
    }

    @Test
    void outputIsCapturedAndStdinIsClosed() {
        // cat would wait forever on an open stdin; with it closed it ends at once
        assertThat(IpCommand.run(List.of("sh", "-c", "cat; echo one; echo two"))).containsExactly("one", "two");
        IpCommand.Outcome o = IpCommand.attempt(List.of("sh", "-c", "echo oops >&2; exit 7"));
        assertThat(o.ok()).isFalse();
        assertThat(o.exitCode()).isEqualTo(7);
        assertThat(o.error()).isEqualTo("oops");
        assertThat(IpCommand.attempt(List.of("sh", "-c", "exit 3")).error()).isEqualTo("exit 3");
    }

    @Test
    void aMissingProgramIsAnEnvironmentProblem() {
        assertThatThrownBy(() -> IpCommand.run(List.of("wb-no-such-program-here")))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
                    assertThat(e.getMessage()).startsWith("cannot run 'wb-no-such-program-here'");
                    assertThat(e.hint()).contains("iproute2");
                });
    }

    @Test
    void namespacePrefix() {
        assertThat(IpCommand.inNamespace("wb1rx", List.of("java", "-version")))
                .endsWith("netns", "exec", "wb1rx", "java", "-version")
                .first().asString().endsWith("ip");
    }
}
