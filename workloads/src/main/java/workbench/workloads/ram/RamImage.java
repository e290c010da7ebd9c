package workbench.workloads.ram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Mix;
import workbench.workloads.page.PageClassifier;
import workbench.workloads.page.PageFiller;

/**
 * Writes a {@link RamSpec}'s content into guest RAM, deterministically and on all cores.
 * Generation 0 is the base image both sides share; generation 1 is the new content of the pages
 * a partial (dirty &lt; 1) transfer sends.
 */
public final class RamImage {
    private static final int PAGES_PER_TASK = 4096;

    private RamImage() {
    }

    /** The sender's RAM for {@code spec}: the base image, with the dirty pages rewritten if partial. */
    public static GuestRam create(RamSpec spec, DirtyLog dirty) {
        return create(spec, dirty, RamBacking.forSize(spec.size()));
    }

    /**
     * The same, backed as told: a process holding several guests chooses by their total size
     * ({@link BackingChoice#resolve}). Close the RAM when done with an SHM backing.
     */
    public static GuestRam create(RamSpec spec, DirtyLog dirty, RamBacking backing) {
        GuestRam ram = GuestRam.allocate(spec.blocks(), spec.pageSize(), backing);
        try {
            writeBase(ram, spec);
            if (spec.partial()) {
                write(ram, spec, 1, dirty);
            }
            return ram;
        } catch (RuntimeException | Error e) {
            ram.close();
            throw e;
        }
    }

    /** The pages a transfer of {@code spec} sends: a fresh log, which a pass may clear as it sends. */
    public static DirtyLog dirtyLog(RamSpec spec) {
        List<Integer> pages = spec.blocks().stream().map(b -> (int) (b.length() / spec.pageSize())).toList();
        return spec.partial() ? DirtyLog.sample(pages, spec.dirty(), spec.seed()) : DirtyLog.all(pages);
    }

    /** Writes generation 0 into every page. */
    public static void writeBase(GuestRam ram, RamSpec spec) {
        List<Integer> pages = ram.blocks().stream().map(RamBlock::pageCount).toList();
        write(ram, spec, 0, DirtyLog.all(pages));
    }

    private static void write(GuestRam ram, RamSpec spec, int generation, DirtyLog which) {
        if (!ram.hasLayout(spec.blocks()) || ram.pageSize() != spec.pageSize()) {
            throw new IllegalArgumentException("guest RAM layout " + ram.layout() + " does not match the spec " + spec.blocks());
        }
        boolean sameBlocks = which.blocks() == ram.blocks().size();
        for (int b = 0; sameBlocks && b < which.blocks(); b++) {
            sameBlocks = which.pages(b) == ram.blocks().get(b).pageCount();
        }
        if (!sameBlocks) {
            throw new IllegalArgumentException("the dirty log's blocks do not match the guest RAM layout " + ram.layout());
        }
        PageClassifier classes = new PageClassifier(spec.pages(), spec.dup(), spec.uniform(), spec.layout(),
                Mix.mix(spec.seed(), generation, 0xC1A55L));
        PageFiller filler = new PageFiller(spec.content());
        record Task(int block, int firstPage, int endPage, long firstGlobal) {
        }
        List<Task> tasks = new ArrayList<>();
        long global = 0;
        for (int b = 0; b < ram.blocks().size(); b++) {
            int pages = ram.blocks().get(b).pageCount();
            for (int p = 0; p < pages; p += PAGES_PER_TASK) {
                tasks.add(new Task(b, p, Math.min(pages, p + PAGES_PER_TASK), global + p));
            }
            global += pages;
        }
        int size = spec.pageSize();
        tasks.parallelStream().forEach(t -> {
            RamBlock block = ram.blocks().get(t.block());
            for (int p = which.nextDirty(t.block(), t.firstPage()); p >= 0 && p < t.endPage();
                    p = which.nextDirty(t.block(), p + 1)) {
                long g = t.firstGlobal() + (p - t.firstPage());
                ByteBuffer page = block.page(p);
                filler.fill(page, 0, size, classes.classOf(g), Mix.mix(spec.seed(), generation, g));
            }
        });
    }
}
