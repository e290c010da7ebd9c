package workbench.workloads.page;

/** Where pages of each class lie in guest RAM. */
public enum Layout {
    /** each page's class drawn independently (a seeded permutation of page indices) */
    SCATTERED,
    /** classes come in runs of {@link #RUN_PAGES} pages, as files and heaps leave them */
    RUNS;

    /** pages per run in the {@link #RUNS} layout: 256 KiB at 4 KiB pages */
    public static final int RUN_PAGES = 64;

    public long unitOf(long page) {
        return this == RUNS ? page / RUN_PAGES : page;
    }

    public long units(long pages) {
        return this == RUNS ? (pages + RUN_PAGES - 1) / RUN_PAGES : pages;
    }
}
