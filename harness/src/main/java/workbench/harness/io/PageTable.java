package workbench.harness.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;

/** Every page of a guest as a {@link PageRef}, made once when the guest is. */
public final class PageTable {
    private final GuestRam ram;
    private final PageRef[][] refs;

    public PageTable(GuestRam ram) {
        this.ram = ram;
        List<RamBlock> blocks = ram.blocks();
        this.refs = new PageRef[blocks.size()][];
        for (int b = 0; b < refs.length; b++) {
            RamBlock block = blocks.get(b);
            byte[] idstr = block.name().getBytes(StandardCharsets.UTF_8);
            refs[b] = new PageRef[block.pageCount()];
            for (int p = 0; p < refs[b].length; p++) {
                refs[b][p] = new PageRef(block, b, p, idstr);
            }
        }
    }

    public PageRef page(int block, int index) {
        return refs[block][index];
    }

    public GuestRam ram() {
        return ram;
    }
}
