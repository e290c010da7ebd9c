package workbench.harness.site;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.io.ReceiveMode;
import workbench.harness.net.Network;
import workbench.harness.peer.QemuPeer;
import workbench.harness.qemu.QemuProcess;
import workbench.harness.strategy.WriteStrategy;
import workbench.harness.trial.Variant;

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
     * for QEMU, a missing binary (exit 3), networks other than loopback, streams QEMU 7.2 cannot
     * read, guests it cannot represent (exit 2).
     */
    public void check(List<Network> networks, List<WriteStrategy> strategies, List<Variant> variants) {
        if (this != QEMU) {
            return;
        }
        for (Network n : networks) {
            if (!(n instanceof Network.Loopback)) {
                refuse("--dest qemu runs on --net loopback only so far, not " + n.label(), "use --net loopback");
            }
        }
        for (WriteStrategy s : strategies) {
            if (!s.capabilities().isEmpty()) {
                refuse("--dest qemu: strategy " + s.name() + " writes the workbench extension " + String.join(", ", s.capabilities())
                        + ", which QEMU 7.2 refuses", "leave " + s.name() + " out of --strategies");
            }
            for (Variant v : variants) {
                if (s.connections(v.sink()) != 1) {
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

    private static void refuse(String what, String hint) {
        throw new UserException(what, hint, ExitCode.INVALID_INPUT);
    }
}
