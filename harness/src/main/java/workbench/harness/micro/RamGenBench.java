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
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/**
 * Guest RAM generation: the base image of a 256 MiB guest at the run's default mix (3.4%
 * scattered zero pages, the rest seeded random bytes) written into RAM that is already allocated
 * and faulted in, on all cores as {@link RamImage} does it (a parallel stream of 4096-page tasks:
 * two threads here). Allocation and first touch are left out (the receiver's poison fill pays them).
 *
 * <p>The score is in bytes per nanosecond, which is GB/s (10^9 bytes per second): throughput
 * mode, one operation per byte ({@code ops/ns} in JMH's output).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RamGenBench {
    static final int PAGES = 65_536;
    static final int BYTES = PAGES * Guests.PAGE;

    private final RamSpec spec = Guests.spec(PAGES, Guests.DEFAULT_DUP);
    private GuestRam ram;

    @Setup(Level.Trial)
    public void allocate() {
        ram = GuestRam.allocate(spec.blocks(), spec.pageSize());
        ram.fill((byte) 0xEE);
        RamImage.writeBase(ram, spec);
        verify();
    }

    /** every page was written (none left uniform 0xEE) and exactly the spec's share is zero */
    private void verify() {
        long zero = 0;
        for (RamBlock b : ram.blocks()) {
            for (int p = 0; p < b.pageCount(); p++) {
                int fill = DupPolicy.UNIFORM.dupFill(b.page(p));
                if (fill == 0xEE) {
                    throw new IllegalStateException("RamGenBench: page " + p + " of " + b.name() + " was never written");
                }
                zero += fill == 0 ? 1 : 0;
            }
        }
        if (zero != Math.round(spec.dup() * PAGES)) {
            throw new IllegalStateException("RamGenBench: " + zero + " zero pages, expected " + Math.round(spec.dup() * PAGES));
        }
    }

    /** bytes per nanosecond (GB/s) */
    @Benchmark
    @OperationsPerInvocation(BYTES)
    public GuestRam generate() {
        RamImage.writeBase(ram, spec);
        return ram;
    }
}
