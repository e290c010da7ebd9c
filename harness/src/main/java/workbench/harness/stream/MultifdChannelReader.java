package workbench.harness.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ScatteringByteChannel;
import java.util.HashMap;
import java.util.Map;
import workbench.harness.io.MultifdPackets;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;

/**
 * One multifd channel at the destination, as QEMU 7.2 reads it (multifd_recv_thread, nocomp): its
 * initial packet already checked, then packets to the end of the channel, each a fixed 1,344-byte
 * header read whole and its pages read in place — a scattering read straight into the RAM's page
 * slices, nothing copied. The header is checked as 7.2 checks it (magic, version, no compression,
 * pages_alloc at most 128, normal_pages at most pages_alloc, a known block, offsets inside it) and
 * more strictly (offsets page-aligned: our pages are slices). A SYNC packet waits at {@link MultifdSync}.
 * The channel may end only between packets.
 */
public final class MultifdChannelReader {
    private final int id;
    private final ReadableByteChannel in;
    private final MultifdSync sync;
    private final Map<String, RamBlock> blocks = new HashMap<>();
    private final ByteBuffer header = ByteBuffer.allocateDirect(MultifdPackets.HEADER_BYTES);
    private final ByteBuffer[] pages = new ByteBuffer[MultifdPackets.PAGES];
    /** volatile: read by the receiver's main thread while this one may still be reading (a failure's byte count) */
    private volatile long bytes = MultifdPackets.INIT_BYTES;
    private volatile long packets;
    private volatile long pageCount;

    /** @param in the channel after its initial packet (counted in {@link #bytes}) */
    public MultifdChannelReader(int id, ReadableByteChannel in, GuestRam ram, MultifdSync sync) {
        this.id = id;
        this.in = in;
        this.sync = sync;
        ram.blocks().forEach(b -> blocks.put(b.name(), b));
    }

    /** Reads packets until the channel ends between two of them. */
    public void read() throws IOException, StreamFormatException {
        while (true) {
            long at = bytes;
            header.clear();
            if (!fill(header, at, true)) {
                return;
            }
            packet(at);
        }
    }

    private void packet(long at) throws IOException, StreamFormatException {
        int magic = header.getInt(0);
        int version = header.getInt(4);
        int flags = header.getInt(8);
        int alloc = header.getInt(12);
        int normal = header.getInt(16);
        if (magic != MultifdPackets.MAGIC) {
            throw error(at, "a packet's magic 0x11223344", String.format("0x%08x", magic));
        }
        if (version != MultifdPackets.VERSION) {
            throw error(at, "packet version 1", "version " + Integer.toUnsignedString(version));
        }
        if ((flags & MultifdPackets.FLAG_COMPRESSION_MASK) != 0) {
            throw error(at, "an uncompressed packet (flags 0 or SYNC 1)", String.format("flags 0x%x", flags));
        }
        if (Integer.compareUnsigned(alloc, MultifdPackets.PAGES) > 0 || Integer.compareUnsigned(normal, alloc) > 0) {
            throw error(at, "pages_alloc at most 128 and normal_pages at most pages_alloc",
                    Integer.toUnsignedString(alloc) + " and " + Integer.toUnsignedString(normal));
        }
        if (normal > 0) {
            pages(at, normal);
        }
        packets++;
        if ((flags & MultifdPackets.FLAG_SYNC) != 0) {
            sync.arrive(id);
        }
    }

    private void pages(long at, int normal) throws IOException, StreamFormatException {
        String name = MultifdPackets.ramblock(header);
        RamBlock block = blocks.get(name);
        if (block == null) {
            throw error(at, "a RAM block of the receiver " + blocks.keySet(), "ramblock '" + IdStrings.shown(name) + "'");
        }
        for (int i = 0; i < normal; i++) {
            long offset = header.getLong(MultifdPackets.OFFSETS_AT + i * Long.BYTES);
            if (offset < 0 || offset > block.length() - block.pageSize() || offset % block.pageSize() != 0) {
                throw error(at, "page-aligned offsets inside block " + IdStrings.shown(name) + " (length 0x"
                        + Long.toHexString(block.length()) + ")", "offset[" + i + "] 0x" + Long.toHexString(offset));
            }
            // a fresh view, not the block's shared page buffer: a page named twice (in one packet, or on two
            // channels at once) must not share a position, or the read below waits for bytes it has no room for
            pages[i] = block.pageView((int) (offset / block.pageSize()));
        }
        long want = (long) normal * MultifdPackets.PAGE_SIZE;
        long got = 0;
        int first = 0;
        while (got < want) {
            long n = in instanceof ScatteringByteChannel s ? s.read(pages, first, normal - first) : in.read(pages[first]);
            if (n < 0) {
                bytes += got;
                throw error(at, normal + " pages of packet " + packets + " (" + want + " bytes)", "the end of the channel after " + got);
            }
            got += n;
            while (first < normal && !pages[first].hasRemaining()) {
                first++;
            }
        }
        bytes += want;
        pageCount += normal;
        java.util.Arrays.fill(pages, 0, normal, null);
    }

    /** Reads {@code b} whole; false when the channel ended before its first byte and {@code endOk}. */
    private boolean fill(ByteBuffer b, long at, boolean endOk) throws IOException, StreamFormatException {
        while (b.hasRemaining()) {
            if (in.read(b) < 0) {
                if (endOk && b.position() == 0) {
                    return false;
                }
                bytes += b.position();
                throw error(at, "a whole " + b.capacity() + "-byte packet header", "the end of the channel after " + b.position());
            }
        }
        bytes += b.capacity();
        return true;
    }

    private StreamFormatException error(long at, String expected, String found) {
        return new StreamFormatException(at, "multifd channel " + id + ": " + expected, found);
    }

    public int id() {
        return id;
    }

    /** bytes read, initial packet included */
    public long bytes() {
        return bytes;
    }

    /** packets read, SYNC packets included */
    public long packets() {
        return packets;
    }

    /** pages landed */
    public long pages() {
        return pageCount;
    }
}
