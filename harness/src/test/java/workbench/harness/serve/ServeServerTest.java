package workbench.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import workbench.harness.io.SinkOptions;
import workbench.harness.net.DataEndpoint;
import workbench.harness.peer.RemoteReceiver;
import workbench.harness.io.PageTable;
import workbench.harness.net.Transport;
import workbench.harness.net.control.ControlConnection;
import workbench.harness.net.control.DataProof;
import workbench.harness.net.control.Message;
import workbench.harness.net.control.ProtocolCode;
import workbench.harness.net.control.ProtocolException;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** serve as a long-running service: bad and vanishing clients are survived; tokens and limits hold. */
class ServeServerTest {
    private static final RamSpec SPEC = new RamSpec(RamSpec.evenBlocks(4 << 20, 1, 4096), 4096, 0.2, 0, 1.0,
            Layout.SCATTERED, Content.RANDOM, 5);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final WriteStrategy VECTORED = Strategies.byName("vectored");

    private static ServeOptions options(Optional<String> token, long maxRam) {
        return new ServeOptions(new InetSocketAddress("127.0.0.1", 0), token, maxRam, "test");
    }

    private static Message.TrialParams params(int trial, RamSpec spec) {
        return new Message.TrialParams(trial, spec, DupPolicy.ZERO, 32 << 10, Transport.TCP, 0, 1);
    }

    /** one good trial through the receiver; returns its result */
    private static Message.Result goodTrial(RemoteReceiver rx, int trial) throws IOException {
        return goodTrial(rx, trial, Optional.empty(), ready -> {
        });
    }

    /** A data connection's action between Ready and the stream, e.g. a stranger connecting first. */
    private interface BeforeStream {
        void run(Message.Ready ready) throws IOException;
    }

    /** one good trial, its connection proving {@code token} when the session has one */
    private static Message.Result goodTrial(RemoteReceiver rx, int trial, Optional<String> token, BeforeStream before)
            throws IOException {
        DirtyLog dirty = RamImage.dirtyLog(SPEC);
        GuestRam ram = RamImage.create(SPEC, dirty);
        Message.Ready ready = rx.prepare(params(trial, SPEC));
        before.run(ready);
        try (SocketChannel data = DataEndpoint.parse(ready.endpoint()).connect(Optional.empty())) {
            if (!ready.proofNonce().isEmpty()) {
                data.write(DataProof.of(token.orElseThrow(), ready.proofNonce()));
            }
            new StreamEncoder(new PageTable(ram), dirty, DupPolicy.ZERO).encode(VECTORED.open(List.of(data), SinkOptions.of(32 << 10, 64)));
            data.shutdownOutput();
            assertThat(rx.awaitDoneOrResult(WAIT)).isInstanceOf(Message.Done.class);
            Message.Result result = rx.awaitResult(WAIT);
            assertThat(result.digest()).isEqualTo(RamDigest.of(ram).blocks());
            return result;
        }
    }

    @Test
    void aMalformedStreamFailsItsTrialAndTheSessionGoesOn() throws Exception {
        try (LocalServe serve = new LocalServe(options(Optional.empty(), 1L << 30));
             RemoteReceiver rx = RemoteReceiver.connect(serve.control(), "test")) {
            Message.Ready ready = rx.prepare(params(0, SPEC));
            try (SocketChannel data = DataEndpoint.parse(ready.endpoint()).connect(Optional.empty())) {
                data.write(ByteBuffer.wrap(new byte[] {'Q', 'E', 'V', 'M', 0, 0, 0, 9, 'j', 'u', 'n', 'k'}));
                data.shutdownOutput();
                Message m = rx.awaitDoneOrResult(WAIT);
                assertThat(m).isInstanceOf(Message.Result.class);
                assertThat(((Message.Result) m).failure()).contains("malformed stream at offset 4").contains("version");
            }
            assertThat(goodTrial(rx, 1).ok()).isTrue();
        }
    }

    @Test
    void aClientThatVanishesMidStreamIsSurvivedAndTheNextClientSucceeds() throws Exception {
        try (LocalServe serve = new LocalServe(options(Optional.empty(), 1L << 30))) {
            RemoteReceiver first = RemoteReceiver.connect(serve.control(), "test");
            Message.Ready ready = first.prepare(params(0, SPEC));
            SocketChannel data = DataEndpoint.parse(ready.endpoint()).connect(Optional.empty());
            data.write(ByteBuffer.wrap(new byte[] {'Q', 'E', 'V', 'M', 0, 0, 0, 3}));
            data.close();
            first.awaitDoneOrResult(WAIT); // the receiver reports the broken stream
            Socket raw = new Socket("127.0.0.1", serve.control().getPort());
            raw.close(); // and a client that says nothing at all
            first.close();
            try (RemoteReceiver second = connectWhenFree(serve)) {
                assertThat(goodTrial(second, 0).ok()).isTrue();
            }
            assertThat(serve.log()).contains("found the end of the stream").doesNotContain("Exception in thread");
        }
    }

    @Test
    void aTokenIsProvedNeverSentAndAClientWithoutItIsRefused() throws Exception {
        try (LocalServe serve = new LocalServe(options(Optional.of("s3cret"), 1L << 30))) {
            assertThatThrownBy(() -> RemoteReceiver.connect(serve.control(), Optional.empty(), Optional.empty(), "test"))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("requires a token");
            assertThatThrownBy(() -> connectWhenFree(serve, Optional.of("wrong")))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("did not prove");
            try (RemoteReceiver ok = connectWhenFree(serve, Optional.of("s3cret"))) {
                assertThat(goodTrial(ok, 0, Optional.of("s3cret"), ready -> {
                    assertThat(ready.proofNonce()).hasSize(64);
                    stranger(ready, QEVM); // a stream without the session's proof is not the client's
                }).ok()).isTrue();
            }
            assertThat(serve.log()).contains("did not open with this trial's proof");
        }
    }

    @Test
    void aGuestOverMaxRamIsRefusedBeforeAllocation() throws Exception {
        RamSpec huge = new RamSpec(RamSpec.evenBlocks(1L << 40, 1, 4096), 4096, 0, 0, 1.0, Layout.SCATTERED, Content.RANDOM, 1);
        try (LocalServe serve = new LocalServe(options(Optional.empty(), 16L << 20))) {
            try (RemoteReceiver rx = RemoteReceiver.connect(serve.control(), "test")) {
                assertThatThrownBy(() -> rx.prepare(params(0, huge))).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("exceeds this receiver's --max-ram of 16 MiB");
            }
            try (RemoteReceiver next = connectWhenFree(serve)) {
                assertThat(goodTrial(next, 0).ok()).isTrue();
            }
        }
    }

    @Test
    void oneClientAtATimeOthersAreToldBusy() throws Exception {
        try (LocalServe serve = new LocalServe(options(Optional.empty(), 1L << 30));
             RemoteReceiver first = RemoteReceiver.connect(serve.control(), "test")) {
            assertThatThrownBy(() -> RemoteReceiver.connect(serve.control(), "test"))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("busy");
            assertThat(goodTrial(first, 0).ok()).isTrue();
        }
    }

    private static final Deadlines SHORT = new Deadlines(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofSeconds(2), Long.MAX_VALUE / 1000);

    @Test
    void aHalfStreamThenSilenceFailsItsTrialAtTheStreamDeadlineAndTheSessionGoesOn() throws Exception {
        ServeOptions o = new ServeOptions(new InetSocketAddress("127.0.0.1", 0), Optional.empty(), 1L << 30, "test", SHORT);
        try (LocalServe serve = new LocalServe(o); RemoteReceiver rx = RemoteReceiver.connect(serve.control(), "test")) {
            Message.Ready ready = rx.prepare(params(0, SPEC));
            try (SocketChannel data = DataEndpoint.parse(ready.endpoint()).connect(Optional.empty())) {
                data.write(ByteBuffer.wrap(QEVM)); // then nothing, the connection held open
                long t0 = System.nanoTime();
                Message m = rx.awaitDoneOrResult(WAIT);
                assertThat((System.nanoTime() - t0) / 1e9).isBetween(1.0, 10.0);
                assertThat(((Message.Result) m).failure()).contains("did not end within its deadline of 2 s");
            }
            assertThat(goodTrial(rx, 1).ok()).isTrue();
        }
    }

    @Test
    void aFrameFedOneByteAtATimeRunsOutOfItsDeadlineAsAWhole() throws Exception {
        ServeOptions o = new ServeOptions(new InetSocketAddress("127.0.0.1", 0), Optional.empty(), 1L << 30, "test", SHORT);
        try (LocalServe serve = new LocalServe(o); Socket raw = new Socket("127.0.0.1", serve.control().getPort())) {
            long t0 = System.nanoTime();
            byte[] header = {0x00, 0x0f, (byte) 0xff, (byte) 0xff, '{', '"'}; // announces a frame of about 1 MiB
            try {
                for (byte b : header) {
                    raw.getOutputStream().write(b); // each byte well within a per-read timeout of 2 s
                    Thread.sleep(700);
                }
            } catch (IOException closedOnUs) {
                // the server may close before the last bytes
            }
            raw.setSoTimeout(10_000);
            // the server answers with a timeout error frame and closes (a read past 10 s would throw)
            assertThat(new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("\"code\":\"timeout\"");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(8.0);
            try (RemoteReceiver next = connectWhenFree(serve)) {
                assertThat(goodTrial(next, 0).ok()).isTrue();
            }
            assertThat(serve.log()).contains("no control message within 2 s");
        }
    }

    @Test
    void sizesOutOfRangeAreRefusedBeforeUseAndTheServiceGoesOn() throws Exception {
        try (LocalServe serve = new LocalServe(options(Optional.empty(), Long.MAX_VALUE))) {
            try (RemoteReceiver rx = RemoteReceiver.connect(serve.control(), "test")) {
                assertThatThrownBy(() -> rx.prepare(new Message.TrialParams(0, SPEC, DupPolicy.ZERO, 0, Transport.TCP, 0, 1)))
                        .isInstanceOf(ProtocolException.class).hasMessageContaining("read buffer of 0 bytes");
            }
            // a guest the machine cannot hold, under a --max-ram that allows it: an error frame, not a dead session thread
            RamSpec vast = new RamSpec(RamSpec.evenBlocks(1L << 42, 1, 4096), 4096, 0, 0, 1.0, Layout.SCATTERED, Content.RANDOM, 1);
            try (RemoteReceiver rx = connectWhenFree(serve)) {
                assertThatThrownBy(() -> rx.prepare(params(0, vast))).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("cannot allocate a guest of 4194304 MiB");
            }
            // block lengths whose sum wraps past 2^63 to a small total
            waitUntilFree(serve);
            try (Socket raw = new Socket("127.0.0.1", serve.control().getPort())) {
                ControlConnection conn = new ControlConnection(raw);
                conn.send(new Message.Hello(Message.PROTOCOL, "test"));
                conn.expect(Message.Welcome.class, WAIT);
                String blocks = "[{\"name\":\"mem0\",\"length\":9223372036854771712},{\"name\":\"mem1\",\"length\":9223372036854771712},"
                        + "{\"name\":\"mem2\",\"length\":16384}]";
                String trial = "{\"type\":\"trial\",\"trial\":0,\"ram\":{\"blocks\":" + blocks + ",\"pageSize\":4096,\"dup\":0.0,"
                        + "\"uniform\":0.0,\"dirty\":1.0,\"layout\":\"SCATTERED\",\"content\":\"RANDOM\",\"seed\":1},"
                        + "\"dupPolicy\":\"ZERO\",\"readBuffer\":32768,\"transport\":\"tcp\",\"rcvbuf\":0,\"connections\":1}";
                byte[] body = trial.getBytes(StandardCharsets.UTF_8);
                raw.getOutputStream().write(ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array());
                assertThatThrownBy(() -> conn.receive(WAIT)).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("total more than");
            }
            try (RemoteReceiver next = connectWhenFree(serve)) {
                assertThat(goodTrial(next, 0).ok()).isTrue();
            }
            assertThat(serve.log()).doesNotContain("OutOfMemoryError").doesNotContain("Exception in thread");
        }
    }

    @Test
    void anEmptyTokenIsRefused() {
        assertThatThrownBy(() -> new ServeOptions(new InetSocketAddress("0.0.0.0", 0), Optional.of(""), 1 << 30, "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty --token");
    }

    /** waits until the previous session has ended (a client of its own would be told busy) */
    private static void waitUntilFree(LocalServe serve) throws Exception {
        connectWhenFree(serve).close();
        Thread.sleep(200);
    }

    @Test
    void aClientOfTheFirstProtocolGetsAClearVersionError() throws Exception {
        try (LocalServe serve = new LocalServe(options(Optional.empty(), 1L << 30));
             ControlConnection conn = new ControlConnection(new Socket("127.0.0.1", serve.control().getPort()))) {
            conn.send(new Message.Hello(1, "0.0.1"));
            assertThatThrownBy(() -> conn.receive(WAIT)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("client speaks protocol 1").hasMessageContaining("speaks " + Message.PROTOCOL)
                    .satisfies(e -> assertThat(((ProtocolException) e).code()).isEqualTo(ProtocolCode.VERSION));
        }
    }

    @Test
    void servingOffLoopbackWithoutATokenIsRefused() {
        assertThatThrownBy(() -> new ServeOptions(new InetSocketAddress("0.0.0.0", 0), Optional.empty(), 1 << 30, "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a --token");
    }

    private static final byte[] QEVM = {'Q', 'E', 'V', 'M', 0, 0, 0, 3};

    /** A connection to the trial's data endpoint that sends {@code first} and closes. */
    private static void stranger(Message.Ready ready, byte[] first) throws IOException {
        try (SocketChannel ch = DataEndpoint.parse(ready.endpoint()).connect(Optional.empty())) {
            ch.write(ByteBuffer.wrap(first));
        }
    }

    @Test
    void aConnectionThatIsNotAMigrationStreamIsRefusedAndTheTrialGoesOn() throws Exception {
        try (LocalServe serve = new LocalServe(options(Optional.empty(), 1L << 30));
             RemoteReceiver rx = RemoteReceiver.connect(serve.control(), "test")) {
            Message.Result r = goodTrial(rx, 0, Optional.empty(), ready -> {
                stranger(ready, "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                stranger(ready, new byte[] {0x11, 0x22, 0x33, 0x44, 0, 0, 0, 1}); // a multifd channel's magic
            });
            assertThat(r.ok()).isTrue();
            assertThat(serve.log()).contains("not a migration stream's QEVM").contains("multifd channel");
        }
    }

    @Test
    void eachTrialHasAListenerOfItsOwnClosedOnceItsStreamIsIn() throws Exception {
        try (LocalServe serve = new LocalServe(options(Optional.empty(), 1L << 30));
             RemoteReceiver rx = RemoteReceiver.connect(serve.control(), "test")) {
            Message.Ready[] first = new Message.Ready[1];
            assertThat(goodTrial(rx, 0, Optional.empty(), ready -> first[0] = ready).ok()).isTrue();
            // a connection beyond the expected one, or a stale one for a finished trial, finds nothing to connect to
            assertThatThrownBy(() -> stranger(first[0], QEVM)).isInstanceOf(IOException.class);
            Message.Ready[] second = new Message.Ready[1];
            assertThat(goodTrial(rx, 1, Optional.empty(), ready -> second[0] = ready).ok()).isTrue();
            assertThat(second[0].endpoint()).isNotEqualTo(first[0].endpoint());
        }
    }

    private static RemoteReceiver connectWhenFree(LocalServe serve) throws Exception {
        return connectWhenFree(serve, Optional.empty());
    }

    /** the previous session ends asynchronously: retry while the receiver still says busy */
    private static RemoteReceiver connectWhenFree(LocalServe serve, Optional<String> token) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return RemoteReceiver.connect(serve.control(), Optional.empty(), token, "test");
            } catch (ProtocolException e) {
                if (e.code() != ProtocolCode.BUSY || attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
