package workbench.harness.micro;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one copy costs by where it lands: 256 KiB (about what one socket read hands over) copied
 * from a source that stays in cache into the next 256 KiB of a destination of {@code destinationMiB},
 * round and round. A 1 MiB destination stays in cache, as iperf3's receive buffer does; a
 * 1 GiB one is cold at every pass, as guest RAM is for a receiver (and for a sender reading it).
 * The kernel's copy from a socket into user memory ({@code _copy_to_iter}) is the same kind of copy,
 * so the gap between the two is the share of a receiver's CPU that iperf3's figure never pays.
 *
 * <p>The score is in bytes per nanosecond, which is GB/s: throughput mode, one operation per byte.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CopyBench {
    static final int READ = 256 << 10;

    /** the destination's size in MiB: 1 stays in cache, 1024 does not (the L3 here is 300 MiB) */
    @Param({"1", "1024"})
    public int destinationMiB;

    private final ByteBuffer source = ByteBuffer.allocateDirect(READ);
    private ByteBuffer into;
    private int at;

    @Setup(Level.Trial)
    public void allocate() {
        if (destinationMiB < 1 || destinationMiB > 2047) {
            throw new IllegalArgumentException("CopyBench: destinationMiB " + destinationMiB + " is not in 1..2047");
        }
        int size = destinationMiB << 20;
        for (int i = 0; i < READ; i++) {
            source.put(i, (byte) (i * 31 + 7));
        }
        into = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i += 4096) {
            into.put(i, (byte) 0xEE); // faulted in: the receiver's RAM is pre-faulted too
        }
        copy();
        if (into.get(READ - 1) != source.get(READ - 1) || into.get(0) != source.get(0)) {
            throw new IllegalStateException("CopyBench: the copy did not land");
        }
        at = 0;
    }

    /** bytes per nanosecond (GB/s) */
    @Benchmark
    @OperationsPerInvocation(READ)
    public ByteBuffer copy() {
        into.limit(at + READ).position(at);
        into.put(source.duplicate());
        at = (at + READ) % into.capacity();
        return into;
    }
}
