package workbench.harness.site;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import workbench.harness.baseline.BaselineKind;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.io.ReceiveMode;
import workbench.harness.net.Network;
import workbench.harness.peer.QemuPeer;
import workbench.harness.qemu.QemuProcess;
import workbench.harness.strategy.MultifdStrategy;
import workbench.harness.strategy.WriteStrategy;
import workbench.harness.trial.Variant;
import workbench.workloads.page.DupPolicy;

/** Who receives our stream ({@code --dest}): a workbench receiver (serve), or a real QEMU 7.2 destination. */
public enum Destination {
    WORKBENCH,
    QEMU;

    public static Destination parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dest: unknown destination '" + text + "' (known: workbench, qemu)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Refuses, before any RAM is generated or any trial runs, what this destination cannot take:
     * for QEMU, a missing binary (exit 3), networks other than loopback, unix and emulated links, streams QEMU 7.2 cannot
     * read, guests it cannot represent (exit 2).
     */
    public void check(List<Network> networks, List<WriteStrategy> strategies, List<Variant> variants) {
        if (this != QEMU) {
            return;
        }
        for (Network n : networks) {
            if (!(n instanceof Network.Loopback || n instanceof Network.Unix || n instanceof Network.Link)) {
                refuse("--dest qemu runs on loopback, unix and emulated links, not " + n.label(),
                        "use --net loopback, unix or link:…");
            }
        }
        for (WriteStrategy s : strategies) {
            if (!s.capabilities().isEmpty()) {
                refuse("--dest qemu: strategy " + s.name() + " writes the workbench extension " + String.join(", ", s.capabilities())
                        + ", which QEMU 7.2 refuses", "leave " + s.name() + " out of --strategies");
            }
            for (Variant v : variants) {
                // several connections are QEMU's multifd only for the strategy that writes its wire format (a QEMU destination with the multifd capability takes it)
                if (s.connections(v.sink()) != 1 && !(s instanceof MultifdStrategy)) {
                    refuse("--dest qemu: strategy " + s.name() + " opens " + s.connections(v.sink())
                            + " data connections; a QEMU destination takes one here", "leave " + s.name() + " out of --strategies");
                }
            }
        }
        for (Variant v : variants) {
            Optional<String> why = QemuPeer.refusal(v.ram());
            why.ifPresent(w -> refuse("--dest qemu cannot take this guest: " + w, ""));
            if (v.receive() != ReceiveMode.BUFFERED) {
                refuse("--dest qemu: --receive " + v.receive().name().toLowerCase(Locale.ROOT)
                        + " is a mode of our receiver; QEMU reads the stream its own way", "leave --receive out");
            }
        }
        QemuProcess.checkInstalled("--dest qemu");
    }

    /**
     * Refuses, before anything is generated, QEMU baselines asked for where QEMU cannot produce the
     * run's stream: the uniform dup policy (7.2 sends only all-zero pages as fill records), a guest
     * its -M none machine cannot hold (several blocks, --dirty below 1: a source sends every page),
     * qemu-source when QEMU, not our receiver, receives (exit 2); QEMU missing (exit 3).
     */
    public void checkBaselines(List<String> baselines, List<Variant> variants, DupPolicy dupPolicy) {
        for (String name : baselines) {
            BaselineKind kind = BaselineKind.byName(name);
            if (!kind.qemu()) {
                continue;
            }
            if (dupPolicy != DupPolicy.ZERO) {
                refuse("--baselines " + name + ": QEMU 7.2 sends only all-zero pages as fill records, so it cannot produce the"
                        + " --dup-policy " + dupPolicy.name().toLowerCase(Locale.ROOT) + " stream", "use --dup-policy zero, or leave "
                        + name + " out of --baselines");
            }
            for (Variant v : variants) {
                QemuPeer.refusal(v.ram()).ifPresent(w -> refuse("--baselines " + name + " cannot migrate this guest: " + w,
                        "or leave " + name + " out of --baselines"));
            }
            if (kind.intoOurReceiver() && this == QEMU) {
                refuse("--baselines " + name + " sends into our receiver, but --dest qemu has QEMU receive every trial",
                        "run " + name + " with --dest workbench");
            }
            QemuProcess.checkInstalled("--baselines " + name);
        }
    }

    private static void refuse(String what, String hint) {
        throw new UserException(what, hint, ExitCode.INVALID_INPUT);
    }
}
