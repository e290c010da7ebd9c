package workbench.harness.stream;

import workbench.harness.io.PageRecords;
import workbench.harness.io.PageRuns;

/** Constants of the QEMU 7.2 migration stream (qemu-stream-format.md §1–2). */
public final class StreamFormat {
    private StreamFormat() {
    }

    public static final int MAGIC = 0x5145564d; // "QEVM"
    public static final int VERSION = 3;
    public static final int OBSOLETE_VERSION = 2;

    // section types
    public static final int EOF = 0x00;
    public static final int SECTION_START = 0x01;
    public static final int SECTION_PART = 0x02;
    public static final int SECTION_END = 0x03;
    public static final int SECTION_FULL = 0x04;
    public static final int SUBSECTION = 0x05;
    public static final int VMDESCRIPTION = 0x06;
    public static final int CONFIGURATION = 0x07;
    public static final int COMMAND = 0x08;
    public static final int SECTION_FOOTER = 0x7e;

    // RAM record flags, in the low bits of the be64 offset word
    public static final long RAM_FULL = 0x01;
    public static final long RAM_ZERO = PageRecords.ZERO;
    public static final long RAM_MEM_SIZE = 0x04;
    public static final long RAM_PAGE = PageRecords.PAGE;
    public static final long RAM_EOS = 0x10;
    public static final long RAM_CONTINUE = PageRecords.CONTINUE;
    public static final long RAM_XBZRLE = 0x40;
    public static final long RAM_HOOK = 0x80;
    public static final long RAM_COMPRESS_PAGE = 0x100;

    /** RUN: the workbench's page-run record, only in a stream announcing {@link PageRuns#CAPABILITY} */
    public static final long RAM_RUN = PageRuns.RUN;

    /** the CONFIGURATION subsection listing migration capabilities (QEMU's vmstate_capabilites, version 1) */
    public static final String CAPABILITIES_SUBSECTION = "configuration/capabilities";

    public static final String RAM_IDSTR = "ram";
    public static final int RAM_VERSION = 4;
    /** TARGET_PAGE_BITS on x86: flags live in the low 12 bits */
    public static final long FLAG_MASK = 0xfff;
}
