package workbench.harness.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import workbench.harness.io.BufferedSource;
import workbench.harness.stream.Decoded;
import workbench.harness.stream.RamTarget;
import workbench.harness.stream.StreamDecoder;
import workbench.harness.stream.StreamFormatException;
import workbench.workloads.ram.BlockSpec;
import workbench.workloads.ram.GuestRam;

/**
 * Fuzzes the stream decoder: any input ends in decoded RAM or one {@link StreamFormatException}
 * (a truncation included) with a short message and an offset inside the input; no other exception,
 * no hang (the timeout), no RAM beyond what the stream declares and the receiver allows
 * ({@link #ALLOWED_RAM}), and no heap beyond a bound linear in the input.
 *
 * <p>In {@code mvn verify} this replays its inputs: the three QEMU 7.2 fixtures of the stream tests
 * (the method source), and {@code StreamDecoderFuzzTestInputs/decode/} under the test resources:
 * small streams of our own ({@code own-*}), QEMU fixtures cut down to their skeletons
 * ({@code qemu72-*}) and every crash fuzzing found (kept as a regression input). With
 * {@code JAZZER_FUZZ=1} it fuzzes (scripts/fuzz.sh).
 */
class StreamDecoderFuzzTest {
    /** what the fuzzed receiver allows (as decode --max-ram / serve --max-ram would) */
    static final long ALLOWED_RAM = 64L << 20;
    /** the longest error message accepted: one offending item, not all of them */
    static final int MAX_MESSAGE = 4096;
    /** heap a decode may allocate besides its input-proportional share */
    static final long HEAP_BASE = 8L << 20;
    /** heap per input byte a decode may allocate */
    static final long HEAP_PER_BYTE = 16;
    /** a decode taking longer hangs (fuzzing: libFuzzer's -timeout, set by scripts/fuzz.sh) */
    static final int HANG_SECONDS = 20;

    private static final String FIXTURES = "/workbench/harness/stream/qemu72/";

    static Stream<byte[]> qemuFixtures() {
        return Stream.of("qemu72-none-16m-mixed.bin", "qemu72-none-32m-mixed-parts.bin", "qemu72-pc-32m-sparse.bin")
                .map(StreamDecoderFuzzTest::resource);
    }

    @MethodSource("qemuFixtures")
    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) throws Exception {
        Hang.guard("StreamDecoder.decode", HANG_SECONDS, () -> {
            // a first decode also pays for loading (and hooking) classes: only a second one over the bound counts
            long limit = HEAP_BASE + HEAP_PER_BYTE * input.length;
            if (decodeOnce(input) > limit) {
                Heap.check("StreamDecoder.decode", limit, decodeOnce(input), input.length);
            }
        });
    }

    /** Decodes {@code input} once, checking the property; returns the heap it allocated. */
    private static long decodeOnce(byte[] input) throws IOException {
        BoundedTarget target = new BoundedTarget();
        long heapBefore = Heap.allocated();
        try {
            Decoded decoded = new StreamDecoder(new BufferedSource(Channels.newChannel(new ByteArrayInputStream(input)), 5000),
                    target).decode();
            if (decoded.ram() != target.ram) {
                throw new AssertionError("decoded RAM is not the RAM the target handed out");
            }
            if (decoded.bytes() != input.length) {
                throw new AssertionError("decoded " + decoded.bytes() + " of " + input.length + " bytes and called it a stream");
            }
        } catch (StreamFormatException e) {
            String message = e.getMessage();
            if (message == null || message.isBlank()) {
                throw new AssertionError("a StreamFormatException without a message", e);
            }
            if (message.length() > MAX_MESSAGE) {
                throw new AssertionError("an error message of " + message.length() + " characters (at most " + MAX_MESSAGE
                        + "): " + message.substring(0, 300) + "…", e);
            }
            if (e.offset() < 0 || e.offset() > input.length) {
                throw new AssertionError("error offset " + e.offset() + " outside the " + input.length + "-byte input: " + message, e);
            }
        }
        return Heap.since(heapBefore);
    }

    /**
     * Allocates what the stream declares, up to {@link #ALLOWED_RAM}, and refuses more. The last
     * RAM is reused for the same block list (what lands in it is not checked here), so fuzzing
     * mutants of one stream costs no allocation each.
     */
    private static final class BoundedTarget implements RamTarget {
        private static List<BlockSpec> lastBlocks;
        private static GuestRam lastRam;
        private GuestRam ram;

        @Override
        public GuestRam onBlockList(List<BlockSpec> blocks) throws StreamFormatException {
            if (ram != null) {
                throw new AssertionError("the decoder asked for RAM twice");
            }
            long total = 0;
            for (BlockSpec b : blocks) {
                if (b.length() <= 0 || b.length() % StreamDecoder.PAGE_SIZE != 0) {
                    throw new AssertionError("the decoder passed an unchecked block length " + b.length() + " of " + b.name());
                }
                total += b.length();
                if (total < 0 || total > ALLOWED_RAM) {
                    throw new StreamFormatException(-1, "a guest of at most " + ALLOWED_RAM + " bytes (the fuzz receiver's limit)",
                            "blocks of more");
                }
            }
            synchronized (BoundedTarget.class) {
                if (!blocks.equals(lastBlocks)) {
                    if (lastRam != null) {
                        lastRam.close();
                    }
                    lastRam = GuestRam.allocate(List.copyOf(blocks), StreamDecoder.PAGE_SIZE);
                    lastBlocks = List.copyOf(blocks);
                }
                ram = lastRam;
            }
            return ram;
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = StreamDecoderFuzzTest.class.getResourceAsStream(FIXTURES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + FIXTURES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
