package workbench.harness.site;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import workbench.harness.metrics.Pinning;
import workbench.harness.trial.Variant;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamSpec;

/**
 * What opening a run's sites needs: the guests (a sender agent regenerates them), how they are
 * backed, and how to reach a remote receiver.
 *
 * @param version   this workbench's version, for the control handshake
 * @param baselines the reference transfers asked for (iperf3, iperf3-z), run where a network has them
 * @param pin       with --pin, the CPUs of the sending and the receiving process
 */
public record SiteSetup(List<Variant> variants, DupPolicy dupPolicy, RamBacking backing, Optional<InetAddress> bind,
                        Optional<String> token, String version, List<String> baselines, Optional<Pinning> pin) {
    public SiteSetup {
        variants = List.copyOf(variants);
        baselines = List.copyOf(baselines);
    }

    /** the launch prefix of a sending process, of a receiving one, of any other (empty without --pin) */
    List<String> senderPrefix() {
        return pin.map(Pinning::senderPrefix).orElse(List.of());
    }

    List<String> receiverPrefix() {
        return pin.map(Pinning::receiverPrefix).orElse(List.of());
    }

    List<String> unpinnedPrefix() {
        return pin.map(Pinning::unpinnedPrefix).orElse(List.of());
    }

    public long largestRam() {
        return variants.stream().map(Variant::ram).mapToLong(RamSpec::size).max().orElse(0);
    }

    public long totalRam() {
        return variants.stream().map(Variant::ram).distinct().mapToLong(RamSpec::size).sum();
    }
}
