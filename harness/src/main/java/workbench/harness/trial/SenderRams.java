package workbench.harness.trial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import workbench.harness.io.NullChannel;
import workbench.harness.io.PageTable;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.io.VectoredSink;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/** The sender's guests, generated once before trial 1: one per distinct RAM spec of the plan. */
public final class SenderRams implements AutoCloseable {
    /**
     * A guest ready to send: its RAM, the encoder of its pages, the digest a receiver must match,
     * and its stream's length (what a reference transfer moves).
     */
    public record Prepared(GuestRam ram, StreamEncoder encoder, RamDigest digest, long streamBytes) {
    }

    private final Map<RamSpec, Prepared> bySpec = new LinkedHashMap<>();
    private final RamBacking backing;

    /** @param backing where every guest of the run lives (chosen once for all: strategies compare on the same memory) */
    public SenderRams(List<RamSpec> specs, DupPolicy policy, RamBacking backing) {
        this.backing = backing;
        for (RamSpec spec : specs) {
            var dirty = RamImage.dirtyLog(spec);
            GuestRam ram = RamImage.create(spec, dirty, backing);
            StreamEncoder encoder = new StreamEncoder(new PageTable(ram), dirty, policy);
            bySpec.put(spec, new Prepared(ram, encoder, RamDigest.of(ram), length(encoder)));
        }
    }

    /** the stream's length, from one encoding into a discarding channel */
    private static long length(StreamEncoder encoder) {
        NullChannel discard = new NullChannel();
        try (StreamSink sink = new VectoredSink(discard, 128, SinkOptions.QEMU_BUFFER)) {
            encoder.encode(sink);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a discarding channel cannot fail", e);
        }
        return discard.bytes();
    }

    public Prepared of(RamSpec spec) {
        Prepared p = bySpec.get(spec);
        if (p == null) {
            throw new IllegalArgumentException("no guest prepared for " + spec);
        }
        return p;
    }

    /** how the guests are backed (direct or /dev/shm), for the manifest */
    public RamBacking backing() {
        return backing;
    }

    @Override
    public void close() {
        bySpec.values().forEach(p -> p.ram().close());
    }
}
