package workbench.workloads.ram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;
import java.util.Optional;

/**
 * One RAM block off-heap, in chunks of at most 1 GiB (a ByteBuffer holds under 2 GiB).
 * A slice per page is made once at allocation; the hot path reuses them and allocates nothing.
 * Not thread-safe per page: a page's slice has one position, so one thread uses a page at a time.
 *
 * <p>With {@link RamBacking#SHM} the chunks map one unlinked file in /dev/shm, whose channel stays
 * open: page {@code p} is the file's bytes at {@link #fileOffset}(p), so a sender can pass it to
 * {@link FileChannel#transferTo} (sendfile) instead of copying from the buffer.
 */
public final class RamBlock {
    static final int CHUNK_BYTES = 1 << 30;

    private final String name;
    private final long length;
    private final int pageSize;
    private final ByteBuffer[] chunks;
    private final ByteBuffer[] pages;
    private final Optional<FileChannel> file;

    RamBlock(BlockSpec spec, int pageSize, RamBacking backing) {
        this.name = spec.name();
        this.length = spec.length();
        this.pageSize = pageSize;
        long pageCount = length / pageSize;
        if (pageCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("RAM block " + name + " has too many pages: " + pageCount);
        }
        RamBacking.Memory memory = backing.allocate(name, length, CHUNK_BYTES);
        this.chunks = memory.chunks();
        this.file = memory.file();
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

    /**
     * A fresh slice of page {@code index}, independent of {@link #page}'s shared one: a guest writer
     * racing a sender writes through it, so it never moves the position of a slice a sender holds
     * in a gathering write. Allocates; not for the sending hot path.
     */
    public ByteBuffer pageView(int index) {
        int pagesPerChunk = CHUNK_BYTES / pageSize;
        return chunks[Objects.checkIndex(index, pages.length) / pagesPerChunk].slice((index % pagesPerChunk) * pageSize, pageSize);
    }

    /**
     * The open channel of the /dev/shm file that holds this block (SHM backing), empty for direct
     * memory. Positional use only ({@code read(buf, offset)}, {@code transferTo(offset, …)}): the
     * channel is shared. Closed by {@link GuestRam#close}.
     */
    public Optional<FileChannel> file() {
        return file;
    }

    /** Where page {@code index} lies in {@link #file()}: {@code index × pageSize}. */
    public long fileOffset(int index) {
        if (index < 0 || index >= pages.length) {
            throw new IndexOutOfBoundsException("page " + index + " outside block " + name + " of " + pages.length + " pages");
        }
        return (long) index * pageSize;
    }

    /** The block's backing chunks, for bulk passes (fill, digest); callers use absolute access or duplicates. */
    ByteBuffer[] chunks() {
        return chunks;
    }

    public BlockSpec spec() {
        return new BlockSpec(name, length);
    }

    void close() {
        if (file.isPresent()) {
            try {
                file.get().close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the /dev/shm file of RAM block " + name, e);
            }
        }
    }
}
