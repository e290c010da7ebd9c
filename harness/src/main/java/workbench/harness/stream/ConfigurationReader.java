package workbench.harness.stream;

import static workbench.harness.stream.StreamFormat.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import workbench.harness.io.PageRuns;

/**
 * The CONFIGURATION section (vmstate "configuration"): be32 length + machine type name, then
 * optional subsections (0x05, u8 length, idstr, be32 version, fields). 7.2 knows three:
 * target-page-bits (be32; must be 12 here), capabilities (be32 count + counted strings; any
 * of QEMU's changes the RAM framing, so it is unsupported — only the workbench's own
 * {@link PageRuns#CAPABILITY} is taken, and announces run records) and uuid (16 bytes).
 * No footer follows.
 */
final class ConfigurationReader {
    static final int MAX_NAME = 256;
    private static final String PREFIX = "configuration/";

    private ConfigurationReader() {
    }

    static Section.Configuration read(DecoderInput in, long at) throws IOException, StreamFormatException {
        in.expect("the machine type name of CONFIGURATION (be32 length, bytes)");
        long nameAt = in.offset();
        long len = Integer.toUnsignedLong(in.readBe32());
        if (len > MAX_NAME) {
            throw new StreamFormatException(nameAt, "a machine type name of at most " + MAX_NAME + " bytes", "length " + len);
        }
        byte[] name = in.readBytes((int) len);
        String machine = IdStrings.decode(nameAt, "a machine type name", name, name.length);
        List<String> subsections = new ArrayList<>();
        List<String> capabilities = new ArrayList<>();
        while (in.peekByte() == SUBSECTION) {
            subsections.add(subsection(in, capabilities));
        }
        return new Section.Configuration(at, machine, subsections, capabilities);
    }

    private static String subsection(DecoderInput in, List<String> capabilities) throws IOException, StreamFormatException {
        in.expect("a CONFIGURATION subsection (0x05, u8 length, idstr, be32 version)");
        long at = in.offset();
        in.readByte();
        int len = in.readByte();
        byte[] bytes = in.readBytes(len);
        String idstr = IdStrings.decode(at, "a subsection idstr", bytes, len);
        in.readBe32(); // version: every 7.2 configuration subsection is version 1 and loads any
        in.expect("the fields of subsection " + idstr);
        switch (idstr) {
            case PREFIX + "target-page-bits" -> {
                int bits = in.readBe32();
                if (bits != 12) {
                    throw new StreamFormatException(at, "target-page-bits 12 (4 KiB pages)", "target-page-bits " + bits);
                }
            }
            case CAPABILITIES_SUBSECTION -> capabilities.addAll(capabilities(in, at));
            case PREFIX + "uuid" -> in.skip(16);
            default -> throw new StreamFormatException(at,
                    "a subsection " + PREFIX + "{target-page-bits, capabilities, uuid}", "subsection '" + idstr + "'");
        }
        return idstr;
    }

    /** The listed capabilities: only the workbench's page runs ({@link PageRuns#CAPABILITY}) is taken. */
    private static List<String> capabilities(DecoderInput in, long at) throws IOException, StreamFormatException {
        long count = Integer.toUnsignedLong(in.readBe32());
        List<String> caps = new ArrayList<>();
        for (long i = 0; i < count && i < 64; i++) {
            int len = in.readByte();
            caps.add(IdStrings.printable(in.readBytes(len), len));
        }
        if (count > caps.size() || !caps.stream().allMatch(PageRuns.CAPABILITY::equals)) {
            throw new StreamFormatException(at, "no migration capabilities that change the stream (but the workbench's "
                    + PageRuns.CAPABILITY + ")", "unsupported capabilities " + caps + (count > caps.size() ? " (of " + count + ")" : ""));
        }
        return caps;
    }
}
