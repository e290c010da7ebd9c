package workbench.harness.io;

import java.io.IOException;

/**
 * A RAM page record as QEMU 7.2 frames it on the main stream (save_page_header): a be64 word of
 * the page's offset and flags, the block's idstr unless the previous record was of the same block
 * (CONTINUE), then one fill byte (ZERO) or the whole page (PAGE).
 */
public final class PageRecords {
    /** RAM_SAVE_FLAG_ZERO: the page is one byte repeated */
    public static final long ZERO = 0x02;
    /** RAM_SAVE_FLAG_PAGE: the page follows whole */
    public static final long PAGE = 0x08;
    /** RAM_SAVE_FLAG_CONTINUE: same block as the record before, no idstr */
    public static final long CONTINUE = 0x20;

    private PageRecords() {
    }

    /** Frames one record onto {@code out}; {@code fill} is the byte of a ZERO record, or -1 for a whole page. */
    public static void write(StreamSink out, PageRef page, int fill, boolean continued) throws IOException {
        long word = page.offset() | (fill >= 0 ? ZERO : PAGE);
        if (continued) {
            out.putBe64(word | CONTINUE);
        } else {
            out.putBe64(word);
            out.putByte(page.idstr().length);
            out.putBytes(page.idstr());
        }
        if (fill >= 0) {
            out.putByte(fill);
        } else {
            out.putPageBytes(page);
        }
    }
}
