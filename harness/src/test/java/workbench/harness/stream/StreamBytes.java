package workbench.harness.stream;

import static workbench.harness.stream.StreamFormat.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-made streams for the malformed-stream cases: the format's items, one call each. */
final class StreamBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** magic, version 3, CONFIGURATION "none" */
    static StreamBytes header() {
        return new StreamBytes().be32(MAGIC).be32(VERSION).u8(CONFIGURATION).be32(4).raw("none");
    }

    /** header, then a ram START with one block {@code name} of {@code pages} pages, EOS and footer (id 2) */
    static StreamBytes ramSetup(String name, int pages) {
        long len = (long) pages * StreamDecoder.PAGE_SIZE;
        return header().sectionHeader(SECTION_START, 2, "ram", 0, 4)
                .be64(len | RAM_MEM_SIZE).idstr(name).be64(len).be64(RAM_EOS).footer(2);
    }

    StreamBytes u8(int v) {
        out.write(v);
        return this;
    }

    StreamBytes be32(int v) {
        for (int s = 24; s >= 0; s -= 8) {
            out.write(v >>> s);
        }
        return this;
    }

    StreamBytes be64(long v) {
        return be32((int) (v >>> 32)).be32((int) v);
    }

    StreamBytes raw(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8));
    }

    StreamBytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    StreamBytes idstr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u8(b.length).raw(b);
    }

    StreamBytes sectionHeader(int type, int id, String idstr, int instance, int version) {
        return u8(type).be32(id).idstr(idstr).be32(instance).be32(version);
    }

    StreamBytes part(int type, int id) {
        return u8(type).be32(id);
    }

    StreamBytes footer(int id) {
        return u8(SECTION_FOOTER).be32(id);
    }

    StreamBytes zero(long offset, String block, int fill) {
        return block == null ? be64(offset | RAM_ZERO | RAM_CONTINUE).u8(fill) : be64(offset | RAM_ZERO).idstr(block).u8(fill);
    }

    StreamBytes page(long offset, String block, int fill) {
        byte[] page = new byte[StreamDecoder.PAGE_SIZE];
        java.util.Arrays.fill(page, (byte) fill);
        return (block == null ? be64(offset | RAM_PAGE | RAM_CONTINUE) : be64(offset | RAM_PAGE).idstr(block)).raw(page);
    }

    /** EOF and a minimal vmdesc */
    StreamBytes end() {
        byte[] vmdesc = "{\"page_size\": 4096, \"devices\": []}".getBytes(StandardCharsets.US_ASCII);
        return u8(EOF).u8(VMDESCRIPTION).be32(vmdesc.length).raw(vmdesc);
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
