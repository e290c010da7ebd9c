package workbench.harness.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.harness.baseline.BaselineKind;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.io.SinkOptions;
import workbench.harness.net.Network;
import workbench.harness.net.link.LinkProfile;
import workbench.harness.trial.BaselineSeries;
import workbench.harness.trial.SocketOptions;
import workbench.harness.trial.Variant;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.RamSpec;

/** Where a QEMU source into our receiver runs, with and without multifd, and where it is refused. */
class DestinationTest {
    private static final RamSpec SPEC = new RamSpec(RamSpec.evenBlocks(1 << 20, 1, 4096), 4096, 0.25, 0, 1, Layout.SCATTERED,
            Content.RANDOM, 3);
    private static final Variant CHANNELS_4 = new Variant(SPEC, SinkOptions.of(32 << 10, 128), 32 << 10, SocketOptions.KERNEL,
            Map.of("batch", "64", "channels", "4"));

    @Test
    void bothQemuSourcesSendIntoOurReceiverOnLoopbackAndUnixOnly() {
        for (BaselineKind kind : List.of(BaselineKind.QEMU_SOURCE, BaselineKind.QEMU_SOURCE_MULTIFD)) {
            assertThat(kind.intoOurReceiver()).isTrue();
            assertThat(Sites.hasBaseline(new Network.Loopback(), kind)).isTrue();
            assertThat(Sites.hasBaseline(new Network.Unix(), kind)).isTrue();
            assertThat(Sites.hasBaseline(new Network.Link(LinkProfile.GBE), kind)).as("the link's receiver wants a token").isFalse();
        }
        assertThat(BaselineKind.byName("qemu-source-multifd")).isEqualTo(BaselineKind.QEMU_SOURCE_MULTIFD);
        assertThat(BaselineKind.QEMU_MULTIFD.intoOurReceiver()).isFalse();
    }

    @Test
    void qemuSourceMultifdIsSplitByChannelsAndNothingElse() {
        assertThat(new BaselineSeries(new Network.Loopback(), "qemu-source-multifd", 0, CHANNELS_4).key().params())
                .isEqualTo(Map.of("channels", "4"));
        assertThat(new BaselineSeries(new Network.Loopback(), "qemu-source", 0, CHANNELS_4).key().params()).isEmpty();
    }

    @Test
    void underDestQemuEitherQemuSourceIsRefusedInOneLine() {
        UserException e = catchThrowableOfType(() -> Destination.QEMU.checkBaselines(List.of("qemu-source-multifd"),
                List.of(CHANNELS_4), DupPolicy.ZERO), UserException.class);
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.line()).isEqualTo("workbench: error: --baselines qemu-source-multifd sends into our receiver, but --dest qemu"
                + " has QEMU receive every trial; run qemu-source-multifd with --dest workbench");
    }
}
