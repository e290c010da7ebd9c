package workbench.harness.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.dirty.DirtySet;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/** The sender's guests, generated once before trial 1: one per distinct RAM spec of the plan. */
final class SenderRams {
    /** A guest ready to send: its RAM, the pages to send, the encoder, and the digest a receiver must match. */
    record Prepared(GuestRam ram, DirtySet dirty, StreamEncoder encoder, RamDigest digest) {
    }

    private final Map<RamSpec, Prepared> bySpec = new LinkedHashMap<>();

    SenderRams(List<RamSpec> specs, DupPolicy policy) {
        // the guests live side by side: their total decides whether they fit under the direct-memory cap
        RamBacking backing = RamBacking.forSize(specs.stream().mapToLong(RamSpec::size).sum());
        for (RamSpec spec : specs) {
            DirtySet dirty = RamImage.dirtySet(spec);
            GuestRam ram = RamImage.create(spec, dirty, backing);
            bySpec.put(spec, new Prepared(ram, dirty, new StreamEncoder(ram, dirty, policy), RamDigest.of(ram)));
        }
    }

    Prepared of(RamSpec spec) {
        Prepared p = bySpec.get(spec);
        if (p == null) {
            throw new IllegalArgumentException("no guest prepared for " + spec);
        }
        return p;
    }

    /** how the first guest is backed (direct or /dev/shm), for the manifest */
    String backing() {
        return bySpec.values().iterator().next().ram().backing().name().toLowerCase(java.util.Locale.ROOT);
    }
}
