package workbench.workloads.dirty;

import java.util.List;
import workbench.workloads.page.Mix;
import workbench.workloads.page.PagePermutation;

/**
 * The pages a transfer must send, as one bitmap per RAM block. Bulk runs use {@link #all} (a
 * first pass) or {@link #sample} (a later pre-copy round that finds a fraction dirty).
 */
public final class DirtySet {
    private final long[][] bits;
    private final int[] pageCounts;
    private final long count;

    private DirtySet(long[][] bits, int[] pageCounts) {
        this.bits = bits;
        this.pageCounts = pageCounts;
        long c = 0;
        for (long[] words : bits) {
            for (long w : words) {
                c += Long.bitCount(w);
            }
        }
        this.count = c;
    }

    /** every page of blocks with these page counts */
    public static DirtySet all(List<Integer> blockPages) {
        long[][] bits = new long[blockPages.size()][];
        for (int b = 0; b < bits.length; b++) {
            int pages = blockPages.get(b);
            bits[b] = new long[(pages + 63) / 64];
            for (int p = 0; p < pages; p++) {
                bits[b][p >>> 6] |= 1L << p;
            }
        }
        return new DirtySet(bits, pageCounts(blockPages));
    }

    /** exactly round(fraction × pages) pages, scattered by a permutation keyed by {@code seed} */
    public static DirtySet sample(List<Integer> blockPages, double fraction, long seed) {
        long total = blockPages.stream().mapToLong(Integer::longValue).sum();
        PagePermutation ranks = new PagePermutation(total, Mix.mix(seed, 0xD1A7L));
        long wanted = Math.round(fraction * total);
        long[][] bits = new long[blockPages.size()][];
        long global = 0;
        for (int b = 0; b < bits.length; b++) {
            int pages = blockPages.get(b);
            bits[b] = new long[(pages + 63) / 64];
            for (int p = 0; p < pages; p++, global++) {
                if (ranks.apply(global) < wanted) {
                    bits[b][p >>> 6] |= 1L << p;
                }
            }
        }
        return new DirtySet(bits, pageCounts(blockPages));
    }

    public boolean isDirty(int block, int page) {
        return (bits[block][page >>> 6] & (1L << page)) != 0;
    }

    /** number of dirty pages in all blocks */
    public long count() {
        return count;
    }

    public int blocks() {
        return bits.length;
    }

    public int pages(int block) {
        return pageCounts[block];
    }

    private static int[] pageCounts(List<Integer> blockPages) {
        return blockPages.stream().mapToInt(Integer::intValue).toArray();
    }
}
