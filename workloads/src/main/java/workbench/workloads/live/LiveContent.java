package workbench.workloads.live;

import java.nio.ByteBuffer;
import workbench.workloads.page.Mix;
import workbench.workloads.page.PageClass;
import workbench.workloads.page.PageFiller;
import workbench.workloads.ram.RamSpec;

/**
 * What a guest writer puts in a page: a function of (seed, page, version), all-zero for the spec's
 * dup fraction of writes and one repeated byte for its uniform fraction, so a running guest keeps
 * the configured dup ratio. Version 0 is the base image ({@code RamImage}); writes count from 1.
 * Two versions of a page differ unless both are all-zero (then a missed write is invisible, and
 * harmless: the receiver holds the same bytes).
 */
public final class LiveContent {
    private static final double UNIT = 0x1p-53;
    private final long seed;
    private final double dup;
    private final double dupOrUniform;
    private final PageFiller filler;

    public LiveContent(RamSpec spec) {
        this.seed = Mix.mix(spec.seed(), 0x11FEL);
        this.dup = spec.dup();
        this.dupOrUniform = spec.dup() + spec.uniform();
        this.filler = new PageFiller(spec.content());
    }

    public PageClass classOf(long globalPage, int version) {
        double u = (Mix.mix(seed, globalPage, version) >>> 11) * UNIT;
        return u < dup ? PageClass.ZERO : u < dupOrUniform ? PageClass.UNIFORM : PageClass.OTHER;
    }

    /** writes version {@code version} of page {@code globalPage} into {@code page} (absolute puts, whole buffer) */
    public void write(ByteBuffer page, long globalPage, int version) {
        filler.fill(page, 0, page.capacity(), classOf(globalPage, version), Mix.mix(seed + 1, globalPage, version));
    }
}
