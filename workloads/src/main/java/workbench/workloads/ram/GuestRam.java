package workbench.workloads.ram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Guest RAM: named off-heap blocks of pages, of any total size.
 *
 * <p>{@link #close} closes the /dev/shm files of SHM-backed blocks (a no-op for direct memory).
 * Their mappings outlive it: pages stay readable and writable through {@link RamBlock#page}, but
 * {@link RamBlock#file()} can no longer send them, and the memory returns to /dev/shm only when the
 * mappings are garbage collected too. Direct memory returns when the RAM is garbage collected.
 */
public final class GuestRam implements AutoCloseable {
    private static final int FILL_TEMPLATE = 1 << 20;

    private final List<RamBlock> blocks;
    private final int pageSize;
    private final RamBacking backing;

    private GuestRam(List<RamBlock> blocks, int pageSize, RamBacking backing) {
        this.blocks = List.copyOf(blocks);
        this.pageSize = pageSize;
        this.backing = backing;
    }

    /** Zero-filled RAM of the given blocks, off-heap, with the backing chosen for its size. */
    public static GuestRam allocate(List<BlockSpec> specs, int pageSize) {
        long total = specs.stream().mapToLong(BlockSpec::length).sum();
        return allocate(specs, pageSize, RamBacking.forSize(total));
    }

    /**
     * Zero-filled RAM of the given blocks with this backing; fails before allocating anything if
     * the backing has no room for them (IllegalStateException with the fix in its message).
     */
    public static GuestRam allocate(List<BlockSpec> specs, int pageSize, RamBacking backing) {
        for (BlockSpec s : specs) {
            if (s.length() % pageSize != 0) {
                throw new IllegalArgumentException("RAM block " + s.name() + " length " + s.length()
                        + " is not a multiple of the page size " + pageSize);
            }
        }
        backing.checkRoom(specs.stream().mapToLong(BlockSpec::length).sum());
        List<RamBlock> blocks = new ArrayList<>();
        try {
            for (BlockSpec s : specs) {
                blocks.add(new RamBlock(s, pageSize, backing));
            }
        } catch (RuntimeException | Error e) {
            blocks.forEach(RamBlock::close);
            throw e;
        }
        return new GuestRam(blocks, pageSize, backing);
    }

    public List<RamBlock> blocks() {
        return blocks;
    }

    public List<BlockSpec> layout() {
        return blocks.stream().map(RamBlock::spec).toList();
    }

    /** The block named {@code name}. */
    public RamBlock block(String name) {
        for (RamBlock b : blocks) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no RAM block named '" + name + "'");
    }

    public int pageSize() {
        return pageSize;
    }

    public RamBacking backing() {
        return backing;
    }

    public long size() {
        return blocks.stream().mapToLong(RamBlock::length).sum();
    }

    public long pages() {
        return size() / pageSize;
    }

    /** true when this RAM has exactly the given block list (names, lengths, order) */
    public boolean hasLayout(List<BlockSpec> specs) {
        return layout().equals(specs);
    }

    /**
     * Writes {@code value} to every byte, on all cores: pre-faults the memory and poisons it,
     * so a page the stream never delivers cannot pass the digest check.
     */
    public void fill(byte value) {
        ByteBuffer template = ByteBuffer.allocateDirect(FILL_TEMPLATE);
        for (int i = 0; i < FILL_TEMPLATE; i++) {
            template.put(i, value);
        }
        List<ByteBuffer> chunks = blocks.stream().flatMap(b -> List.of(b.chunks()).stream()).toList();
        List<ByteBuffer> pieces = new ArrayList<>();
        for (ByteBuffer c : chunks) {
            for (int at = 0; at < c.capacity(); at += FILL_TEMPLATE) {
                pieces.add(c.slice(at, Math.min(FILL_TEMPLATE, c.capacity() - at)));
            }
        }
        IntStream.range(0, pieces.size()).parallel()
                .forEach(i -> pieces.get(i).put(template.duplicate().limit(pieces.get(i).capacity())));
    }

    /** Closes the blocks' /dev/shm files (see the class comment); idempotent. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (RamBlock b : blocks) {
            try {
                b.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
