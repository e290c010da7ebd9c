package workbench.harness.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import workbench.harness.io.ReceiveMode;
import workbench.harness.io.SinkOptions;
import workbench.harness.net.control.CheckpointPlan;
import workbench.harness.peer.CorruptingPeer;
import workbench.harness.peer.Peer;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.live.Workload;
import workbench.workloads.live.WorkloadKind;
import workbench.workloads.live.WritePattern;
import workbench.workloads.page.Content;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.RamSpec;

/** Checkpoint epochs against a real receiver in this JVM: acks per section, digests at the checked ones. */
class CheckpointTest {
    private static final RamSpec SPEC = new RamSpec(RamSpec.evenBlocks(4 << 20, 2, 4096), 4096, 0.1, 0.05, 1,
            Layout.SCATTERED, Content.RANDOM, 5);
    private static final Workload TEN = new Workload(WorkloadKind.CHECKPOINT, 20_000, WritePattern.UNIFORM, 1, 300_000_000L, 30,
            5_000_000L, 10, 3);

    private static List<TrialResult> trials(List<String> strategies, UnaryOperator<Peer> wrap) throws Exception {
        return ServedTrials.run(new Variant(SPEC, SinkOptions.of(32 << 10, 128), 32 << 10, SocketOptions.KERNEL, Map.of(),
                ReceiveMode.BUFFERED, TEN), strategies, wrap);
    }

    @Test
    void everyCheckpointIsAcknowledgedAndTheCheckedOnesMatchTheSendersRam() throws Exception {
        List<TrialResult> results = trials(List.of("vectored", "scalar"), p -> p);
        assertThat(results).allSatisfy(t -> {
            assertThat(t.status()).as(t.failureReason().orElse("")).isEqualTo(TrialStatus.VERIFIED);
            LiveFigures.CheckpointFigures c = t.liveFigures().flatMap(LiveFigures::checkpointFigures).orElseThrow();
            assertThat(c.count()).isEqualTo(10);
            assertThat(c.checked()).containsExactly(3, 6, 9, 10);
            assertThat(c.calibration()).hasSize(CheckpointEpochs.CALIBRATIONS).allSatisfy(s -> assertThat(s).isPositive());
            assertThat(c.latencies()).allSatisfy(s -> assertThat(s).isPositive());
            assertThat(c.pages().stream().mapToLong(Long::longValue).sum()).isPositive(); // the guest wrote between checkpoints
            assertThat(c.counts().dupPages() + c.counts().nodupPages()).isEqualTo(c.pages().stream().mapToLong(Long::longValue).sum());
            assertThat(c.pausedSeconds()).isLessThan(c.runSeconds());
            assertThat(c.digestSeconds()).isPositive();
        });
    }

    @Test
    void aPageDamagedOnTheWayIsCaughtByTheCheckpointDigests() throws Exception {
        TrialResult t = trials(List.of("vectored"), p -> new CorruptingPeer(p, 0.6)).get(0);
        assertThat(t.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(t.failureReason()).get().asString().contains("digest");
    }

    @Test
    void aPlanChecksEveryKthCheckpointAndTheLast() {
        CheckpointPlan plan = new CheckpointPlan(22, 3, 31, 25);
        assertThat(java.util.stream.IntStream.rangeClosed(1, 40).filter(plan::checked).boxed().toList())
                .containsExactly(24, 27, 30, 31);
    }
}
