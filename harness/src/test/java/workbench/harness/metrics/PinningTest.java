package workbench.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinningTest {
    @Test
    void theFirstTwoAllowedCpusAreTheSendersAndTheReceivers() {
        Pinning p = Pinning.choose("2-3,7");
        assertThat(p.sender()).isEqualTo(2);
        assertThat(p.receiver()).isEqualTo(3);
        assertThat(p.unpinnedPrefix()).containsExactly("taskset", "-c", "2-3,7");
        assertThat(Pinning.expand("0-2,5,7-8")).containsExactly(0, 1, 2, 5, 7, 8);
    }

    @Test
    void autoPinsHereWhereTwoCpusAndTasksetAreThere() {
        assertThat(Pinning.available()).isEqualTo(Pinning.expand(Pinning.allowedCpus()).size() >= 2);
    }

    @Test
    void oneCpuCannotHoldBothSides() {
        assertThatThrownBy(() -> Pinning.choose("3")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--pin needs two CPUs");
    }

    @Test
    void aProcessStartedBehindThePrefixRunsOnlyOnItsCpu() throws IOException, InterruptedException {
        Pinning p = Pinning.choose();
        assertThat(allowedListOf(p.receiverPrefix())).isEqualTo(String.valueOf(p.receiver()));
        assertThat(allowedListOf(p.senderPrefix())).isEqualTo(String.valueOf(p.sender()));
        assertThat(Pinning.expand(allowedListOf(p.unpinnedPrefix()))).hasSizeGreaterThanOrEqualTo(2);
    }

    /** the Cpus_allowed_list of a process started behind {@code prefix} */
    private static String allowedListOf(List<String> prefix) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("grep", "Cpus_allowed_list", "/proc/self/status"));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(proc.waitFor()).as(out).isZero();
        return out.substring(out.indexOf(':') + 1).trim();
    }
}
