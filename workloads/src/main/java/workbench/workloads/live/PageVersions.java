package workbench.workloads.live;

import java.util.List;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;

/**
 * The version of every page of a guest, as the sender keeps it: 0 for the base image, one more per
 * write. Each page is written by one writer thread only ({@link Dirtier} partitions the pages), and
 * others read a version only after the writers stopped (a thread join orders it).
 */
public final class PageVersions {
    private final int[][] versions;

    public PageVersions(GuestRam ram) {
        List<RamBlock> blocks = ram.blocks();
        versions = new int[blocks.size()][];
        for (int b = 0; b < versions.length; b++) {
            versions[b] = new int[blocks.get(b).pageCount()];
        }
    }

    public int of(int block, int page) {
        return versions[block][page];
    }

    /** the page's next version, now its current one */
    int next(int block, int page) {
        return ++versions[block][page];
    }
}
