package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static workbench.harness.stream.StreamFormat.*;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streams that declare more than they hold (issue 10, defect 6): each must fail quickly, with a
 * short message naming the first offending item at its offset, having allocated no more than the
 * decoder's RAM limit allows. What each did before the fix is in its name's comment.
 */
class HostileStreamTest {
    private static final int PAGE = StreamDecoder.PAGE_SIZE;
    /** the RAM limit of these cases */
    private static final long LIMIT = 64L << 20;
    /** the longest message a hostile stream may produce */
    private static final int MAX_MESSAGE = 320;

    record Case(String name, Supplier<byte[]> stream, long offset, String expected, String found) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // before: GuestRam.allocate of 4 TiB (an IllegalStateException from the backing, or an allocation of it all)
                c("MEM_SIZE of 4 TiB in a tiny stream", () -> memSize(4L << 40).idstr("mem0").be64(4L << 40).be64(RAM_EOS).footer(2).bytes(),
                        0x22, "a MEM_SIZE total of at most 0x4000000 (64 MiB) (the decoder's RAM limit, --max-ram)", "total 0x40000000000 (4 TiB)"),
                // before: refused only by the backing's room check, after reading the block list
                c("MEM_SIZE just over the limit", () -> memSize(LIMIT + PAGE).idstr("mem0").be64(LIMIT + PAGE).bytes(),
                        0x22, "at most 0x4000000 (64 MiB)", "total 0x4001000 (64 MiB)"),
                c("MEM_SIZE with bit 63 set", () -> memSize(0x8000000000000000L).bytes(), 0x22, "at most 0x4000000", "total 0x8000000000000000 (8 EiB)"),
                // before: the whole list in the message
                c("block lengths summing past the total", () -> blocks(LIMIT, 5, PAGE).idstr("big").be64(LIMIT).bytes(), 0x2a + 5 * 11,
                        "adding up to the MEM_SIZE total 0x4000000", "… 6 blocks in all] exceeding it at block big (0x4000000 bytes)"),
                // before: sum wrapped negative and was caught, naming every block
                c("block lengths whose sum overflows", () -> blocks(LIMIT, 1, PAGE).idstr("huge").be64(0x7ffffffffffff000L).bytes(), 0x2a + 11,
                        "adding up to the MEM_SIZE total 0x4000000", "exceeding it"),
                // before: a 1025th..16384th block, each a direct buffer (or a /dev/shm file), and a quadratic duplicate check
                c("more than 1024 blocks", () -> blocks(LIMIT, 1024, PAGE).bytes(), 0x2a + 10 * 11 + 90 * 12 + 900 * 13 + 24 * 14,
                        "a block list of at most 1024 blocks", "a block 1025"),
                // before: accepted, and the page written to page 0 (offset / 4096 cast to int is 0)
                c("page offset with bit 63 set", () -> StreamBytes.ramSetup("mem0", 4).part(SECTION_PART, 2)
                        .be64(0x8000000000000000L | RAM_ZERO).idstr("mem0").u8(0).be64(RAM_EOS).footer(2).bytes(),
                        0x49, "an offset inside block mem0 (length 0x4000)", "offset 0x8000000000000000"),
                // before: accepted (any bytes passed as the vmdesc)
                c("vmdesc that is not a JSON object", () -> StreamBytes.ramSetup("mem0", 1).u8(EOF).u8(VMDESCRIPTION).be32(4).raw("abcd").bytes(),
                        0x4a, "a vmdesc JSON object ('{' ... '}')", "length 4, first byte 0x61, last byte 0x64"),
                c("empty vmdesc", () -> StreamBytes.ramSetup("mem0", 1).u8(EOF).u8(VMDESCRIPTION).be32(0).bytes(),
                        0x4a, "a vmdesc JSON object", "length 0"),
                // before: a 64 KiB error line (64 capabilities of 255 bytes, each byte as \xNN)
                c("capabilities of 255 unprintable bytes", () -> capabilities(64), 0x11, "no migration capabilities", "unsupported capabilities [\\xff"),
                // before: an error line listing every open section id
                c("PART for an unknown id among 20000 open sections", HostileStreamTest::manyOpenSections, 0x44 + 20_000L * 20 + 18,
                        "the id of a started section [0, 1, 2, 3, 4, … 20001 open]", "0x02 (SECTION_PART) for section id 77777, never started"),
                // before: the 255-byte idstr (as 1020 characters of \xNN) named twice
                c("unknown block of 255 unprintable bytes", () -> StreamBytes.ramSetup("mem0", 4).part(SECTION_PART, 2)
                        .be64(RAM_ZERO).u8(255).raw(filled(255, 0xff)).u8(0).bytes(), 0x49, "a block of the stream's list", "unknown block '\\xff\\xff"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileStreamFailsFastAndShort(Case c) {
        byte[] stream = c.stream().get();
        StreamFormatException e = catchThrowableOfType(StreamFormatException.class,
                () -> Fixtures.decode(stream, RamTarget.allocating(PAGE, LIMIT)));
        assertThat(e).as(c.name()).isNotNull();
        assertThat(e.getMessage().length()).as(e.getMessage()).isLessThanOrEqualTo(MAX_MESSAGE);
        assertThat(e.offset()).as("offset of: " + e.getMessage()).isEqualTo(c.offset());
        assertThat(e.expected()).as("expected of: " + e.getMessage()).contains(c.expected());
        assertThat(e.found()).as("found of: " + e.getMessage()).contains(c.found());
    }

    @Test
    void aRefusalAboveTheLimitIsARamRefusal() {
        byte[] stream = memSize(4L << 40).idstr("mem0").be64(4L << 40).bytes();
        StreamFormatException e = catchThrowableOfType(StreamFormatException.class,
                () -> Fixtures.decode(stream, RamTarget.allocating(PAGE, LIMIT)));
        assertThat(e).isInstanceOf(RamRefusedException.class);
        assertThat(((RamRefusedException) e).environment()).isFalse();
    }

    /** A stream of 1,023 blocks and a record naming the last block 100,000 times: linear, so well under the timeout. */
    @Test
    void namedRecordsAgainstManyBlocksAreLinear() {
        StreamBytes s = blocks(1023L * PAGE, 1023, PAGE).be64(RAM_EOS).footer(2).part(SECTION_PART, 2);
        for (int i = 0; i < 100_000; i++) {
            s.be64(RAM_ZERO).idstr("b1022").u8(0);
        }
        byte[] stream = s.be64(RAM_EOS).footer(2).end().bytes();
        assertThatCode(() -> {
            long t = System.nanoTime();
            Decoded d = Fixtures.decode(stream, RamTarget.allocating(PAGE, LIMIT));
            assertThat(d.records().zero()).isEqualTo(100_000);
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(5));
        }).doesNotThrowAnyException();
    }

    /** A device body without a footer is searched for 16 MiB at most, in linear time. */
    @Test
    void aDeviceBodyWithoutAFooterStopsAtTheBound() {
        byte[] body = filled((int) DeviceSkipper.MAX_BODY + 100, 0x7e); // every byte a footer's first byte
        byte[] stream = StreamBytes.ramSetup("mem0", 1).sectionHeader(SECTION_FULL, 0x7e7e7e7e, "dev", 0, 1).raw(body).bytes();
        long t = System.nanoTime();
        StreamFormatException e = catchThrowableOfType(StreamFormatException.class,
                () -> Fixtures.decode(stream, RamTarget.allocating(PAGE, LIMIT)));
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(10));
        assertThat(e.expected()).contains("within 16777216 bytes");
        assertThat(e.getMessage().length()).isLessThanOrEqualTo(MAX_MESSAGE);
    }

    @Test
    void theDefaultLimitIsBetween1And8GiB() {
        assertThat(RamTarget.defaultLimit()).isBetween(1L << 30, 8L << 30);
    }

    private static Arguments c(String name, Supplier<byte[]> stream, long offset, String expected, String found) {
        return Arguments.of(new Case(name, stream, offset, expected, found));
    }

    /** header, ram START header and a MEM_SIZE record: the block list comes next, at 0x2a */
    private static StreamBytes memSize(long total) {
        return StreamBytes.header().sectionHeader(SECTION_START, 2, "ram", 0, 4).be64(total | RAM_MEM_SIZE);
    }

    /** MEM_SIZE {@code total}, then {@code n} blocks "b0".."b{n-1}" of {@code length} each */
    private static StreamBytes blocks(long total, int n, long length) {
        StreamBytes s = memSize(total);
        for (int i = 0; i < n; i++) {
            s.idstr("b" + i).be64(length);
        }
        return s;
    }

    private static byte[] capabilities(int n) {
        StreamBytes s = StreamBytes.header().u8(SUBSECTION).idstr("configuration/capabilities").be32(1).be32(n);
        for (int i = 0; i < n; i++) {
            s.u8(255).raw(filled(255, 0xff));
        }
        return s.bytes();
    }

    /** 20,000 device STARTs left open besides ram's id 2, a ram PART, then a PART for an id never started */
    private static byte[] manyOpenSections() {
        StreamBytes s = StreamBytes.ramSetup("mem0", 1);
        for (int id = 0; id < 20_000 + 1; id++) {
            if (id != 2) {
                s.sectionHeader(SECTION_START, id, "d", 0, 1).footer(id);
            }
        }
        return s.part(SECTION_PART, 2).be64(RAM_EOS).footer(2).part(SECTION_PART, 77777).bytes();
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
