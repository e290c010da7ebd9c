package workbench.harness.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import workbench.harness.io.BufferedSource;

/** The real QEMU 7.2 streams under src/test/resources (copied from shared/fixtures/qemu72). */
final class Fixtures {
    static final String MIXED_16M = "qemu72-none-16m-mixed.bin";
    static final String PARTS_32M = "qemu72-none-32m-mixed-parts.bin";
    static final String PC_32M = "qemu72-pc-32m-sparse.bin";
    static final List<String> ALL = List.of(MIXED_16M, PARTS_32M, PC_32M);

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("qemu72/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource qemu72/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.Map<String, byte[]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** A fresh copy of the fixture's bytes (callers mutate it). */
    static byte[] bytes(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                return Files.readAllBytes(path(n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).clone();
    }

    static JsonNode expected(String name) {
        try {
            return new ObjectMapper().readTree(path("expected.json").toFile()).get(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes {@code stream} from memory through a small buffer (so reads straddle refills). */
    static Decoded decode(byte[] stream, RamTarget target) throws IOException, StreamFormatException {
        return decoder(stream, target, RamRecordListener.NONE).decode();
    }

    static StreamDecoder decoder(byte[] stream, RamTarget target, RamRecordListener listener) {
        BufferedSource source = new BufferedSource(Channels.newChannel(new java.io.ByteArrayInputStream(stream)), 5000);
        return new StreamDecoder(source, target, listener);
    }

    static RamTarget allocating() {
        return RamTarget.allocating(StreamDecoder.PAGE_SIZE);
    }

    static int be32(byte[] b, int at) {
        return ByteBuffer.wrap(b).getInt(at);
    }

    static void putBe32(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).putInt(at, v);
    }

    static void putBe64(byte[] b, int at, long v) {
        ByteBuffer.wrap(b).putLong(at, v);
    }
}
