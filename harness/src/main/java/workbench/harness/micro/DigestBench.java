package workbench.harness.micro;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/**
 * The RAM digest both sides of every trial take ({@link RamDigest#of}: a CRC-32C of each 64 KiB,
 * 8 MiB pieces in parallel, so a 256 MiB guest keeps both cores busy), beside the plain one-core
 * SHA-256 of the same bytes ({@link RamDigest#sha256}), which the trials' digest was until it was
 * measured to cost twice a 64 MiB transfer.
 *
 * <p>The score is in bytes per nanosecond, which is GB/s (10^9 bytes per second): throughput
 * mode, one operation per byte ({@code ops/ns} in JMH's output).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DigestBench {
    static final int PAGES = 65_536;
    static final int BYTES = PAGES * Guests.PAGE;

    private GuestRam ram;

    @Setup(Level.Trial)
    public void generate() {
        RamSpec spec = Guests.spec(PAGES, Guests.DEFAULT_DUP);
        ram = RamImage.create(spec, RamImage.dirtyLog(spec));
        verify();
    }

    /** the digest is stable and sees a change in the last page (so it read every piece) */
    private void verify() {
        RamDigest first = RamDigest.of(ram);
        RamBlock block = ram.blocks().get(0);
        var last = block.page(block.pageCount() - 1);
        byte kept = last.get(4095);
        last.put(4095, (byte) ~kept);
        boolean sawChange = !RamDigest.of(ram).equals(first);
        last.put(4095, kept);
        if (!sawChange || !RamDigest.of(ram).equals(first)) {
            throw new IllegalStateException("DigestBench: the digest " + (sawChange ? "is not stable" : "missed a change in the last page"));
        }
    }

    /** bytes per nanosecond (GB/s): the trials' digest */
    @Benchmark
    @OperationsPerInvocation(BYTES)
    public RamDigest pieceTree() {
        return RamDigest.of(ram);
    }

    /** bytes per nanosecond (GB/s): one core's SHA-256 */
    @Benchmark
    @OperationsPerInvocation(BYTES)
    public String sha256OneCore() {
        return RamDigest.sha256(ram.blocks().get(0));
    }
}
