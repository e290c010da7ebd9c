package workbench.harness.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import workbench.harness.net.Transport;
import workbench.harness.net.control.FrameCodec;
import workbench.harness.net.control.Message;
import workbench.harness.net.control.ProtocolCode;
import workbench.harness.net.control.ProtocolException;
import workbench.reports.model.Cpu;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamSpec;

/**
 * Fuzzes the control-frame reader: any bytes give a message, a {@link ProtocolException} or an
 * {@link EOFException} (closed between frames), nothing else; no hang, and no heap beyond the
 * frame cap plus a bound linear in the input.
 *
 * <p>In {@code mvn verify} this replays its seeds (one frame of every message type, the method
 * source) and {@code FrameCodecFuzzTestInputs/read/} (crashes found, kept as regression inputs).
 * With {@code JAZZER_FUZZ=1} it fuzzes (scripts/fuzz.sh).
 */
class FrameCodecFuzzTest {
    private static final FrameCodec CODEC = new FrameCodec();
    /** heap one read may allocate: the body it declares (capped) parsed by Jackson, plus its share of the input */
    static final long HEAP_BASE = 4L * FrameCodec.MAX_FRAME + (4L << 20);
    static final long HEAP_PER_BYTE = 32;
    /** a read taking longer hangs (fuzzing: libFuzzer's -timeout, set by scripts/fuzz.sh) */
    static final int HANG_SECONDS = 10;

    static Stream<byte[]> frames() {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(4 << 20, 2, 4096), 4096, 0.2, 0, 1.0, Layout.SCATTERED, Content.RANDOM, 5);
        List<Message> messages = List.of(
                new Message.Hello(2, "workbench 0.1.0"),
                new Message.Challenge("00112233445566778899aabbccddeeff"),
                new Message.Proof("ffeeddccbbaa99887766554433221100"),
                new Message.Welcome(2, "workbench 0.1.0"),
                new Message.Busy("serving another client"),
                new Message.TrialParams(3, spec, DupPolicy.ZERO, 32 << 10, Transport.TCP, 0, 1),
                new Message.Ready(3, "tcp:127.0.0.1:40000", "0123456789abcdef"),
                new Message.Done(3),
                new Message.Result(3, "", List.of(new RamDigest.BlockDigest("mem0", 2 << 20, "ab".repeat(32)),
                        new RamDigest.BlockDigest("mem1", 2 << 20, "cd".repeat(32))), 0.25, 4_200_000, 100, 900, Cpu.NONE),
                new Message.Error(ProtocolCode.BAD_FRAME, "control frame length 7 is outside 2..1048576", "is the peer a workbench?"),
                new Message.Bye());
        Stream<byte[]> written = messages.stream().map(FrameCodecFuzzTest::frame);
        // and two frames no workbench writes: a bare JSON value, an unknown type
        return Stream.concat(written, Stream.of(raw("[]"), raw("{\"type\":\"other\",\"x\":1e999}")));
    }

    @MethodSource("frames")
    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) throws Exception {
        Hang.guard("FrameCodec.read", HANG_SECONDS, () -> {
            // a first read also pays for loading (and hooking) classes: only a second one over the bound counts
            long limit = HEAP_BASE + HEAP_PER_BYTE * input.length;
            if (readOnce(input) > limit) {
                Heap.check("FrameCodec.read", limit, readOnce(input), input.length);
            }
        });
    }

    /** Reads one frame from {@code input}, checking the property; returns the heap it allocated. */
    private static long readOnce(byte[] input) {
        long heapBefore = Heap.allocated();
        try {
            Message m = CODEC.read(new ByteArrayInputStream(input));
            if (m == null) {
                throw new AssertionError("FrameCodec.read returned null");
            }
        } catch (ProtocolException | EOFException expected) {
            // a clear refusal, or the peer closed between frames
        } catch (IOException e) {
            throw new AssertionError("FrameCodec.read threw " + e.getClass().getName()
                    + " (only ProtocolException or EOFException are allowed): " + e.getMessage(), e);
        }
        return Heap.since(heapBefore);
    }

    private static byte[] frame(Message m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CODEC.write(out, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] raw(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }
}
