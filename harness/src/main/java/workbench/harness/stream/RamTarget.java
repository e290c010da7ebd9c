package workbench.harness.stream;

import java.util.List;
import workbench.workloads.ram.BlockSpec;
import workbench.workloads.ram.GuestRam;

public interface RamTarget {
    GuestRam onBlockList(List<BlockSpec> blocks) throws StreamFormatException;

    static RamTarget existing(GuestRam ram) {
        return blocks -> {
            if (!ram.hasLayout(blocks)) {
                throw new StreamFormatException(0, "blocks " + ram.layout(), blocks.toString());
            }
            return ram;
        };
    }

    static RamTarget allocating(int pageSize) {
        return blocks -> GuestRam.allocate(blocks, pageSize);
    }
}
