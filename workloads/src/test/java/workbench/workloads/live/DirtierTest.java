package workbench.workloads.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.Layout;
import workbench.workloads.page.PageClass;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamBlock;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

class DirtierTest {
    private static final RamSpec SPEC = new RamSpec(RamSpec.evenBlocks(4 << 20, 2, 4096), 4096, 0.2, 0.1, 1,
            Layout.SCATTERED, Content.RANDOM, 7);

    private static Workload workload(long rate, WritePattern pattern, int writers) {
        return new Workload(WorkloadKind.PRECOPY, rate, pattern, writers, 300_000_000L, 30, 25_000_000L, 10, 5);
    }

    private static List<Integer> pages(GuestRam ram) {
        return ram.blocks().stream().map(RamBlock::pageCount).toList();
    }

    /**
     * The race a pre-copy must survive: writers at full speed while a "sender" syncs the log and
     * copies the synced pages into a mirror, again and again; after the writers stop, one last sync
     * and copy must leave the mirror equal to the RAM — no write lost between a sync and a copy.
     */
    @Test
    void syncingWhileWritersRunLosesNoWrite() {
        try (GuestRam ram = RamImage.create(SPEC, RamImage.dirtyLog(SPEC), RamBacking.DIRECT);
             GuestRam mirror = GuestRam.allocate(SPEC.blocks(), 4096, RamBacking.DIRECT)) {
            copy(ram, mirror, DirtyLog.all(pages(ram)));
            DirtyLog log = DirtyLog.none(pages(ram));
            Dirtier writers = new Dirtier(ram, new PageVersions(ram), new LiveContent(SPEC), log,
                    workload(0, WritePattern.UNIFORM, 2), 1).start();
            long until = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < until || writers.writes() < 2000) {
                copy(ram, mirror, log.sync());
            }
            long synced = writers.writes();
            while (writers.writes() < synced + 10) {
                Thread.onSpinWait(); // some writes after the last sync, so the final one has work to do
            }
            writers.stop();
            assertThat(writers.writes()).isGreaterThan(1000);
            assertThat(RamDigest.of(mirror)).isNotEqualTo(RamDigest.of(ram)); // the last writes are not copied yet
            copy(ram, mirror, log.sync());
            assertThat(RamDigest.of(mirror)).isEqualTo(RamDigest.of(ram));
        }
    }

    @Test
    void aPausedGuestWritesNothingUntilResumed() throws Exception {
        try (GuestRam ram = RamImage.create(SPEC, RamImage.dirtyLog(SPEC), RamBacking.DIRECT)) {
            DirtyLog log = DirtyLog.none(pages(ram));
            Dirtier writers = new Dirtier(ram, new PageVersions(ram), new LiveContent(SPEC), log,
                    workload(0, WritePattern.SWEEP, 1), 1).start();
            Thread.sleep(20);
            writers.pause();
            long paused = writers.writes();
            RamDigest during = RamDigest.of(ram);
            Thread.sleep(30);
            assertThat(writers.writes()).isEqualTo(paused);
            assertThat(RamDigest.of(ram)).isEqualTo(during);
            writers.resume();
            Thread.sleep(20);
            writers.stop();
            assertThat(writers.writes()).isGreaterThan(paused);
        }
    }

    @Test
    void aPacedWriterKeepsItsRateAndAHotSetTakesItsShare() throws Exception {
        try (GuestRam ram = RamImage.create(SPEC, RamImage.dirtyLog(SPEC), RamBacking.DIRECT)) {
            DirtyLog log = DirtyLog.none(pages(ram));
            PageVersions versions = new PageVersions(ram);
            Dirtier writers = new Dirtier(ram, versions, new LiveContent(SPEC), log,
                    workload(5000, new WritePattern(WritePattern.Kind.HOT, 0.1, 0.9), 1), 1).start();
            long t0 = System.nanoTime();
            Thread.sleep(400);
            writers.stop();
            double seconds = (System.nanoTime() - t0) / 1e9;
            // a rate, not a performance: well below and well above the asked 5000/s would both be wrong
            assertThat(writers.writes() / seconds).isBetween(1500.0, 5600.0);
            long hot = 0;
            long all = 0;
            int hotPages = (int) Math.ceil(0.1 * ram.pages()); // the first pages, all in block 0
            for (int b = 0; b < ram.blocks().size(); b++) {
                for (int p = 0; p < ram.blocks().get(b).pageCount(); p++) {
                    all += versions.of(b, p);
                    if (b == 0 && p < hotPages) {
                        hot += versions.of(b, p);
                    }
                }
            }
            assertThat(all).isEqualTo(writers.writes());
            assertThat((double) hot / all).isBetween(0.8, 0.97);
        }
    }

    @Test
    void writtenContentKeepsTheDupFractionAndDependsOnTheVersion() {
        LiveContent content = new LiveContent(SPEC);
        long zero = 0;
        for (long g = 0; g < 20_000; g++) {
            zero += content.classOf(g, 3) == PageClass.ZERO ? 1 : 0;
        }
        assertThat(zero / 20_000.0).isBetween(0.18, 0.22);
        ByteBuffer a = ByteBuffer.allocateDirect(4096);
        ByteBuffer b = ByteBuffer.allocateDirect(4096);
        long page = 0;
        while (content.classOf(page, 1) != PageClass.OTHER || content.classOf(page, 2) != PageClass.OTHER) {
            page++;
        }
        content.write(a, page, 1);
        content.write(b, page, 2);
        assertThat(a).isNotEqualTo(b);
        content.write(b, page, 1);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void workloadsRefuseNonsense() {
        assertThatThrownBy(() -> Workload.parseRate("fast")).hasMessageContaining("--write-rate");
        assertThat(Workload.parseRate("12000/s")).isEqualTo(12000);
        assertThat(Workload.parseRate("max")).isZero();
        assertThatThrownBy(() -> WritePattern.parse("hot:0:50%")).hasMessageContaining("hot set");
        assertThat(WritePattern.parse(WritePattern.parse("hot:10%:90%").text())).isEqualTo(new WritePattern(WritePattern.Kind.HOT, 0.1, 0.9));
    }

    private static void copy(GuestRam from, GuestRam to, DirtyLog which) {
        for (int b = 0; b < which.blocks(); b++) {
            for (int p = which.nextDirty(b, 0); p >= 0; p = which.nextDirty(b, p + 1)) {
                to.blocks().get(b).page(p).put(from.blocks().get(b).pageView(p));
            }
        }
    }
}
