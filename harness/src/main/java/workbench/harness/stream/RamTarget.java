package workbench.harness.stream;

import java.io.IOException;
import java.util.List;
import workbench.workloads.ram.BlockSpec;
import workbench.workloads.ram.GuestRam;

/**
 * Where decoded pages land. The decoder calls {@link #onBlockList} once, at the ram section's
 * MEM_SIZE setup record, with the block list the stream announced (already checked: 1..255-byte
 * distinct names, positive 4 KiB-multiple lengths adding up to the MEM_SIZE total), and writes
 * every page into the RAM returned, which must have exactly that layout and 4 KiB pages.
 */
public interface RamTarget {

    /**
     * Returns the RAM for this block list, or refuses it. A refusal's offset is replaced by the
     * offset of the MEM_SIZE record.
     */
    GuestRam onBlockList(List<BlockSpec> blocks) throws StreamFormatException;

    /**
     * The largest MEM_SIZE total this target takes: a larger one is refused at the MEM_SIZE record,
     * before the block list is read or anything allocated ({@link RamRefusedException}).
     */
    default long limit() {
        return Long.MAX_VALUE;
    }

    /**
     * The byte every byte of the returned RAM holds until the decoder writes it, or -1 if that is
     * not known. A decoder that writes pages speculatively restores a page it never wrote by
     * filling it with this byte, and must copy a page aside before it risks one it did write (or
     * any page, when this is -1).
     */
    default int untouchedFill() {
        return -1;
    }

    /**
     * The main stream read a RAM EOS. A multifd destination returns only once every channel has
     * delivered its pages of the section ({@link MultifdSync#eos}); a single stream has nothing to wait for.
     */
    default void eos() throws IOException {
    }

    /**
     * Pre-allocated RAM of which every byte is {@code fill} (the receiver's poison), as {@link
     * #existing(GuestRam)} otherwise.
     */
    static RamTarget existing(GuestRam ram, byte fill) {
        RamTarget plain = existing(ram);
        return new RamTarget() {
            @Override
            public GuestRam onBlockList(List<BlockSpec> blocks) throws StreamFormatException {
                return plain.onBlockList(blocks);
            }

            @Override
            public int untouchedFill() {
                return fill & 0xff;
            }
        };
    }

    /**
     * The receiver's case: pre-allocated (and poisoned) RAM. The stream's block list must equal
     * {@code ram.layout()} in names, lengths and order.
     *
     * @throws IllegalArgumentException if the RAM's pages are not the stream's 4 KiB
     */
    static RamTarget existing(GuestRam ram) {
        checkPageSize(ram.pageSize());
        return blocks -> {
            if (!ram.hasLayout(blocks)) {
                throw new StreamFormatException(-1, "the receiver's RAM block list " + describe(ram.layout()),
                        "the stream's block list " + describe(blocks));
            }
            return ram;
        };
    }

    /**
     * The dissector's case: zero-filled RAM allocated for whatever block list the stream announces.
     *
     * @throws IllegalArgumentException if {@code pageSize} is not the stream's 4096
     */
    static RamTarget allocating(int pageSize) {
        return allocating(pageSize, defaultLimit());
    }

    /**
     * Zero-filled RAM for the stream's block list, of at most {@code limit} bytes in all ({@code
     * decode --max-ram}); an allocation that fails (no room in direct memory or /dev/shm, out of
     * memory) is a {@link RamRefusedException} too, never an error of the JVM.
     *
     * @throws IllegalArgumentException if {@code pageSize} is not the stream's 4096 or {@code limit} is not positive
     */
    static RamTarget allocating(int pageSize, long limit) {
        checkPageSize(pageSize);
        if (limit <= 0) {
            throw new IllegalArgumentException("a RAM limit must be positive, got " + limit);
        }
        return new RamTarget() {
            @Override
            public GuestRam onBlockList(List<BlockSpec> blocks) throws StreamFormatException {
                long total = blocks.stream().mapToLong(BlockSpec::length).sum(); // <= limit: checked at MEM_SIZE
                try {
                    return GuestRam.allocate(blocks, pageSize);
                } catch (IllegalStateException | OutOfMemoryError e) {
                    throw new RamRefusedException(-1, "RAM for the stream's " + total + "-byte block list",
                            "no room: " + e.getMessage(), true);
                }
            }

            @Override
            public long limit() {
                return limit;
            }

            @Override
            public int untouchedFill() {
                return 0; // freshly allocated RAM is zero-filled
            }
        };
    }

    /**
     * The default limit of a decode: half this machine's memory (the whole image is held at
     * once, in direct memory or /dev/shm, which is itself half of RAM by default), and never more
     * than 8 GiB (the most a hostile file of a few bytes can make it allocate and digest: about
     * half a minute); at least 1 GiB. Larger streams are decoded with an explicit --max-ram.
     */
    static long defaultLimit() {
        long half = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            half = os.getTotalMemorySize() / 2;
        }
        return Math.max(1L << 30, Math.min(8L << 30, half));
    }

    private static void checkPageSize(int pageSize) {
        if (pageSize != StreamDecoder.PAGE_SIZE) {
            throw new IllegalArgumentException("a QEMU x86 stream carries " + StreamDecoder.PAGE_SIZE
                    + "-byte pages; RAM with " + pageSize + "-byte pages cannot receive it");
        }
    }

    /** the blocks {@link #describe} names before it says how many more there are */
    int DESCRIBED = 3;

    /**
     * e.g. {@code [mem0 (0x1000000 bytes), pc.bios (0x40000 bytes)]}; for messages, so the first
     * {@link #DESCRIBED} blocks only (names shortened), then how many in all.
     */
    static String describe(List<BlockSpec> blocks) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < blocks.size() && i < DESCRIBED; i++) {
            BlockSpec b = blocks.get(i);
            if (i > 0) {
                s.append(", ");
            }
            s.append(IdStrings.shown(b.name())).append(" (0x").append(Long.toHexString(b.length())).append(" bytes)");
        }
        if (blocks.size() > DESCRIBED) {
            s.append(", … ").append(blocks.size()).append(" blocks in all");
        }
        return s.append(']').toString();
    }
}
