package workbench.harness.io;

import java.io.IOException;

/**
 * The workbench's one extension of the stream, page runs, announced as the migration capability
 * {@value #CAPABILITY} in the CONFIGURATION section (subsection {@code configuration/capabilities},
 * as QEMU writes its own). A run record stands for N consecutive whole pages of one block, so one
 * sendfile carries them all:
 * <pre>
 *   be64  offset of the first page | RUN (0x400) [| CONTINUE]
 *   u8 len, idstr                    the block, unless CONTINUE (as in {@link PageRecords})
 *   be32  N                          pages, at least 1, all inside the block
 *   N × 4096 bytes                   the pages at offset, offset + 4096, …
 * </pre>
 * QEMU cannot read such a stream, and fails clearly at its start: 7.2 answers an unknown capability
 * with "Received unknown capability x-workbench-runs", and a run record that slipped past would meet
 * "Unknown combination of migration flags: 0x400" (0x400 is free in 7.2's 12 flag bits, and QEMU
 * keeps its own flags at or below 0x200). Our decoder reads run records only in a stream that
 * announced them. The pages delivered equal the QEMU stream's; the bytes do not.
 */
public final class PageRuns {
    /** RUN: N whole pages of one block follow (a workbench flag, unused by QEMU) */
    public static final long RUN = 0x400;
    /** the capability a stream with run records announces */
    public static final String CAPABILITY = "x-workbench-runs";

    private PageRuns() {
    }

    /** Frames the head of a run record: {@code pages} pages from {@code first}, whose bytes the caller sends next. */
    public static void writeHeader(StreamSink out, PageRef first, int pages, boolean continued) throws IOException {
        long word = first.offset() | RUN;
        if (continued) {
            out.putBe64(word | PageRecords.CONTINUE);
        } else {
            out.putBe64(word);
            out.putByte(first.idstr().length);
            out.putBytes(first.idstr());
        }
        out.putBe32(pages);
    }
}
