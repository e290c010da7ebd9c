package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.harness.stream.FixtureShape;

/** workbench decode on real QEMU streams, our own, and broken ones. */
class DecodeCommandIT {
    private static final String FIXTURES = "/workbench/harness/stream/qemu72/";
    @TempDir
    Path tmp;

    private Path fixture(String name) throws Exception {
        Path file = tmp.resolve(name);
        try (InputStream in = DecodeCommandIT.class.getResourceAsStream(FIXTURES + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void jsonIsExpectedJsonsObjectForEachRealStream() throws Exception {
        JsonNode expected;
        try (InputStream in = DecodeCommandIT.class.getResourceAsStream(FIXTURES + "expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        for (String name : new String[] {"qemu72-none-16m-mixed.bin", "qemu72-none-32m-mixed-parts.bin", "qemu72-pc-32m-sparse.bin"}) {
            Jar.Ran ran = Jar.run("decode", fixture(name).toString(), "--json");
            assertThat(ran.exit()).as(ran.err()).isZero();
            JsonNode actual = FixtureShape.of(new ObjectMapper().readTree(ran.out()));
            actual.fieldNames().forEachRemaining(k -> assertThat(actual.get(k)).as(name + " " + k).isEqualTo(expected.get(name).get(k)));
            assertThat(actual.size()).isEqualTo(6);
        }
    }

    @Test
    void textNamesSectionsBlocksAndCounts() throws Exception {
        Jar.Ran ran = Jar.run("decode", fixture("qemu72-pc-32m-sparse.bin").toString());
        assertThat(ran.exit()).isZero();
        assertThat(ran.out()).contains("SECTION_START", "pc.bios", "mem0", "6c8db67b10b2414a984f456730cd06b7c23f4250bce49af6056d426bcec5ac33",
                "98649");
    }

    @Test
    void aTruncatedStreamIsOneLineAndExitTwo() throws Exception {
        Path whole = fixture("qemu72-none-16m-mixed.bin");
        Path cut = tmp.resolve("cut.bin");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(whole), 300_000));
        Jar.Ran ran = Jar.run("decode", cut.toString());
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err()).startsWith("workbench: error: ").contains("offset 300000").doesNotContain("Exception");
        assertThat(ran.err().lines().count()).isEqualTo(1);
    }

    /** A 60-byte file declaring 4 TiB of RAM: refused at its MEM_SIZE record in one line, exit 2, nothing allocated. */
    @Test
    void aStreamDeclaringMoreThanMaxRamIsRefusedBeforeAllocating() throws Exception {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64);
        b.putInt(0x5145564d).putInt(3).put((byte) 7).putInt(4).put("none".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put((byte) 1).putInt(2).put((byte) 3).put("ram".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(0).putInt(4);
        b.putLong((4L << 40) | 4).put((byte) 4).put("mem0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putLong(4L << 40);
        Path hostile = tmp.resolve("hostile.bin");
        Files.write(hostile, java.util.Arrays.copyOf(b.array(), b.position()));

        Jar.Ran ran = Jar.run("decode", hostile.toString());
        assertThat(ran.exit()).as(ran.err()).isEqualTo(2);
        assertThat(ran.err()).startsWith("workbench: error: ").contains("offset 34", "--max-ram", "4 TiB").doesNotContain("Exception");
        assertThat(ran.err().lines().count()).isEqualTo(1);
        assertThat(ran.err().length()).isLessThan(500);
    }

    @Test
    void maxRamBelowTheStreamsRamIsExitTwoAndEnoughDecodes() throws Exception {
        Path file = fixture("qemu72-none-16m-mixed.bin");
        Jar.Ran small = Jar.run("decode", file.toString(), "--max-ram", "8M");
        assertThat(small.exit()).as(small.err()).isEqualTo(2);
        assertThat(small.err()).contains("at most 0x800000 (8 MiB)", "total 0x1000000 (16 MiB)", "--max-ram");
        Jar.Ran enough = Jar.run("decode", file.toString(), "--max-ram", "16M");
        assertThat(enough.exit()).as(enough.err()).isZero();
    }
}
