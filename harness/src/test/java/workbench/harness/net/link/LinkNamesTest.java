package workbench.harness.net.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkNamesTest {

    @Test
    void firstLinkOfAProcess() {
        LinkNames n = new LinkNames(4321, 0);
        assertThat(n.senderNamespace()).isEqualTo("wb4321tx");
        assertThat(n.receiverNamespace()).isEqualTo("wb4321rx");
        assertThat(n.senderInterface()).isEqualTo("wb4321a");
        assertThat(n.receiverInterface()).isEqualTo("wb4321b");
        assertThat(n.senderCidr()).isEqualTo("198.18.0.1/30");
        assertThat(n.receiverCidr()).isEqualTo("198.18.0.2/30");
    }

    @Test
    void laterLinksCarryACounter() {
        LinkNames n = new LinkNames(4321, 1);
        assertThat(n.senderNamespace()).isEqualTo("wb4321-2tx");
        assertThat(n.receiverInterface()).isEqualTo("wb4321-2b");
        assertThat(n.senderAddress().getHostAddress()).isEqualTo("198.18.1.1");
        assertThat(new LinkNames(4321, 300).receiverAddress().getHostAddress()).isEqualTo("198.19.44.2");
    }

    @Test
    void interfaceNamesFitIfnamsizEvenForTheLargestPid() {
        LinkNames n = new LinkNames(4_194_304, 9998);
        assertThat(n.senderInterface()).hasSizeLessThanOrEqualTo(15);
        assertThatThrownBy(() -> new LinkNames(4_194_304, 99_999)).hasMessageContaining("exceed 15");
    }

    @Test
    void addressesStayInTheBenchmarkingRange() throws Exception {
        for (int i = 0; i < 2000; i += 7) {
            for (InetAddress a : new InetAddress[] {new LinkNames(1, i).senderAddress(), new LinkNames(1, i).receiverAddress()}) {
                byte[] b = a.getAddress();
                assertThat(b[0] & 0xff).isEqualTo(198);
                assertThat(b[1] & 0xfe).isEqualTo(18); // 198.18.0.0/15
            }
        }
    }

    @Test
    void thisProcessOwnsItsNames() {
        LinkNames n = LinkNames.forThisProcess(0);
        assertThat(LinkNames.ownerOf(n.senderNamespace())).contains(ProcessHandle.current().pid());
        assertThat(LinkNames.ownerOf(LinkNames.forThisProcess(5).receiverNamespace())).contains(ProcessHandle.current().pid());
    }

    @ParameterizedTest
    @CsvSource({"wb123rx, 123", "wb123tx, 123", "wb123-2rx, 123", "wb9-17tx, 9"})
    void ownerOfOurNames(String ns, long pid) {
        assertThat(LinkNames.ownerOf(ns)).contains(pid);
    }

    @ParameterizedTest
    @CsvSource({"wb123", "wb123a", "xwb123rx", "wb123rxx", "wbrx", "wb0123rx", "wb12-0tx", "web1rx", "wb12 rx", "WB12rx", "wb12-rx"})
    void otherNamesHaveNoOwner(String ns) {
        assertThat(LinkNames.ownerOf(ns)).isEmpty();
    }
}
