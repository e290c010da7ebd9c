package workbench.workloads.ram;

import java.nio.ByteBuffer;

/**
 * One RAM block off-heap, in chunks of at most 1 GiB (a ByteBuffer holds under 2 GiB).
 * A slice per page is made once at allocation; the hot path reuses them and allocates nothing.
 * Not thread-safe per page: a page's slice has one position, so one thread uses a page at a time.
 */
public final class RamBlock {
    static final int CHUNK_BYTES = 1 << 30;

    private final String name;
    private final long length;
    private final int pageSize;
    private final ByteBuffer[] chunks;
    private final ByteBuffer[] pages;

    RamBlock(BlockSpec spec, int pageSize, RamBacking backing) {
        this.name = spec.name();
        this.length = spec.length();
        this.pageSize = pageSize;
        long pageCount = length / pageSize;
        if (pageCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("RAM block " + name + " has too many pages: " + pageCount);
        }
        int chunkCount = (int) ((length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        this.chunks = new ByteBuffer[chunkCount];
        for (int c = 0; c < chunkCount; c++) {
            chunks[c] = backing.allocate((int) Math.min(CHUNK_BYTES, length - (long) c * CHUNK_BYTES));
        }
        this.pages = new ByteBuffer[(int) pageCount];
        int pagesPerChunk = CHUNK_BYTES / pageSize;
        for (int p = 0; p < pages.length; p++) {
            pages[p] = chunks[p / pagesPerChunk].slice((p % pagesPerChunk) * pageSize, pageSize);
        }
    }

    public String name() {
        return name;
    }

    public long length() {
        return length;
    }

    public int pageSize() {
        return pageSize;
    }

    public int pageCount() {
        return pages.length;
    }

    /** Page {@code index}'s slice, rewound (position 0, limit = page size). The same object every time. */
    public ByteBuffer page(int index) {
        return pages[index].clear();
    }

    /** The block's backing chunks, for bulk passes (fill, digest); callers use absolute access or duplicates. */
    ByteBuffer[] chunks() {
        return chunks;
    }

    public BlockSpec spec() {
        return new BlockSpec(name, length);
    }
}
