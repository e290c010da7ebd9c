package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.harness.net.Network;
import workbench.harness.peer.FakePeer;
import workbench.harness.peer.Peer;
import workbench.harness.peer.Reception;
import workbench.harness.peer.TrialRequest;
import workbench.harness.site.LocalSite;
import workbench.harness.site.SiteFactory;
import workbench.harness.site.SiteSet;
import workbench.reports.json.RunJson;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesRole;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.Metric;
import workbench.reports.stats.Series;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;

/** A run's scheduling, adaptive rounds and failure logic against a fake peer and a fake clock: no sockets. */
class RunExecutorTest {
    private static final RamDigest FAITHFUL = RamDigest.of(RamImage.create(Plans.RAM, RamImage.dirtyLog(Plans.RAM)));

    @TempDir
    Path out;

    private final AtomicLong clock = new AtomicLong();

    /** how many times the run opened its sites (each fork opens them afresh) */
    private final AtomicLong opened = new AtomicLong();

    private Run run(int trials, int warmup, OptionalDouble ciTarget, int maxTrials, IntFunction<FakePeer.Script> script)
            throws IOException {
        return run(trials, warmup, ciTarget, maxTrials, 1, script);
    }

    private Run run(int trials, int warmup, OptionalDouble ciTarget, int maxTrials, int forks,
                    IntFunction<FakePeer.Script> script) throws IOException {
        return run(Plans.plan(List.of(Plans.variant()), List.of(new Network.Loopback()), trials, warmup, ciTarget,
                maxTrials, out, List.of(), forks), () -> new FakePeer(clock, script, FAITHFUL));
    }

    private Run run(RunPlan plan, Supplier<Peer> peers) throws IOException {
        SiteFactory fake = (networks, setup, runner) -> {
            opened.incrementAndGet();
            SiteSet sites = new SiteSet();
            networks.forEach(n -> sites.add(n, new LocalSite(runner, peers.get()), "fake"));
            return sites;
        };
        RunExecutor.Outcome outcome = new RunExecutor(plan, new Progress(System.err, true), "test", "test", fake,
                clock::get).execute();
        assertThat(RunJson.read(outcome.dir().resolve(RunJson.FILE_NAME))).isEqualTo(outcome.run()); // recorded as it ran
        return outcome.run();
    }

    @Test
    void warmUpRoundsComeFirstAndRoundsAlternateTheirOrder() throws IOException {
        // A B, B A, …: measured rounds start in plan order, so the warm-up round before them is reversed
        Run run = run(3, 1, OptionalDouble.empty(), 3, t -> FakePeer.Script.ok(1.0));
        assertThat(run.complete()).isTrue();
        assertThat(run.trials()).extracting(t -> t.series().strategy())
                .containsExactly("vectored", "scalar", "scalar", "vectored", "vectored", "scalar", "scalar", "vectored");
        assertThat(run.trials()).extracting(TrialResult::warmup)
                .containsExactly(true, true, false, false, false, false, false, false);
        assertThat(run.trials()).extracting(TrialResult::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(run.trials()).extracting(TrialResult::round).containsExactly(0, 0, 1, 1, 2, 2, 3, 3);
        assertThat(run.trials()).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.VERIFIED);
            assertThat(t.sendSeconds()).isEqualTo(1.0);
            assertThat(t.transferSeconds()).isEqualTo(1.001, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void aFailedTrialIsRecordedAndNeverAveraged() throws IOException {
        // trial 3 (vectored, round 1) fails at the receiver and claims an absurd time
        Run run = run(3, 1, OptionalDouble.empty(), 3,
                t -> t == 3 ? FakePeer.Script.failing(99.0, "stream broke") : FakePeer.Script.ok(t % 2 == 0 ? 1.0 : 2.0));
        TrialResult failed = run.trials().get(3);
        assertThat(failed.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(failed.failureReason()).get().asString().contains("stream broke");
        Series vectored = Series.of(run).stream().filter(s -> s.key().strategy().equals("vectored")).findFirst().orElseThrow();
        assertThat(vectored.values(Metric.SEND_SECONDS)).hasSize(2).doesNotContain(99.0);
    }

    @Test
    void adaptiveRoundsStopOnceEverySeriesReachesTheTarget() throws IOException {
        // noisy until trial 10, steady after: the 2% target is reached some rounds later, then no more rounds
        Run run = run(2, 0, OptionalDouble.of(0.02), 40, t -> FakePeer.Script.ok(t < 10 ? (t % 4 < 2 ? 1.0 : 1.3) : 1.1));
        int rounds = run.trials().size() / 2;
        assertThat(rounds).isGreaterThan(2).isLessThan(40);
        assertThat(Confidence.reached(run, 0.02)).isTrue();
        Run oneRoundShort = new Run(run.schema(), run.id(), run.manifest(), run.trials().subList(0, run.trials().size() - 2),
                true, null);
        assertThat(Confidence.reached(oneRoundShort, 0.02)).isFalse();
    }

    @Test
    void adaptiveRoundsStopAtMaxTrialsWhenTheTargetIsOutOfReach() throws IOException {
        Run run = run(2, 1, OptionalDouble.of(0.02), 6, t -> FakePeer.Script.ok(t % 4 < 2 ? 1.0 : 2.0));
        assertThat(run.trials().stream().filter(t -> !t.warmup())).hasSize(6 * 2);
        assertThat(run.trials()).hasSize(7 * 2);
        assertThat(Confidence.reached(run, 0.02)).isFalse();
    }

    @Test
    void eachForkOpensItsSitesAfreshWithItsOwnWarmUpAndAShareOfTheRounds() throws IOException {
        Run run = run(5, 1, OptionalDouble.empty(), 5, 2, t -> FakePeer.Script.ok(1.0));
        assertThat(opened.get()).isEqualTo(2);
        // fork 0: warm-up round 0, measured rounds 1-3; fork 1: warm-up round 4, measured rounds 5-6
        assertThat(run.trials()).extracting(TrialResult::round).containsExactly(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6);
        assertThat(run.trials()).extracting(TrialResult::fork).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
        assertThat(run.trials()).extracting(TrialResult::warmup)
                .containsExactly(true, true, false, false, false, false, false, false, true, true, false, false, false, false);
        assertThat(run.trials()).extracting(TrialResult::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(run.trials().stream().filter(TrialResult::measured)).hasSize(5 * 2);
        // each fork's measured rounds start in plan order, as a run's do
        assertThat(run.trials().get(2).series().strategy()).isEqualTo(run.trials().get(10).series().strategy());
    }

    @Test
    void aTrialThatBreaksOffIsFailedWithItsCauseAndTheRunGoesOnWithFreshSites() throws IOException {
        // trial 3's connection is reset under it (a receiver killed, a cable pulled): an exception, not a receipt
        Run run = run(Plans.plan(List.of(Plans.variant()), List.of(new Network.Loopback()), 3, 1, OptionalDouble.empty(), 3,
                out), () -> new Breaking(
                new FakePeer(clock, t -> FakePeer.Script.ok(1.0), FAITHFUL), 3, "Connection reset"));
        assertThat(run.complete()).isTrue();
        assertThat(run.trials()).hasSize(8);
        TrialResult broken = run.trials().get(3);
        assertThat(broken.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(broken.failureReason()).get().asString().isEqualTo("the trial broke off: Connection reset");
        assertThat(broken.series().strategy()).isEqualTo("vectored");
        assertThat(run.trials()).filteredOn(t -> t.index() != 3).allSatisfy(t -> assertThat(t.status()).isEqualTo(TrialStatus.VERIFIED));
        assertThat(opened.get()).as("the sites are started afresh after the break").isEqualTo(2);
        Series vectored = Series.of(run).stream().filter(s -> s.key().strategy().equals("vectored")).findFirst().orElseThrow();
        assertThat(vectored.values(Metric.SEND_SECONDS)).hasSize(2);
    }

    @Test
    void onFailureStopEndsTheRunAtTheFirstFailedTrialAndSaysWhy() throws IOException {
        RunPlan plan = Plans.plan(List.of(Plans.variant()), List.of(new Network.Loopback()), 3, 1, OptionalDouble.empty(), 3,
                out, List.of(), 1, OnFailure.STOP);
        Run run = run(plan, () -> new FakePeer(clock, t -> t == 2 ? FakePeer.Script.failing(1.0, "stream broke")
                : FakePeer.Script.ok(1.0), FAITHFUL));
        assertThat(run.trials()).hasSize(3);
        assertThat(run.trials().get(2).status()).isEqualTo(TrialStatus.FAILED);
        assertThat(run.complete()).isFalse();
        assertThat(run.error()).isEqualTo("stopped after trial 2 failed (--on-failure stop): receiver: stream broke");
        assertThat(opened.get()).isEqualTo(1);
    }

    @Test
    void aReceiverThatLiesAboutItsDigestFailsEveryTrialAndNothingIsAveraged() throws IOException {
        // it claims to hold RAM it does not: the digest of another guest than the one sent
        RamDigest other = RamDigest.of(RamImage.create(new workbench.workloads.ram.RamSpec(Plans.RAM.blocks(), 4096, 0, 0, 1,
                Plans.RAM.layout(), Plans.RAM.content(), Plans.RAM.seed() + 1), RamImage.dirtyLog(Plans.RAM)));
        Run run = run(Plans.plan(List.of(Plans.variant()), List.of(new Network.Loopback()), 2, 0, OptionalDouble.empty(), 2, out),
                () -> new FakePeer(clock, t -> FakePeer.Script.ok(1.0), other));
        assertThat(run.trials()).hasSize(4).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(t.failureReason()).get().asString().contains("RAM digest mismatch");
        });
        assertThat(Series.of(run)).allSatisfy(s -> assertThat(s.values(Metric.SEND_SECONDS)).isEmpty());
        assertThat(opened.get()).as("a lie is a failed trial, not a broken site").isEqualTo(1);
    }

    /** A peer whose trial {@code at} breaks off with an I/O error as it is prepared. */
    private record Breaking(Peer inner, int at, String why) implements Peer {
        @Override
        public Reception prepare(TrialRequest request) throws IOException {
            if (request.trial() == at) {
                throw new java.net.SocketException(why);
            }
            return inner.prepare(request);
        }

        @Override
        public SeriesRole role() {
            return inner.role();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
