package workbench.workloads.dirty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import workbench.workloads.page.Mix;
import workbench.workloads.page.PagePermutation;

class DirtyLogTest {
    private static final List<Integer> BLOCKS = List.of(1000, 777, 64, 1);

    /** pinned from DirtySet.sample before DirtyLog replaced it: the pages of existing runs */
    @Test
    void sampleSelectsThePagesDirtySetSelected() {
        assertThat(dirtyPages(DirtyLog.sample(BLOCKS, 0.01, 5))).containsExactly(
                "0:23", "0:68", "0:131", "0:203", "0:449", "0:756", "0:823", "1:78", "1:195", "1:201", "1:234",
                "1:299", "1:366", "1:530", "1:558", "1:575", "2:22", "2:51");
        assertThat(dirtyPages(DirtyLog.sample(BLOCKS, 0.01, 42))).containsExactly(
                "0:33", "0:170", "0:418", "0:513", "0:712", "0:908", "0:915", "0:928", "1:48", "1:112", "1:176",
                "1:189", "1:287", "1:367", "1:397", "1:420", "1:598", "1:618");
        DirtyLog quarter = DirtyLog.sample(BLOCKS, 0.25, 5);
        assertThat(quarter.count()).isEqualTo(461);
        assertThat(dirtyPages(quarter)).startsWith("0:11", "0:17", "0:18", "0:20", "0:22", "0:23", "0:30", "0:35");
        assertThat(dirtyPages(DirtyLog.sample(List.of(2048), 0.25, 5)))
                .hasSize(512).startsWith("0:4", "0:17", "0:18", "0:20", "0:21", "0:22", "0:23", "0:30", "0:35", "0:38");
    }

    /** the rule DirtySet.sample followed: global page g is dirty when its rank is below round(f × total) */
    @Property(tries = 50)
    void sampleFollowsTheRankRule(@ForAll("blockPages") List<Integer> blocks,
                                  @ForAll @DoubleRange(min = 0.0, max = 1.0) double fraction, @ForAll long seed) {
        long total = blocks.stream().mapToLong(Integer::longValue).sum();
        PagePermutation ranks = new PagePermutation(total, Mix.mix(seed, 0xD1A7L));
        long wanted = Math.round(fraction * total);
        DirtyLog log = DirtyLog.sample(blocks, fraction, seed);
        long global = 0;
        for (int b = 0; b < blocks.size(); b++) {
            for (int p = 0; p < blocks.get(b); p++, global++) {
                assertThat(log.isDirty(b, p)).isEqualTo(ranks.apply(global) < wanted);
            }
        }
        assertThat(log.count()).isEqualTo(wanted);
    }

    @Test
    void allAndNoneCoverEveryPageOrNone() {
        DirtyLog all = DirtyLog.all(BLOCKS);
        DirtyLog none = DirtyLog.none(BLOCKS);
        assertThat(all.count()).isEqualTo(1842);
        assertThat(none.count()).isZero();
        assertThat(all.blocks()).isEqualTo(4);
        assertThat(all.pages(1)).isEqualTo(777);
        assertThat(all.nextDirty(1, 776)).isEqualTo(776);
        assertThat(all.nextDirty(1, 777)).isEqualTo(-1);
        assertThat(none.nextDirty(0, 0)).isEqualTo(-1);
        assertThat(DirtyLog.all(List.of(64, 128)).count()).isEqualTo(192);
    }

    @Test
    void countFollowsMarksAndClears() {
        DirtyLog log = DirtyLog.none(BLOCKS);
        log.mark(0, 0);
        log.mark(0, 63);
        log.mark(0, 64);
        log.mark(0, 64);
        log.mark(1, 776);
        log.mark(3, 0);
        assertThat(log.count()).isEqualTo(5);
        assertThat(log.isDirty(0, 64)).isTrue();
        assertThat(log.testAndClear(0, 64)).isTrue();
        assertThat(log.testAndClear(0, 64)).isFalse();
        assertThat(log.isDirty(0, 64)).isFalse();
        assertThat(log.count()).isEqualTo(4);
    }

    @Test
    void pagesOutsideTheBlockAreRefused() {
        DirtyLog log = DirtyLog.none(List.of(65));
        assertThatThrownBy(() -> log.mark(0, 65)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> log.testAndClear(0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> log.nextDirty(0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(log.nextDirty(0, 1000)).isEqualTo(-1);
    }

    @Test
    void copyIsIndependent() {
        DirtyLog log = DirtyLog.sample(BLOCKS, 0.5, 3);
        DirtyLog copy = log.copy();
        assertThat(dirtyPages(copy)).isEqualTo(dirtyPages(log));
        int first = log.nextDirty(0, 0);
        assertThat(copy.testAndClear(0, first)).isTrue();
        assertThat(log.isDirty(0, first)).isTrue();
        int clean = 0;
        while (log.isDirty(0, clean)) {
            clean++;
        }
        log.mark(0, clean);
        assertThat(copy.isDirty(0, clean)).isFalse();
        assertThat(copy.count()).isEqualTo(log.count() - 2);
    }

    @Property(tries = 200)
    void nextDirtyFindsTheFirstDirtyPageAtOrAfter(@ForAll @IntRange(min = 0, max = 300) int pages,
                                                  @ForAll("marks") List<Integer> marks) {
        DirtyLog log = DirtyLog.none(List.of(pages));
        for (int m : marks) {
            if (m < pages) {
                log.mark(0, m);
            }
        }
        for (int from = 0; from <= pages + 1; from++) {
            int expected = -1;
            for (int p = from; p < pages; p++) {
                if (log.isDirty(0, p)) {
                    expected = p;
                    break;
                }
            }
            assertThat(log.nextDirty(0, from)).as("from %d", from).isEqualTo(expected);
        }
    }

    @Test
    void testAndClearHandsEachDirtyPageToExactlyOneThread() throws Exception {
        List<Integer> blocks = List.of(100_000, 37_001);
        DirtyLog log = DirtyLog.sample(blocks, 0.7, 11);
        DirtyLog expected = log.copy();
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BitSet[]>> claims = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 9_973;
                claims.add(pool.submit(() -> {
                    BitSet[] mine = {new BitSet(), new BitSet()};
                    start.await();
                    for (int b = 0; b < blocks.size(); b++) {
                        int n = blocks.get(b);
                        for (int i = 0; i < n; i++) {
                            int p = (i + offset) % n; // each thread starts elsewhere, then overlaps the others
                            if (log.testAndClear(b, p)) {
                                mine[b].set(p);
                            }
                        }
                    }
                    return mine;
                }));
            }
            assertHandedOutOnce(claims, expected);
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.count()).isZero();
    }

    /** a guest writes each page once while passes send: every write is sent exactly once, none lost */
    @Test
    void pagesMarkedDuringPassesAreSentExactlyOnce() throws Exception {
        List<Integer> blocks = List.of(50_000);
        DirtyLog log = DirtyLog.none(blocks);
        AtomicBoolean writing = new AtomicBoolean(true);
        int senders = 3;
        CyclicBarrier start = new CyclicBarrier(senders + 1);
        ExecutorService pool = Executors.newFixedThreadPool(senders + 1);
        try {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 50_000; i++) {
                    log.mark(0, (int) ((i * 7919L) % 50_000));
                }
                writing.set(false);
                return null;
            });
            List<Future<BitSet[]>> claims = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                claims.add(pool.submit(() -> {
                    BitSet[] mine = {new BitSet()};
                    start.await();
                    boolean last;
                    do {
                        last = !writing.get(); // one more full pass after the writer stopped
                        for (int p = log.nextDirty(0, 0); p >= 0; p = log.nextDirty(0, p + 1)) {
                            if (log.testAndClear(0, p)) {
                                assertThat(mine[0].get(p)).isFalse();
                                mine[0].set(p);
                            }
                        }
                    } while (!last);
                    return mine;
                }));
            }
            assertHandedOutOnce(claims, DirtyLog.all(blocks));
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.count()).isZero();
    }

    private static void assertHandedOutOnce(List<Future<BitSet[]>> claims, DirtyLog expected) throws Exception {
        for (int b = 0; b < expected.blocks(); b++) {
            BitSet union = new BitSet();
            long total = 0;
            for (Future<BitSet[]> f : claims) {
                BitSet mine = f.get(60, TimeUnit.SECONDS)[b];
                total += mine.cardinality();
                union.or(mine);
            }
            BitSet want = new BitSet();
            for (int p = expected.nextDirty(b, 0); p >= 0; p = expected.nextDirty(b, p + 1)) {
                want.set(p);
            }
            assertThat(union).as("block %d", b).isEqualTo(want);
            assertThat(total).as("pages handed out in block %d", b).isEqualTo(want.cardinality());
        }
    }

    private static List<String> dirtyPages(DirtyLog log) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < log.blocks(); b++) {
            for (int p = 0; p < log.pages(b); p++) {
                if (log.isDirty(b, p)) {
                    out.add(b + ":" + p);
                }
            }
        }
        return out;
    }

    @Provide
    Arbitrary<List<Integer>> blockPages() {
        return Arbitraries.integers().between(1, 400).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Integer>> marks() {
        Arbitrary<Integer> dense = Arbitraries.integers().between(0, 300);
        Arbitrary<Integer> edges = Arbitraries.of(0, 62, 63, 64, 65, 127, 128, 191, 192, 255, 256, 299);
        return Combinators.combine(dense.list().ofMaxSize(40), edges.list().ofMaxSize(6))
                .as((a, b) -> {
                    List<Integer> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
    }
}
