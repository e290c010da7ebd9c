package workbench.harness.io;

import java.nio.ByteBuffer;
import workbench.workloads.ram.RamBlock;

/**
 * One guest page, by reference: which block and index it is, its bytes in place, and where it
 * lies in the block's backing file when there is one. Made once per page by {@link PageTable}:
 * a sink may keep it until its next flush, hand it to another thread or send it from the file,
 * and the hot path allocates nothing.
 */
public final class PageRef {
    private final RamBlock block;
    private final int blockIndex;
    private final int index;
    private final byte[] idstr;
    private final ByteBuffer bytes;
    private final long offset;

    PageRef(RamBlock block, int blockIndex, int index, byte[] idstr) {
        this.block = block;
        this.blockIndex = blockIndex;
        this.index = index;
        this.idstr = idstr;
        this.bytes = block.page(index);
        this.offset = (long) index * block.pageSize();
    }

    /** the page's bytes, rewound (position 0, limit the page size): the same buffer every time */
    public ByteBuffer bytes() {
        return bytes.clear();
    }

    public RamBlock block() {
        return block;
    }

    /** the block's position in the RAM's block list */
    public int blockIndex() {
        return blockIndex;
    }

    /** the page's index within its block */
    public int index() {
        return index;
    }

    /** the page's offset within its block, in bytes */
    public long offset() {
        return offset;
    }

    /** the block's name as the stream carries it (UTF-8); shared, never to be modified */
    byte[] idstr() {
        return idstr;
    }
}
