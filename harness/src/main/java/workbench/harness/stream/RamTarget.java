package workbench.harness.stream;

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
        checkPageSize(pageSize);
        return blocks -> GuestRam.allocate(blocks, pageSize);
    }

    private static void checkPageSize(int pageSize) {
        if (pageSize != StreamDecoder.PAGE_SIZE) {
            throw new IllegalArgumentException("a QEMU x86 stream carries " + StreamDecoder.PAGE_SIZE
                    + "-byte pages; RAM with " + pageSize + "-byte pages cannot receive it");
        }
    }

    /** e.g. {@code [mem0 (0x1000000 bytes), pc.bios (0x40000 bytes)]} */
    static String describe(List<BlockSpec> blocks) {
        StringBuilder s = new StringBuilder("[");
        for (BlockSpec b : blocks) {
            if (s.length() > 1) {
                s.append(", ");
            }
            s.append(b.name()).append(" (0x").append(Long.toHexString(b.length())).append(" bytes)");
        }
        return s.append(']').toString();
    }
}
