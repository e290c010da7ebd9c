package workbench.harness.trial;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbench.harness.baseline.Baseline;
import workbench.harness.baseline.BaselineKind;
import workbench.harness.baseline.Measured;
import workbench.harness.baseline.Reference;
import workbench.harness.metrics.ProcessCpu;
import workbench.harness.net.SocketFolders;
import workbench.harness.peer.Peer;
import workbench.harness.peer.Receipt;
import workbench.harness.peer.Reception;
import workbench.harness.peer.TrialRequest;
import workbench.harness.qemu.OutgoingQemu;
import workbench.harness.qemu.QmpMessage;
import workbench.harness.qemu.SourceImages;
import workbench.reports.model.Cpu;
import workbench.reports.model.QemuFigures;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.RamBlock;

/**
 * QEMU's sender into our receiver ({@code qemu-source}): per trial a fresh paused QEMU 7.2 source
 * over a copy of our guest (outside timing), our receiver prepared as for any trial, then
 * {@code migrate} straight to its data listener; timed on our clock until the receiver's done, its
 * digest checked against our guest's. QEMU's stream is not ours (device sections, vmdesc), so the
 * series is a baseline, never paired with a strategy. With multifd ({@code qemu-source-multifd}) the
 * source gets the capability and --channels channels, and our receiver expects them beside the main
 * stream, as it does for our multifd strategy (the same wire format).
 */
public final class QemuIntoReceiver implements Baseline {
    private final Peer receiver;
    private final List<String> sourcePrefix;
    private final boolean multifd;
    private final SourceImages images;

    /** @param receiver the network's receiver (a serve child): what our strategies' trials go to */
    public QemuIntoReceiver(Peer receiver, List<String> sourcePrefix, boolean multifd, SourceImages images) {
        this.receiver = receiver;
        this.sourcePrefix = List.copyOf(sourcePrefix);
        this.multifd = multifd;
        this.images = images;
    }

    @Override
    public BaselineKind kind() {
        return multifd ? BaselineKind.QEMU_SOURCE_MULTIFD : BaselineKind.QEMU_SOURCE;
    }

    @Override
    public Measured measure(Reference what) throws IOException {
        RamBlock block = what.ram().blocks().get(0);
        Path source = images.of(block);
        Path folder = SocketFolders.create();
        // QEMU 7.2 sends only all-zero pages as fill records: our receiver is told the zero policy
        TrialRequest request = new TrialRequest(what.trial(), what.spec(), DupPolicy.ZERO, what.readBuffer(), what.rcvbuf(),
                multifd ? 1 + what.channels() : 1, what.receive());
        List<String> caps = multifd ? List.of("multifd") : List.of();
        Map<String, Object> params = multifd ? Map.of("multifd-channels", what.channels()) : Map.of();
        OutgoingQemu src;
        try {
            src = OutgoingQemu.start(sourcePrefix, block.spec(), source, folder.resolve("src.sock"), caps, params);
        } catch (IOException e) {
            SocketFolders.delete(folder);
            return Measured.failed(e.getMessage(), Cpu.NONE, Cpu.NONE); // QEMU's words: this trial failed, the run goes on
        }
        try (src; Reception reception = receiver.prepare(request)) { // an IOException here is our receiver's: the run restarts it
            String uri = reception.migrationUri().orElseThrow(() -> new IOException(
                    "this receiver takes no bare stream from a QEMU source (it wants a token's proof first)"));
            return migrate(what, src, reception, uri);
        } finally {
            SocketFolders.delete(folder);
        }
    }

    private static Measured migrate(Reference what, OutgoingQemu src, Reception reception, String uri) throws IOException {
        ProcessCpu cpu0 = ProcessCpu.of(src.process().pid());
        long t0 = src.migrate(uri);
        Optional<QmpMessage.Event> sent;
        try {
            sent = src.awaitEnd(what.deadline());
        } catch (IOException e) {
            String said = src.process().output();
            Receipt r = reception.receipt(TrialRunner.AFTER_FAILURE);
            return Measured.failed("QEMU source: " + e.getMessage() + (said.isEmpty() ? "" : "; QEMU said: " + said)
                    + r.failure().map(f -> "; our receiver: " + f).orElse(""), Cpu.NONE, r.cpu());
        }
        boolean ended = reception.awaitEnd(what.deadline());
        long t2 = System.nanoTime();
        Cpu sender = src.process().alive() ? cpu0.sinceThen() : Cpu.NONE;
        Receipt receipt = reception.receipt(what.deadline());
        String status = sent.map(e -> e.text("status")).orElse("not ended within the trial's deadline");
        if (!status.equals("completed") || !ended || receipt.failure().isPresent()) {
            String said = src.process().output();
            return Measured.failed("QEMU source's migration " + status + (said.isEmpty() ? "" : "; QEMU said: " + said)
                    + receipt.failure().map(f -> "; our receiver: " + f).orElse(""), sender, receipt.cpu());
        }
        QemuFigures figures = src.figures();
        return new Measured((sent.get().at() - t0) / 1e9, (t2 - t0) / 1e9, figures.transferred(), receipt.streamBytes(), sender,
                receipt.cpu(), Optional.empty(), receipt.digest(), figures.duplicatePages(), figures.normalPages(), Optional.of(figures),
                workbench.harness.metrics.PeakMemory.ofProcess(src.process().pid()), receipt.peakRss());
    }
}
