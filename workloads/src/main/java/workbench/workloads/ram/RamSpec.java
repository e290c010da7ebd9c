package workbench.workloads.ram;

import java.util.ArrayList;
import java.util.List;
import workbench.workloads.page.Content;
import workbench.workloads.page.Layout;

/**
 * Everything that determines a synthetic guest's RAM: same spec, same bytes.
 *
 * @param blocks   the RAM blocks in QEMU's list order
 * @param pageSize bytes per page (4096 on x86)
 * @param dup      fraction of pages that are all zero
 * @param uniform  fraction of pages filled with one non-zero byte
 * @param dirty    fraction of pages sent in a bulk transfer (1 = every page, as a first pass)
 * @param layout   where pages of each class lie
 * @param content  what the remaining pages hold
 * @param seed     the seed behind every choice
 */
public record RamSpec(List<BlockSpec> blocks, int pageSize, double dup, double uniform, double dirty,
                      Layout layout, Content content, long seed) {

    public static final int DEFAULT_PAGE_SIZE = 4096;
    /** the block name QEMU gives a memory backend with id=mem0: our streams load into -M none,memory-backend=mem0 */
    public static final String FIRST_BLOCK = "mem0";

    public RamSpec {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("guest RAM needs at least one block");
        }
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size must be a power of two of at least 512 bytes, got " + pageSize);
        }
        for (BlockSpec b : blocks) {
            if (b.length() % pageSize != 0) {
                throw new IllegalArgumentException("RAM block " + b.name() + " length " + b.length()
                        + " is not a multiple of the page size " + pageSize);
            }
        }
        long total = 0;
        for (BlockSpec b : blocks) {
            try {
                total = Math.addExact(total, b.length()); // lengths from a peer must not wrap to a small total
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("RAM blocks total more than " + Long.MAX_VALUE + " bytes");
            }
        }
        if (blocks.stream().map(BlockSpec::name).distinct().count() != blocks.size()) {
            throw new IllegalArgumentException("RAM block names must be distinct: " + blocks);
        }
        checkFraction("dup", dup);
        checkFraction("uniform", uniform);
        if (dup + uniform > 1.0 + 1e-12) {
            throw new IllegalArgumentException("dup + uniform fractions exceed 1: " + dup + " + " + uniform);
        }
        if (!(dirty > 0 && dirty <= 1)) {
            throw new IllegalArgumentException("dirty fraction must be in (0, 1], got " + dirty);
        }
        long pages = total / pageSize;
        if (dirty < 1 && Math.round(dirty * pages) == 0) { // DirtyLog.sample's count: a transfer of nothing proves nothing
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a dirty fraction of %s sends none of the guest's %d pages; give at least %.3g (one page)",
                    dirty, pages, 1.0 / pages));
        }
    }

    /** {@code size} bytes split evenly (in whole pages) into {@code count} blocks mem0, mem1, … */
    public static List<BlockSpec> evenBlocks(long size, int count, int pageSize) {
        if (count < 1) {
            throw new IllegalArgumentException("block count must be at least 1, got " + count);
        }
        long pages = size / pageSize;
        if (size % pageSize != 0 || pages < count) {
            throw new IllegalArgumentException("RAM size " + size + " must be a multiple of the page size "
                    + pageSize + " with at least one page per block");
        }
        List<BlockSpec> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long first = pages * i / count;
            long next = pages * (i + 1) / count;
            out.add(new BlockSpec("mem" + i, (next - first) * pageSize));
        }
        return out;
    }

    public long size() {
        return blocks.stream().mapToLong(BlockSpec::length).sum();
    }

    public long pages() {
        return size() / pageSize;
    }

    /** true when only part of RAM travels, so both sides start from the generation-0 base image */
    public boolean partial() {
        return dirty < 1.0;
    }

    private static void checkFraction(String what, double f) {
        if (!(f >= 0 && f <= 1)) {
            throw new IllegalArgumentException(what + " fraction must be in [0, 1], got " + f);
        }
    }
}
