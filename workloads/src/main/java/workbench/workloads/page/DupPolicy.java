package workbench.workloads.page;

import java.nio.ByteBuffer;

/**
 * Which pages travel as a one-byte fill record instead of the whole page.
 * {@link #ZERO} is QEMU 7.2 (only all-zero pages); {@link #UNIFORM} is the 2010 is_dup_page
 * (any page of one repeated byte).
 */
public enum DupPolicy {
    ZERO,
    UNIFORM;

    private static final long ONES = 0x0101010101010101L;

    /**
     * The fill byte (0..255) if this policy sends the page as a dup record, else -1.
     * Reads with absolute gets, so the buffer's position and limit are untouched.
     *
     * @param buf  a buffer holding the page
     * @param at   the page's first byte in {@code buf}
     * @param size the page size, a multiple of 8
     */
    public int dupFill(ByteBuffer buf, int at, int size) {
        int first = buf.get(at) & 0xff;
        if (this == ZERO && first != 0) {
            return -1;
        }
        long pattern = first * ONES;
        for (int i = at; i < at + size; i += Long.BYTES) {
            if (buf.getLong(i) != pattern) {
                return -1;
            }
        }
        return first;
    }

    /** The fill byte if {@code page} (position 0, limit = page size) is a dup page, else -1. */
    public int dupFill(ByteBuffer page) {
        return dupFill(page, 0, page.capacity());
    }
}
