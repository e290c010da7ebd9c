package workbench.workloads.page;

/**
 * Decides each page's class with exact counts: units (pages, or runs of pages) are ranked by a
 * seeded permutation; the lowest ranks are ZERO, the next UNIFORM, the rest OTHER.
 */
public final class PageClassifier {
    private final Layout layout;
    private final PagePermutation ranks;
    private final long zeroUnits;
    private final long dupOrUniformUnits;

    public PageClassifier(long pages, double dup, double uniform, Layout layout, long key) {
        this.layout = layout;
        long units = layout.units(pages);
        this.ranks = new PagePermutation(units, key);
        this.zeroUnits = Math.round(dup * units);
        this.dupOrUniformUnits = Math.min(units, zeroUnits + Math.round(uniform * units));
    }

    /** the class of page {@code globalPage} (pages numbered across all blocks in list order) */
    public PageClass classOf(long globalPage) {
        long rank = ranks.apply(layout.unitOf(globalPage));
        if (rank < zeroUnits) {
            return PageClass.ZERO;
        }
        return rank < dupOrUniformUnits ? PageClass.UNIFORM : PageClass.OTHER;
    }
}
