package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static workbench.harness.stream.StreamFormat.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.BlockSpec;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;

/** Streams that are unusual but valid for a 7.2 loader (qemu-stream-format.md §4–5) decode correctly. */
class AcceptedStreamTest {
    private static final int PAGE = StreamDecoder.PAGE_SIZE;

    @Test
    void nonZeroFillFillsThePageAndSingleSectionNoVmdescEmptyMachineName() throws Exception {
        byte[] stream = new StreamBytes().be32(MAGIC).be32(VERSION).u8(CONFIGURATION).be32(0)
                .sectionHeader(SECTION_START, 7, "ram", 0, 4).be64(4L * PAGE | RAM_MEM_SIZE).idstr("mem0").be64(4L * PAGE)
                .zero(3L * PAGE, "mem0", 0xAB).page(PAGE, null, 0x00).zero(0, null, 0).zero(2L * PAGE, null, 0x01)
                .be64(RAM_EOS).footer(7).u8(EOF).bytes();
        GuestRam poisoned = GuestRam.allocate(List.of(new BlockSpec("mem0", 4L * PAGE)), PAGE);
        poisoned.fill((byte) 0xEE);

        Decoded d = Fixtures.decode(stream, RamTarget.existing(poisoned));

        RamBlock mem0 = d.ram().block("mem0");
        assertThat(DupPolicy.UNIFORM.dupFill(mem0.page(0))).isEqualTo(0);
        assertThat(DupPolicy.UNIFORM.dupFill(mem0.page(1))).isEqualTo(0);
        assertThat(DupPolicy.UNIFORM.dupFill(mem0.page(2))).isEqualTo(1);
        assertThat(DupPolicy.UNIFORM.dupFill(mem0.page(3))).isEqualTo(0xAB);
        assertThat(d.records()).isEqualTo(new RecordCounts(3, 2, 1, 1, 1, 0));
        assertThat(d.vmdescLength()).isEqualTo(-1);
        assertThat(d.sections()).extracting(Section::toArray).containsExactly(
                List.of("CONFIGURATION", ""), List.of("SECTION_START", 7L, "ram", 0L, 4L), List.of("EOF"));
    }

    @Test
    void lastBlockCarriesAcrossSectionsAndBlocksSwitch() throws Exception {
        byte[] stream = StreamBytes.header().sectionHeader(SECTION_START, 2, "ram", 0, 4)
                .be64(6L * PAGE | RAM_MEM_SIZE).idstr("big").be64(4L * PAGE).idstr("small").be64(2L * PAGE).be64(RAM_EOS).footer(2)
                .part(SECTION_PART, 2).page(3L * PAGE, "big", 1).be64(RAM_EOS).footer(2)
                .part(SECTION_PART, 2).page(2L * PAGE, null, 2).page(PAGE, "small", 3).be64(RAM_EOS).footer(2)
                .part(SECTION_END, 2).zero(0, null, 4).zero(0, "big", 5).be64(RAM_EOS).footer(2)
                .end().bytes();

        Decoded d = Fixtures.decode(stream, Fixtures.allocating());

        assertThat(fills(d.ram().block("big"))).containsExactly(5, 0, 2, 1);
        assertThat(fills(d.ram().block("small"))).containsExactly(4, 3);
        assertThat(d.records().blockIdstrSent()).isEqualTo(3);
    }

    @Test
    void configurationSubsectionsAndUnknownIterativeSectionsAreSteppedOver() throws Exception {
        byte[] stream = new StreamBytes().be32(MAGIC).be32(VERSION).u8(CONFIGURATION).be32(4).raw("none")
                .u8(SUBSECTION).idstr("configuration/target-page-bits").be32(1).be32(12)
                .u8(SUBSECTION).idstr("configuration/uuid").be32(1).raw(new byte[16])
                .sectionHeader(SECTION_START, 2, "ram", 0, 4).be64(PAGE | RAM_MEM_SIZE).idstr("mem0").be64(PAGE).be64(RAM_EOS).footer(2)
                .sectionHeader(SECTION_START, 3, "block", 0, 1).raw(new byte[] {0x7e, 0, 0, 0, 3, 0x55}).footer(3)
                .part(SECTION_PART, 3).raw(new byte[] {0x7e, 0, 0, 0, 3, 0x02, 0, 0, 0, 9}).footer(3)
                .part(SECTION_PART, 2).page(0, "mem0", 9).be64(RAM_EOS).footer(2)
                .part(SECTION_END, 3).raw(new byte[50]).footer(3)
                .sectionHeader(SECTION_FULL, 4, "timer", 0, 2).raw(new byte[24])
                .u8(SUBSECTION).idstr("timer/icount").be32(1).raw(new byte[16]).footer(4)
                .end().bytes();

        Decoded d = Fixtures.decode(stream, Fixtures.allocating());

        assertThat(d.sections()).extracting(Section::type).containsExactly("CONFIGURATION", "SECTION_START", "SECTION_START",
                "SECTION_PART", "SECTION_PART", "SECTION_END", "SECTION_FULL", "EOF");
        assertThat(((Section.Configuration) d.sections().get(0)).subsections())
                .containsExactly("configuration/target-page-bits", "configuration/uuid");
        assertThat(fills(d.ram().block("mem0"))).containsExactly(9);
    }

    @Test
    void targetsRefuseRamWithOtherPageSizes() {
        assertThatThrownBy(() -> RamTarget.allocating(8192)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4096");
        GuestRam small = GuestRam.allocate(List.of(new BlockSpec("mem0", 8192)), 1024);
        assertThatThrownBy(() -> RamTarget.existing(small)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDecoderDecodesOnce() throws Exception {
        StreamDecoder decoder = Fixtures.decoder(StreamBytes.ramSetup("mem0", 1).end().bytes(), Fixtures.allocating(),
                RamRecordListener.NONE);
        assertThat(decoder.decode().vmdescLength()).isEqualTo("{\"page_size\": 4096, \"devices\": []}".getBytes(StandardCharsets.US_ASCII).length);
        assertThatThrownBy(decoder::decode).isInstanceOf(IllegalStateException.class);
    }

    private static List<Integer> fills(RamBlock block) {
        return java.util.stream.IntStream.range(0, block.pageCount()).mapToObj(p -> DupPolicy.UNIFORM.dupFill(block.page(p))).toList();
    }
}
