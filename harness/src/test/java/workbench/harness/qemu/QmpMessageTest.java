package workbench.harness.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QMP lines as QEMU 7.2 sent them on this machine (qemu-stream-format.md §5), parsed without a QEMU. */
class QmpMessageTest {
    @Test
    void theGreetingNamesQemusVersion() throws Exception {
        QmpMessage m = QmpMessage.parse("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7},"
                + " \"package\": \"Debian 1:7.2+dfsg-7+deb12u18+b3\"}, \"capabilities\": [\"oob\"]}}");
        assertThat(m).isEqualTo(new QmpMessage.Greeting("7.2.22"));
    }

    @Test
    void repliesErrorsAndEventsAreTold() throws Exception {
        assertThat(QmpMessage.parse("{\"return\": {}}")).isInstanceOf(QmpMessage.Return.class);
        assertThat(QmpMessage.parse("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command bogus has not been found\"}}"))
                .isEqualTo(new QmpMessage.Error("CommandNotFound", "The command bogus has not been found"));
        QmpMessage e = QmpMessage.parse("{\"timestamp\": {\"seconds\": 1796132557, \"microseconds\": 521868}, \"event\": \"MIGRATION\","
                + " \"data\": {\"status\": \"completed\"}}");
        assertThat(e).isInstanceOf(QmpMessage.Event.class);
        assertThat(((QmpMessage.Event) e).name()).isEqualTo("MIGRATION");
        assertThat(((QmpMessage.Event) e).text("status")).isEqualTo("completed");
        assertThat(((QmpMessage.Event) e).text("absent")).isEmpty();
    }

    @Test
    void linesThatAreNotQmpAreRefusedNamingThem() {
        assertThatThrownBy(() -> QmpMessage.parse("qemu-system-x86_64: oops")).hasMessageContaining("not JSON").hasMessageContaining("oops");
        assertThatThrownBy(() -> QmpMessage.parse("[1, 2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> QmpMessage.parse("{\"other\": 1}")).hasMessageContaining("no known kind");
    }

    @Test
    void theDestinationsAddressComesFromQueryMigrate() throws Exception {
        QmpMessage.Return r = (QmpMessage.Return) QmpMessage.parse("{\"return\": {\"socket-address\": [{\"port\": \"39627\","
                + " \"ipv4\": true, \"host\": \"127.0.0.1\", \"type\": \"inet\"}]}}");
        assertThat(Migration.boundAddress(r.value())).isEqualTo(new InetSocketAddress("127.0.0.1", 39627));
        QmpMessage.Return none = (QmpMessage.Return) QmpMessage.parse("{\"return\": {\"status\": \"setup\"}}");
        assertThatThrownBy(() -> Migration.boundAddress(none.value())).hasMessageContaining("no inet address");
    }

    @Test
    void aDestinationsCommandLineHasOneSharedPreallocatedBackendPerBlock() {
        MemoryBackend mem0 = new MemoryBackend("mem0", 16 << 20, Path.of("/dev/shm/x-mem0.img"));
        List<String> cmd = QemuProcess.command(List.of("taskset", "-c", "1"), List.of(mem0), Path.of("/tmp/f/qmp.sock"),
                List.of("-incoming", "defer"));
        assertThat(cmd).startsWith("taskset", "-c", "1", QemuProcess.BINARY).endsWith("-incoming", "defer")
                .contains("none,memory-backend=mem0", "-nodefaults", "-S", "unix:/tmp/f/qmp.sock,server=on,wait=off",
                        "memory-backend-file,id=mem0,size=16777216,mem-path=/dev/shm/x-mem0.img,share=on,prealloc=on");
        assertThat(MemoryBackend.refusal("mem0")).isEmpty();
        assertThat(MemoryBackend.refusal("0mem")).get().asString().contains("block '0mem'");
        assertThat(MemoryBackend.refusal("pc.ram")).isEmpty();
        assertThat(MemoryBackend.refusal("/rom@etc/acpi/tables")).isPresent();
    }
}
