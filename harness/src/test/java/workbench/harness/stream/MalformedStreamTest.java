package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static workbench.harness.stream.StreamFormat.*;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workbench.workloads.ram.BlockSpec;
import workbench.workloads.ram.GuestRam;

/**
 * One case per violation: a fixture or a hand-made stream, mutated, must fail with a
 * {@link StreamFormatException} at the right offset, naming what was expected and what was found.
 * Offsets in the 16 MiB fixture follow the annotated hex of qemu-stream-format.md §2.
 */
class MalformedStreamTest {
    private static final String M16 = Fixtures.MIXED_16M;
    private static final int PAGE = StreamDecoder.PAGE_SIZE;

    record Case(String name, Supplier<byte[]> stream, RamTarget target, long offset, String expected, String found) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("bad magic", () -> patch(M16, 0, 'X'), 0, "magic 0x5145564d", "0x5845564d"),
                c("version 2 is obsolete", () -> patch32(M16, 4, 2), 4, "version 3", "version 2 (SaveVM v2 format is obsolete)"),
                c("version 4 is rejected", () -> patch32(M16, 4, 4), 4, "version 3", "version 4 (unknown)"),
                c("configuration missing", () -> crafted().be32(MAGIC).be32(VERSION).sectionHeader(SECTION_START, 2, "ram", 0, 4).bytes(),
                        8, "CONFIGURATION section (0x07)", "0x01 (SECTION_START)"),
                c("configuration name too long", () -> crafted().be32(MAGIC).be32(VERSION).u8(CONFIGURATION).be32(100_000).bytes(),
                        9, "at most 256 bytes", "length 100000"),
                c("capabilities subsection", () -> crafted().be32(MAGIC).be32(VERSION).u8(CONFIGURATION).be32(4).raw("none")
                        .u8(SUBSECTION).idstr("configuration/capabilities").be32(1).be32(1).idstr("x-ignore-shared").bytes(),
                        0x11, "no migration capabilities", "[x-ignore-shared]"),
                c("target-page-bits other than 12", () -> crafted().be32(MAGIC).be32(VERSION).u8(CONFIGURATION).be32(4).raw("none")
                        .u8(SUBSECTION).idstr("configuration/target-page-bits").be32(1).be32(16).bytes(),
                        0x11, "target-page-bits 12", "target-page-bits 16"),
                c("unknown configuration subsection", () -> crafted().be32(MAGIC).be32(VERSION).u8(CONFIGURATION).be32(4).raw("none")
                        .u8(SUBSECTION).idstr("configuration/other").be32(1).bytes(),
                        0x11, "configuration/{target-page-bits", "'configuration/other'"),
                c("unknown section type", () -> patch(M16, 0x89fda, 0x09), 0x89fda, "a section type", "0x09 (unknown section type)"),
                c("COMMAND section is unsupported", () -> patch(M16, 0x89fda, 0x08), 0x89fda, "a section type", "0x08 (COMMAND): postcopy"),
                c("a subsection byte at section level", () -> patch(M16, 0x89fda, 0x05), 0x89fda, "a section type", "0x05 (SUBSECTION)"),
                c("RAM flag FULL", () -> patch64(M16, 0x1056, 0x1029), 0x1056, "RAM flags", "unsupported RAM flag FULL (0x1)"),
                c("RAM flag XBZRLE", () -> patch64(M16, 0x1056, 0x1068), 0x1056, "RAM flags", "unsupported RAM flag XBZRLE (0x40)"),
                c("RAM flag HOOK", () -> patch64(M16, 0x1056, 0x10a8), 0x1056, "RAM flags", "unsupported RAM flag HOOK (0x80)"),
                c("RAM flag COMPRESS_PAGE", () -> patch64(M16, 0x1056, 0x1128), 0x1056, "RAM flags", "unsupported RAM flag COMPRESS_PAGE (0x100)"),
                c("unknown RAM flag 0x200 (MULTIFD_FLUSH of 8.0)", () -> patch64(M16, 0x1056, 0x1228), 0x1056, "RAM flags",
                        "unknown RAM flag bits 0x200 in word 0x0000000000001228"),
                c("offset not page-aligned", () -> patch64(M16, 0x1056, 0x1828), 0x1056, "offsets are 4 KiB-aligned",
                        "unknown RAM flag bits 0x800 in word 0x0000000000001828 (not page-aligned"),
                c("ZERO and PAGE together", () -> patch64(M16, 0x1056, 0x102a), 0x1056, "one of ZERO, PAGE, MEM_SIZE or EOS",
                        "the flag combination 0x2a"),
                c("EOS with an offset", () -> patch64(M16, 0x89fcd, 0x1010), 0x89fcd, "EOS as the word", "0x0000000000001010"),
                c("unknown block", () -> patch(M16, 0x55, 'X'), 0x49, "a block of the stream's list [mem0 (0x1000000 bytes)]",
                        "unknown block 'memX'"),
                c("offset outside its block", () -> patch64(M16, 0x1056, 0x1000028), 0x1056, "an offset inside block mem0 (length 0x1000000)",
                        "offset 0x1000000"),
                c("CONTINUE on the first page record", () -> StreamBytes.ramSetup("mem0", 4).part(SECTION_PART, 2).zero(0, null, 0).bytes(),
                        0x49, "a block idstr (no CONTINUE)", "CONTINUE in word 0x0000000000000022"),
                c("MEM_SIZE total above the block list", () -> patch64(M16, 0x22, 0x2000004), 0x37, "the block list [mem0 (0x1000000 bytes)] has "
                        + "0x1000000 of the MEM_SIZE total 0x2000000", "length 0"),
                c("MEM_SIZE total below the block list", () -> patch64(M16, 0x22, 0x800004), 0x2a, "adding up to the MEM_SIZE total 0x800000",
                        "blocks [mem0 (0x1000000 bytes)] exceeding it"),
                c("MEM_SIZE total 0", () -> patch64(M16, 0x22, 0x4), 0x22, "a MEM_SIZE total of at least one page", "total 0"),
                c("zero-length block name", () -> memSize(8 * PAGE).u8(0).be64(8 * PAGE).bytes(), 0x2a, "a block idstr of 1..255 bytes", "length 0"),
                c("block name with NUL", () -> memSize(8 * PAGE).idstr("me\0m").be64(8 * PAGE).bytes(), 0x2a, "without NUL bytes", "'me\\x00m'"),
                c("block name not UTF-8", () -> memSize(8 * PAGE).u8(2).u8(0xc3).u8(0x28).be64(8 * PAGE).bytes(), 0x2a, "in UTF-8", "'\\xc3('"),
                c("duplicate block names", () -> memSize(8 * PAGE).idstr("a").be64(4 * PAGE).idstr("a").be64(4 * PAGE).bytes(),
                        0x2a + 10, "distinct block names", "a second block 'a'"),
                c("block length not a page multiple", () -> memSize(8 * PAGE).idstr("a").be64(100).bytes(), 0x2a,
                        "a positive multiple of 4096", "0x64"),
                c("first START record not MEM_SIZE", () -> StreamBytes.header().sectionHeader(SECTION_START, 2, "ram", 0, 4)
                        .zero(0, "mem0", 0).bytes(), 0x22, "the MEM_SIZE setup record", "word 0x0000000000000002"),
                c("MEM_SIZE in a PART", () -> StreamBytes.ramSetup("mem0", 4).part(SECTION_PART, 2).be64(4L * PAGE | RAM_MEM_SIZE).bytes(),
                        0x49, "one MEM_SIZE record", "MEM_SIZE in a SECTION_PART/END"),
                c("a second MEM_SIZE in START", () -> memSize(4 * PAGE).idstr("mem0").be64(4 * PAGE).be64(4L * PAGE | RAM_MEM_SIZE).bytes(),
                        0x37, "one MEM_SIZE record", "a second MEM_SIZE record"),
                c("ram section version 3", () -> patch32(M16, 0x1e, 3), 0x11, "instance 0, version 4", "version 3"),
                c("ram section instance 1", () -> patch32(M16, 0x1a, 1), 0x11, "instance 0, version 4", "instance 1"),
                c("ram in a FULL section", () -> patch(M16, 0x11, SECTION_FULL), 0x11, "SECTION_START, instance 0, version 4", "ram in a SECTION_FULL"),
                c("a second ram section", () -> StreamBytes.ramSetup("mem0", 4).sectionHeader(SECTION_START, 3, "ram", 0, 4).bytes(),
                        0x44, "one ram section", "a second ram section"),
                c("section id used twice", () -> StreamBytes.ramSetup("mem0", 4).sectionHeader(SECTION_FULL, 2, "timer", 0, 2).bytes(),
                        0x44, "a section id not used by an earlier START/FULL", "id 2 again, for 'timer'"),
                c("zero-length section idstr", () -> StreamBytes.ramSetup("mem0", 4).u8(SECTION_FULL).be32(5).u8(0).bytes(),
                        0x44, "a section idstr of 1..255 bytes", "length 0"),
                c("PART for a section never started", () -> patch32(M16, 0x45, 7), 0x44, "the id of a started section [2]",
                        "0x02 (SECTION_PART) for section id 7, never started"),
                c("END for a section never started", () -> patch32(M16, 0x89fdb, 9), 0x89fda, "the id of a started section [2]",
                        "0x03 (SECTION_END) for section id 9, never started"),
                c("PART after END", () -> StreamBytes.ramSetup("mem0", 4).part(SECTION_END, 2).be64(RAM_EOS).footer(2)
                        .part(SECTION_PART, 2).bytes(), 0x56, "the id of a started section []", "which is not open (ended, or FULL)"),
                c("PART for a FULL section", () -> StreamBytes.ramSetup("mem0", 4).sectionHeader(SECTION_FULL, 0, "timer", 0, 2)
                        .raw(new byte[24]).footer(0).part(SECTION_PART, 0).bytes(), 0x44 + 19 + 24 + 5, "the id of a started section [2]",
                        "0x02 (SECTION_PART) for section id 0, which is not open"),
                c("missing footer", () -> patch(M16, 0x3f, 0x00), 0x3f, "the section footer 0x7e + be32 2 of 'ram'", "0x00 (missing footer)"),
                c("footer with the wrong id", () -> patch32(M16, 0x40, 3), 0x3f, "the section footer 0x7e + be32 2 of 'ram'", "a footer for id 3"),
                c("missing footer after the 24-byte timer", () -> patch(M16, 0x8a017, 0x04), 0x8a017, "the section footer 0x7e + be32 0 of 'timer'",
                        "0x04 (missing footer)"),
                c("EOF before any ram section", () -> StreamBytes.header().u8(EOF).bytes(), 0x11, "a ram section with its MEM_SIZE setup", "QEMU_VM_EOF"),
                c("garbage after EOF", () -> patch(M16, 0x8a0a3, 0x05), 0x8a0a3, "VMDESCRIPTION (0x06) or the end of the stream",
                        "0x05 (SUBSECTION)"),
                c("bytes after the vmdesc", () -> append(Fixtures.bytes(M16), 0x00), 565_902, "the end of the stream after the vmdesc", "byte 0x00"),
                c("receiver RAM of another layout", () -> Fixtures.bytes(M16),
                        RamTarget.existing(GuestRam.allocate(List.of(new BlockSpec("mem0", 32 << 20)), PAGE)), 0x22,
                        "the receiver's RAM block list [mem0 (0x2000000 bytes)]", "the stream's block list [mem0 (0x1000000 bytes)]"),
                c("receiver RAM with other names", () -> Fixtures.bytes(M16),
                        RamTarget.existing(GuestRam.allocate(List.of(new BlockSpec("ram", 16 << 20)), PAGE)), 0x22,
                        "[ram (0x1000000 bytes)]", "[mem0 (0x1000000 bytes)]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void violationIsReportedPrecisely(Case c) {
        StreamFormatException e = catchThrowableOfType(StreamFormatException.class,
                () -> Fixtures.decode(c.stream().get(), c.target()));

        assertThat(e).as(c.name()).isNotNull();
        assertThat(e.offset()).as("offset of: " + e.getMessage()).isEqualTo(c.offset());
        assertThat(e.expected()).as("expected of: " + e.getMessage()).contains(c.expected());
        assertThat(e.found()).as("found of: " + e.getMessage()).contains(c.found());
        assertThat(e.getMessage()).contains("offset " + c.offset(), c.expected(), c.found());
    }

    /** Every cut of a stream fails at the cut, saying what it was reading; the one cut that leaves a valid stream is the vmdesc's. */
    @Test
    void truncationAnywhereIsReportedAtTheEndOfTheStream() {
        byte[] full = Fixtures.bytes(M16);
        int[] cuts = {0, 1, 3, 4, 7, 8, 9, 0x10, 0x11, 0x15, 0x22, 0x29, 0x2a, 0x2e, 0x36, 0x37, 0x3f, 0x42, 0x44, 0x49, 0x51,
                0x52, 0x56, 0x57, 0x1055, 0x1056, 0x105d, 0x306e, 0x89fcd, 0x89fda, 0x89fec, 0x89ff5, 0x8a000, 0x8a01c, 0x8a09d,
                0x8a0a2, 0x8a0a4, 0x8a0a7, 0x8a0a8, full.length - 1};
        for (int cut : cuts) {
            byte[] stream = java.util.Arrays.copyOf(full, cut);
            StreamFormatException e = catchThrowableOfType(StreamFormatException.class,
                    () -> Fixtures.decode(stream, Fixtures.allocating()));
            assertThat(e).as("cut at %d", cut).isNotNull();
            assertThat(e.offset()).as("cut at %d: %s", cut, e.getMessage()).isEqualTo(cut);
            assertThat(e.found()).isEqualTo("the end of the stream");
            assertThat(e.expected()).as("cut at %d", cut).matches(".+ \\(from offset \\d+\\)");
        }
        assertThat(Fixtures.bytes(M16)[0x8a0a2]).isEqualTo((byte) EOF);
    }

    @Test
    void truncationNamesTheItem() {
        StreamFormatException page = catchThrowableOfType(StreamFormatException.class,
                () -> Fixtures.decode(java.util.Arrays.copyOf(Fixtures.bytes(M16), 0x100), Fixtures.allocating()));
        assertThat(page.expected()).isEqualTo("the 4096 bytes of a PAGE record (from offset 86)");

        byte[] pc = Fixtures.bytes(Fixtures.PC_32M);
        StreamFormatException device = catchThrowableOfType(StreamFormatException.class,
                () -> Fixtures.decode(java.util.Arrays.copyOf(pc, 0x4a700), Fixtures.allocating()));
        assertThat(device.offset()).isEqualTo(0x4a700);
        assertThat(device.expected()).startsWith("the body of device section 5 'cpu' up to its footer (0x7e + be32 5)");
    }

    /** A device footer that never comes is searched for to the end of the stream, then reported. */
    @Test
    void unknownDeviceWithoutItsFooterFails() {
        byte[] pc = Fixtures.bytes(Fixtures.PC_32M);
        int cpuFooter = 0x4a5e7 + 1 + 4 + 1 + 3 + 8 + 1851; // header of FULL id 5 'cpu', then its 1851-byte body
        assertThat(pc[cpuFooter]).isEqualTo((byte) SECTION_FOOTER);
        pc[cpuFooter + 4] = 6;

        StreamFormatException e = catchThrowableOfType(StreamFormatException.class, () -> Fixtures.decode(pc, Fixtures.allocating()));

        assertThat(e.offset()).isEqualTo(pc.length);
        assertThat(e.expected()).contains("device section 5 'cpu'");
        assertThat(e.found()).isEqualTo("the end of the stream");
    }

    private static Arguments c(String name, Supplier<byte[]> stream, long offset, String expected, String found) {
        return c(name, stream, Fixtures.allocating(), offset, expected, found);
    }

    private static Arguments c(String name, Supplier<byte[]> stream, RamTarget target, long offset, String expected, String found) {
        return Arguments.of(new Case(name, stream, target, offset, expected, found));
    }

    private static StreamBytes crafted() {
        return new StreamBytes();
    }

    /** header, ram START header and a MEM_SIZE record: the block list comes next, at 0x2a */
    private static StreamBytes memSize(long total) {
        return StreamBytes.header().sectionHeader(SECTION_START, 2, "ram", 0, 4).be64(total | RAM_MEM_SIZE);
    }

    private static byte[] patch(String fixture, int at, int value) {
        byte[] b = Fixtures.bytes(fixture);
        b[at] = (byte) value;
        return b;
    }

    private static byte[] patch32(String fixture, int at, int value) {
        byte[] b = Fixtures.bytes(fixture);
        Fixtures.putBe32(b, at, value);
        return b;
    }

    private static byte[] patch64(String fixture, int at, long value) {
        byte[] b = Fixtures.bytes(fixture);
        Fixtures.putBe64(b, at, value);
        return b;
    }

    private static byte[] append(byte[] b, int value) {
        byte[] out = java.util.Arrays.copyOf(b, b.length + 1);
        out[b.length] = (byte) value;
        return out;
    }
}
