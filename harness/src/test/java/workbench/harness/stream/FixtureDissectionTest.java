package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;
import workbench.workloads.ram.RamDigest;

/** Real QEMU 7.2 streams decode to exactly the facts in expected.json. */
class FixtureDissectionTest {
    static final List<String> FIXTURES = Fixtures.ALL;
    static final List<String> KEYS = List.of("file_size", "file_sha256", "sections", "ram_blocks", "records", "vmdesc_len");

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void dissectionJsonEqualsExpected(String name) throws Exception {
        JsonNode expected = Fixtures.expected(name);
        ObjectNode wanted = ((ObjectNode) expected.deepCopy()).retain(KEYS);

        JsonNode actual = FixtureShape.of(Dissection.of(Fixtures.path(name)).toJsonTree());

        assertThat(actual).isEqualTo(wanted);
        assertThat(wanted.size()).isEqualTo(KEYS.size());
    }

    /** the fixtures whose expected.json lists every non-zero page (the 32 MiB one does not) */
    static final List<String> WITH_PAGE_LIST = List.of("qemu72-none-16m-mixed.bin", "qemu72-pc-32m-sparse.bin");

    @ParameterizedTest
    @FieldSource("WITH_PAGE_LIST")
    void nonZeroPagesOfMem0MatchTheImage(String name) throws Exception {
        JsonNode image = Fixtures.expected(name).get("ram_image");
        assertThat(image.has("nonzero_pages")).as("expected.json lists the pages of " + name).isTrue();
        GuestRam ram = Fixtures.decode(Fixtures.bytes(name), Fixtures.allocating()).ram();
        RamBlock mem0 = ram.block("mem0");
        long nonZero = 0;
        for (int p = 0; p < mem0.pageCount(); p++) {
            JsonNode want = image.get("nonzero_pages").get(Integer.toString(p));
            var page = mem0.page(p);
            int uniform = workbench.workloads.page.DupPolicy.UNIFORM.dupFill(page);
            if (want == null) {
                assertThat(uniform).as("page %d", p).isZero();
                continue;
            }
            nonZero++;
            if (want.has("uniform_byte")) {
                assertThat(uniform).as("page %d", p).isEqualTo(want.get("uniform_byte").asInt());
            } else {
                var md = java.security.MessageDigest.getInstance("SHA-256");
                md.update(page);
                assertThat(java.util.HexFormat.of().formatHex(md.digest())).as("page %d", p).isEqualTo(want.get("sha256").asText());
            }
        }
        assertThat(nonZero).isEqualTo(image.get("nonzero_pages").size());
    }

    @Test
    void receiverPathFillsPoisonedRamCompletely() throws Exception {
        byte[] stream = Fixtures.bytes(Fixtures.MIXED_16M);
        GuestRam poisoned = GuestRam.allocate(List.of(new workbench.workloads.ram.BlockSpec("mem0", 16 << 20)), 4096);
        poisoned.fill((byte) 0xEE);

        Decoded d = Fixtures.decode(stream, RamTarget.existing(poisoned));

        assertThat(d.ram()).isSameAs(poisoned);
        assertThat(RamDigest.sha256(poisoned.block("mem0")))
                .isEqualTo("be6a1d8a2857ca114beea10e2d1e7a0b6c88a24083ce00de82887b09a012bdff");
        assertThat(d.bytes()).isEqualTo(stream.length);
    }

    @Test
    void sectionsCarryOffsetsAndRenderAsArrays() throws Exception {
        Decoded d = Fixtures.decode(Fixtures.bytes(Fixtures.MIXED_16M), Fixtures.allocating());

        assertThat(d.sections()).extracting(Section::offset)
                .containsExactly(0x08L, 0x11L, 0x44L, 0x89fdaL, 0x89fecL, 0x8a01cL, 0x8a0a2L);
        assertThat(d.sections().get(1).toArray()).isEqualTo(List.of("SECTION_START", 2L, "ram", 0L, 4L));
        assertThat(d.vmdescLength()).isEqualTo(486);
    }

    @Test
    void textDissectionNamesEverything() throws Exception {
        String text = Dissection.of(Fixtures.path(Fixtures.PC_32M)).toText();

        assertThat(text).contains("qemu72-pc-32m-sparse.bin", "416042", "085d9735c06632e16d1fec4064eabc100c35cb5aa344d756be594af173b9ded1",
                "SECTION_FULL", "0000:00:01.3/piix4_pm", "globalstate", "machine 'pc-i440fx-7.2'",
                "/rom@etc/acpi/rsdp", "a19923f785b3498bcf36dee3bab8c812bda877b8ccd4bbc87d21ca7807086d6d",
                "ZERO         8266", "PAGE         56 (uniform content: 3)", "block idstr  6 sent", "vmdesc      98649 bytes");
        assertThat(text.lines()).noneMatch(l -> l.endsWith(" "));
    }

    @Test
    void jsonIsCamelCaseAndKeepsTheOffsetsTheTextShows() throws Exception {
        Dissection d = Dissection.of(Fixtures.path(Fixtures.MIXED_16M));
        JsonNode json = d.toJsonTree();

        assertThat(json.fieldNames()).toIterable().containsExactly("fileSize", "fileSha256", "sections", "ramBlocks", "records",
                "vmdescLen");
        assertThat(json.get("ramBlocks").get(0).has("usedLength")).isTrue();
        assertThat(json.get("records").has("zeroNonzeroFill")).isTrue();
        assertThat(json.get("sections").findValues("offset")).extracting(JsonNode::asLong)
                .containsExactly(0x08L, 0x11L, 0x44L, 0x89fdaL, 0x89fecL, 0x8a01cL, 0x8a0a2L);
        JsonNode start = json.get("sections").get(1);
        assertThat(start.toString()).isEqualTo("{\"offset\":17,\"type\":\"SECTION_START\",\"id\":2,\"idstr\":\"ram\","
                + "\"instance\":0,\"version\":4}");
        assertThat(d.toText()).contains("0x00000011 SECTION_START");
    }

    @Test
    void snakeCaseOfTheFixtureNames() {
        assertThat(FixtureShape.snake("fileSha256")).isEqualTo("file_sha256");
        assertThat(FixtureShape.snake("pageWithUniformContent")).isEqualTo("page_with_uniform_content");
        assertThat(FixtureShape.snake("vmdescLen")).isEqualTo("vmdesc_len");
    }

    @Test
    void jsonTextIsTheTree() throws Exception {
        Dissection d = Dissection.of(Fixtures.path(Fixtures.MIXED_16M));
        JsonNode reparsed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.toJson());
        assertThat(reparsed).isEqualTo(d.toJsonTree());
        assertThat(Map.of("keys", reparsed.size())).containsEntry("keys", KEYS.size());
    }
}
