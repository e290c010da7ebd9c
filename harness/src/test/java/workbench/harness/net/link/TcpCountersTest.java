package workbench.harness.net.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TcpCountersTest {

    private static final List<String> SNMP = List.of(
            "Ip: Forwarding DefaultTTL InReceives",
            "Ip: 1 64 100",
            "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors",
            "Tcp: 1 200 120000 -1 5 3 0 0 1 123456 234567 1658 0 2 0",
            "Udp: InDatagrams NoPorts",
            "Udp: 0 0");

    @Test
    void readsRetransSegs() {
        assertThat(TcpCounters.counter(SNMP, "RetransSegs")).isEqualTo(1658);
        assertThat(TcpCounters.counter(SNMP, "OutSegs")).isEqualTo(234567);
    }

    @Test
    void aMissingCounterIsNoSilentZero() {
        assertThatThrownBy(() -> TcpCounters.counter(SNMP, "Nope")).hasMessageContaining("Nope");
        assertThatThrownBy(() -> TcpCounters.counter(List.of(), "RetransSegs")).isInstanceOf(IllegalStateException.class);
    }
}
