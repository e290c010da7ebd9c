package workbench.harness.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import workbench.harness.baseline.Baseline;
import workbench.harness.baseline.BaselineKind;
import workbench.harness.baseline.Measured;
import workbench.harness.baseline.Reference;
import workbench.harness.io.SinkOptions;
import workbench.harness.metrics.Clock;
import workbench.harness.net.Network;
import workbench.reports.model.Cpu;
import workbench.reports.model.QemuFigures;
import workbench.reports.model.SeriesRole;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamSpec;

/** How a reference transfer becomes a trial: a QEMU migration verified by digest or failed with its words, a ceiling unverified. */
class BaselineTrialTest {
    private static final RamSpec SPEC = new RamSpec(RamSpec.evenBlocks(1 << 20, 1, 4096), 4096, 0.25, 0, 1, Layout.SCATTERED,
            Content.RANDOM, 3);
    private static final Variant VARIANT = new Variant(SPEC, SinkOptions.of(32 << 10, 128), 32 << 10, SocketOptions.KERNEL,
            Map.of("batch", "64"));
    private static final QemuFigures FIGURES = new QemuFigures(12, 1, 2, 1 << 20, 192, 64, 700.0, 0);

    private record Fake(BaselineKind kind, Function<Reference, Measured> result) implements Baseline {
        @Override
        public Measured measure(Reference what) {
            return result.apply(what);
        }
    }

    private static TrialResult trial(BaselineKind kind, Function<Reference, Measured> result) throws Exception {
        try (SenderRams rams = new SenderRams(List.of(SPEC), DupPolicy.ZERO, RamBacking.DIRECT)) {
            return new TrialRunner(rams, DupPolicy.ZERO, Clock.SYSTEM).run(new Slot(3, 1, false, 0),
                    new BaselineSeries(new Network.Loopback(), kind.text(), 0, VARIANT), new Fake(kind, result));
        }
    }

    private static Measured migrated(Reference what, List<RamDigest.BlockDigest> digest) {
        return new Measured(0.010, 0.012, FIGURES.transferred(), FIGURES.transferred(), Cpu.NONE, Cpu.NONE, Optional.empty(), digest,
                FIGURES.duplicatePages(), FIGURES.normalPages(), Optional.of(FIGURES), OptionalLong.of(1), OptionalLong.of(2));
    }

    @Test
    void aQemuMigrationWhoseRamEqualsOursIsAVerifiedBaselineWithQemusFigures() throws Exception {
        TrialResult t = trial(BaselineKind.QEMU, what -> migrated(what, RamDigest.of(what.ram()).blocks()));
        assertThat(t.status()).as(t.failureReason().orElse("")).isEqualTo(TrialStatus.VERIFIED);
        assertThat(t.series().role()).isEqualTo(SeriesRole.BASELINE);
        assertThat(t.series().params()).as("a strategy setting qemu does not read splits nothing").isEmpty();
        assertThat(t.transferSeconds()).isEqualTo(0.012);
        assertThat(t.counts().dupPages()).isEqualTo(64);
        assertThat(t.qemuFigures()).contains(FIGURES);
        assertThat(t.measured()).isTrue();
    }

    @Test
    void aQemuMigrationThatFailedOrLoadedOtherRamIsAFailedTrialNeverAveraged() throws Exception {
        TrialResult failed = trial(BaselineKind.QEMU_MULTIFD, what -> Measured.failed("QEMU destination said: load of migration failed",
                Cpu.NONE, Cpu.NONE));
        assertThat(failed.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(failed.failureReason()).contains("qemu-multifd: QEMU destination said: load of migration failed");
        assertThat(failed.measured()).isFalse();
        assertThat(failed.transferSeconds()).isZero();
        assertThat(failed.qemuFigures()).isEmpty();

        TrialResult other = trial(BaselineKind.QEMU_SOURCE, what -> migrated(what,
                List.of(new RamDigest.BlockDigest("mem0", 1 << 20, "00"))));
        assertThat(other.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(other.failureReason()).get().asString().contains("RAM digest mismatch").contains("mem0");
        assertThat(other.measured()).isFalse();
    }

    @Test
    void iperf3StaysAnUnverifiedCeilingTimedForTheStreamsLength() throws Exception {
        TrialResult t = trial(BaselineKind.IPERF3, what -> new Measured(0.5, 1.0, 2 * what.streamBytes(), 2 * what.streamBytes(),
                Cpu.NONE, Cpu.NONE));
        assertThat(t.status()).isEqualTo(TrialStatus.UNVERIFIED);
        assertThat(t.series().role()).isEqualTo(SeriesRole.CEILING);
        assertThat(t.transferSeconds()).isEqualTo(0.5);
        assertThat(t.qemuFigures()).isEmpty();
    }
}
