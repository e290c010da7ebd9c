package workbench.harness.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbench.harness.metrics.PeakMemory;
import workbench.harness.metrics.ProcessCpu;
import workbench.harness.net.SocketFolders;
import workbench.harness.qemu.IncomingQemu;
import workbench.harness.qemu.OutgoingQemu;
import workbench.harness.qemu.QmpMessage;
import workbench.harness.qemu.SourceImages;
import workbench.reports.model.Cpu;
import workbench.reports.model.QemuFigures;
import workbench.workloads.ram.RamBlock;

/**
 * QEMU migrating the same guest to QEMU, the baseline a user would pick instead of us: per trial,
 * outside timing, a destination (poisoned, pre-faulted, listening) and a paused source over a copy
 * of our guest, both fresh (7.2 takes one incoming migration per process); then {@code migrate}, on
 * our clock until the destination's MIGRATION completed event; the destination's RAM digest is
 * checked against our guest's. With multifd both sides get the capability and the channel count.
 */
public final class QemuToQemu implements Baseline {
    private final List<String> sourcePrefix;
    private final List<String> destinationPrefix;
    private final String host;
    private final boolean multifd;
    private final SourceImages images;
    private final long maxBandwidth;

    /**
     * @param sourcePrefix      launch prefix of the source (ip netns exec of a link's sender side), empty for none
     * @param destinationPrefix the same of the destination
     * @param host              the address the destination listens on, as the source reaches it
     * @param images            the run's source RAM files
     */
    public QemuToQemu(List<String> sourcePrefix, List<String> destinationPrefix, String host, boolean multifd, SourceImages images) {
        this(sourcePrefix, destinationPrefix, host, multifd, images, 0);
    }

    /** @param maxBandwidth the source's max-bandwidth in bytes/s, 0 for unlimited (tests slow it to stop it part-way) */
    QemuToQemu(List<String> sourcePrefix, List<String> destinationPrefix, String host, boolean multifd, SourceImages images,
               long maxBandwidth) {
        this.maxBandwidth = maxBandwidth;
        this.sourcePrefix = List.copyOf(sourcePrefix);
        this.destinationPrefix = List.copyOf(destinationPrefix);
        this.host = host;
        this.multifd = multifd;
        this.images = images;
    }

    @Override
    public BaselineKind kind() {
        return multifd ? BaselineKind.QEMU_MULTIFD : BaselineKind.QEMU;
    }

    @Override
    public Measured measure(Reference what) throws IOException {
        RamBlock block = what.ram().blocks().get(0);
        Path source = images.of(block);
        List<String> caps = multifd ? List.of("multifd") : List.of();
        Map<String, Object> params = new java.util.HashMap<>(Map.of("max-bandwidth", maxBandwidth));
        if (multifd) {
            params.put("multifd-channels", what.channels());
        }
        Path folder = SocketFolders.create();
        try (IncomingQemu dst = IncomingQemu.start(destinationPrefix, block.spec(), folder.resolve("dst.sock"), "tcp:" + host + ":0",
                caps, params);
             OutgoingQemu src = OutgoingQemu.start(sourcePrefix, block.spec(), source, folder.resolve("src.sock"), caps, params)) {
            return migrate(what, dst, src);
        } catch (IOException e) {
            return Measured.failed(e.getMessage(), Cpu.NONE, Cpu.NONE); // a QEMU that would not start or listen
        } finally {
            SocketFolders.delete(folder);
        }
    }

    private Measured migrate(Reference what, IncomingQemu dst, OutgoingQemu src) throws IOException {
        ProcessCpu srcCpu = ProcessCpu.of(src.process().pid());
        ProcessCpu dstCpu = ProcessCpu.of(dst.process().pid());
        long t0;
        QmpMessage.Event sent;
        QmpMessage.Event loaded;
        try {
            t0 = src.migrate(dst.uri());
            sent = ended("source", src::awaitEnd, what);
            loaded = ended("destination", dst::awaitEnd, what);
        } catch (IOException e) {
            // one side exited or gave up: both may have said why
            String words = said("destination", dst.process().output()) + said("source", src.process().output());
            return Measured.failed(e.getMessage() + words, cpu(src.process().alive(), srcCpu), cpu(dst.process().alive(), dstCpu));
        }
        Cpu sender = srcCpu.sinceThen();
        Cpu receiver = dstCpu.sinceThen();
        QemuFigures figures = src.figures();
        return new Measured((sent.at() - t0) / 1e9, (loaded.at() - t0) / 1e9, figures.transferred(), figures.transferred(), sender,
                receiver, Optional.empty(), List.of(dst.digest()), figures.duplicatePages(), figures.normalPages(), Optional.of(figures),
                PeakMemory.ofProcess(src.process().pid()), PeakMemory.ofProcess(dst.process().pid()));
    }

    /** how one side's end is awaited */
    @FunctionalInterface
    interface Ending {
        Optional<QmpMessage.Event> await(java.time.Duration timeout) throws IOException;
    }

    /** the side's end if it says completed, else an IOException naming the side and what became of it */
    static QmpMessage.Event ended(String side, Ending ending, Reference what) throws IOException {
        Optional<QmpMessage.Event> event;
        try {
            event = ending.await(what.deadline());
        } catch (IOException e) {
            throw new IOException("the QEMU " + side + ": " + e.getMessage(), e); // it exited: QMP closed
        }
        if (event.isEmpty()) {
            throw new IOException("the QEMU " + side + " did not end the migration within the trial's deadline of "
                    + what.deadline().toSeconds() + " s");
        }
        if (!event.get().text("status").equals("completed")) {
            throw new IOException("the QEMU " + side + "'s migration " + event.get().text("status"));
        }
        return event.get();
    }

    private static String said(String side, String output) {
        return output.isEmpty() ? "" : "; QEMU " + side + " said: " + output;
    }

    private static Cpu cpu(boolean alive, ProcessCpu since) {
        return alive ? since.sinceThen() : Cpu.NONE;
    }
}
