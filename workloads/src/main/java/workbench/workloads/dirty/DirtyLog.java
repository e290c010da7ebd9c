package workbench.workloads.dirty;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import workbench.workloads.page.Mix;
import workbench.workloads.page.PagePermutation;

/**
 * The pages a transfer must still send, as one bitmap per RAM block, safe for a guest that writes
 * while it is being sent: {@link #mark} is a guest write, {@link #testAndClear} is what a pre-copy
 * pass does before sending a page, and both are atomic per page, so a page marked during a pass is
 * either sent by this pass or left dirty for the next one — never lost.
 *
 * <p>Bulk runs start from {@link #all} (a first pass) or {@link #sample} (a later round that finds
 * a fraction dirty). Bits past a block's last page are never set, so word scans need no masking.
 */
public final class DirtyLog {
    private final AtomicLongArray[] bits;
    private final int[] pageCounts;

    private DirtyLog(long[][] words, int[] pageCounts) {
        this.bits = new AtomicLongArray[words.length];
        for (int b = 0; b < words.length; b++) {
            bits[b] = new AtomicLongArray(words[b]);
        }
        this.pageCounts = pageCounts;
    }

    /** every page of blocks with these page counts */
    public static DirtyLog all(List<Integer> blockPages) {
        int[] counts = pageCounts(blockPages);
        long[][] words = emptyWords(counts);
        for (int b = 0; b < counts.length; b++) {
            int full = counts[b] >>> 6;
            for (int w = 0; w < full; w++) {
                words[b][w] = -1L;
            }
            int rest = counts[b] & 63;
            if (rest != 0) {
                words[b][full] = (1L << rest) - 1;
            }
        }
        return new DirtyLog(words, counts);
    }

    /** no page dirty yet: the log of a guest whose writes are tracked from now on */
    public static DirtyLog none(List<Integer> blockPages) {
        int[] counts = pageCounts(blockPages);
        return new DirtyLog(emptyWords(counts), counts);
    }

    /**
     * Exactly round(fraction × pages) pages, scattered by a permutation keyed by {@code seed}:
     * page {@code g} (counted across blocks in order) is dirty when its rank is below that number.
     */
    public static DirtyLog sample(List<Integer> blockPages, double fraction, long seed) {
        int[] counts = pageCounts(blockPages);
        long total = blockPages.stream().mapToLong(Integer::longValue).sum();
        PagePermutation ranks = new PagePermutation(total, Mix.mix(seed, 0xD1A7L));
        long wanted = Math.round(fraction * total);
        long[][] words = emptyWords(counts);
        long global = 0;
        for (int b = 0; b < counts.length; b++) {
            for (int p = 0; p < counts[b]; p++, global++) {
                if (ranks.apply(global) < wanted) {
                    words[b][p >>> 6] |= 1L << p;
                }
            }
        }
        return new DirtyLog(words, counts);
    }

    public boolean isDirty(int block, int page) {
        return (bits[block].get(word(block, page)) & (1L << page)) != 0;
    }

    /** A guest write to the page: it is dirty afterwards. */
    public void mark(int block, int page) {
        bits[block].getAndAccumulate(word(block, page), 1L << page, (w, bit) -> w | bit);
    }

    /** Atomically: true if the page was dirty, and it is clean afterwards (so one caller sends it). */
    public boolean testAndClear(int block, int page) {
        long bit = 1L << page;
        return (bits[block].getAndAccumulate(word(block, page), bit, (w, b) -> w & ~b) & bit) != 0;
    }

    /**
     * The first dirty page ≥ {@code fromPage} in the block, or -1 if there is none (also when
     * {@code fromPage} is at or past the block's end). Skips clean words whole.
     */
    public int nextDirty(int block, int fromPage) {
        if (fromPage < 0) {
            throw new IndexOutOfBoundsException("page " + fromPage + " is negative");
        }
        if (fromPage >= pageCounts[block]) {
            return -1;
        }
        AtomicLongArray words = bits[block];
        int i = fromPage >>> 6;
        long w = words.get(i) & (-1L << fromPage);
        while (w == 0) {
            if (++i == words.length()) {
                return -1;
            }
            w = words.get(i);
        }
        return (i << 6) + Long.numberOfTrailingZeros(w);
    }

    /**
     * QEMU's bitmap sync: the pages dirty now move into a new log and are clean here, each 64-page
     * word taken atomically, so a page a writer marks meanwhile is either in the returned log or
     * still dirty here — never lost. A writer that writes a page before marking it (as
     * {@code Dirtier} does) thus has its content read by whoever sends the returned log, or sent
     * again from the next sync.
     */
    public DirtyLog sync() {
        long[][] words = new long[bits.length][];
        for (int b = 0; b < bits.length; b++) {
            words[b] = new long[bits[b].length()];
            for (int i = 0; i < words[b].length; i++) {
                words[b][i] = bits[b].get(i) == 0 ? 0 : bits[b].getAndSet(i, 0);
            }
        }
        return new DirtyLog(words, pageCounts);
    }

    /** Number of dirty pages in all blocks now (a moving figure while the guest writes). */
    public long count() {
        long c = 0;
        for (AtomicLongArray words : bits) {
            for (int i = 0; i < words.length(); i++) {
                c += Long.bitCount(words.get(i));
            }
        }
        return c;
    }

    public int blocks() {
        return bits.length;
    }

    public int pages(int block) {
        return pageCounts[block];
    }

    /**
     * An independent log with the same dirty pages. Each 64-page word is read atomically; marks
     * made while the copy is taken may or may not be in it.
     */
    public DirtyLog copy() {
        long[][] words = new long[bits.length][];
        for (int b = 0; b < bits.length; b++) {
            words[b] = new long[bits[b].length()];
            for (int i = 0; i < words[b].length; i++) {
                words[b][i] = bits[b].get(i);
            }
        }
        return new DirtyLog(words, pageCounts);
    }

    private int word(int block, int page) {
        return Objects.checkIndex(page, pageCounts[block]) >>> 6;
    }

    private static int[] pageCounts(List<Integer> blockPages) {
        int[] counts = blockPages.stream().mapToInt(Integer::intValue).toArray();
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("a RAM block cannot have " + c + " pages");
            }
        }
        return counts;
    }

    private static long[][] emptyWords(int[] counts) {
        long[][] words = new long[counts.length][];
        for (int b = 0; b < counts.length; b++) {
            words[b] = new long[(counts[b] + 63) >>> 6];
        }
        return words;
    }
}
