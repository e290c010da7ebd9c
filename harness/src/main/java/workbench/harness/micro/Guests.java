package workbench.harness.micro;

import workbench.workloads.page.Content;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.RamSpec;

/** The guests the benchmarks use: one block, 4 KiB pages, the run's defaults otherwise (scattered, random, seed 2010). */
final class Guests {
    /** the run's default share of zero pages (--dup 3.4%) */
    static final double DEFAULT_DUP = 0.034;
    static final int PAGE = RamSpec.DEFAULT_PAGE_SIZE;

    private Guests() {
    }

    /** a bulk transfer (every page sent) of {@code pages} pages, {@code dup} of them all zero */
    static RamSpec spec(int pages, double dup) {
        return new RamSpec(RamSpec.evenBlocks((long) pages * PAGE, 1, PAGE), PAGE, dup, 0, 1.0, Layout.SCATTERED,
                Content.RANDOM, 2010);
    }
}
