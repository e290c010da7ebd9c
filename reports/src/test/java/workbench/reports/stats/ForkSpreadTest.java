package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Run;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialResult;

class ForkSpreadTest {
    @Test
    void aRunOfOneForkHasNoSpread() {
        assertThat(ForkSpread.of(StubRun.create())).isEmpty();
    }

    @Test
    void eachForkGetsItsMedianAndTheirSpreadIsSetBesideTheSpreadWithinForks() {
        Run stub = StubRun.create();
        // the stub's trials, rounds 0-5 in fork 0 and 6-11 in fork 1, fork 1's send times doubled
        List<TrialResult> trials = stub.trials().stream().map(t -> t.round() < 6 ? t : twice(t.inFork(1))).toList();
        Run forked = new Run(stub.schema(), stub.id(), stub.manifest(), trials, true, null);
        List<ForkSpread> spreads = ForkSpread.of(forked);
        assertThat(spreads).isNotEmpty();
        for (ForkSpread s : spreads) {
            assertThat(s.forkMedians()).containsOnlyKeys(0, 1);
            double m0 = s.forkMedians().get(0);
            double m1 = s.forkMedians().get(1);
            assertThat(m1 / m0).isBetween(1.6, 2.5); // doubled, up to the stub's noise
            // CV of two values: |a − b| / √2 / mean
            assertThat(s.between()).isCloseTo(Math.abs(m1 - m0) / Math.sqrt(2) / ((m0 + m1) / 2), within(1e-9));
            assertThat(s.between()).isGreaterThan(s.within());
            assertThat(s.sentence()).startsWith(s.series().label() + ": fork medians ").contains("between forks CV");
        }
    }

    private static TrialResult twice(TrialResult t) {
        return new TrialResult(t.index(), t.round(), t.warmup(), t.series(), t.status(), t.failure(), t.startedAt(),
                t.sendSeconds() * 2, t.transferSeconds() * 2, t.counts(), t.sender(), t.receiver(), t.retransmits(),
                t.machineBusy(), t.machineSteal(), t.machineUser(), t.fork(), t.mispredictions(), t.senderPeakRss(),
                t.receiverPeakRss());
    }
}
