package workbench.harness.micro;

import java.io.IOException;
import java.util.List;
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
import workbench.harness.io.BufferedSource;
import workbench.harness.io.NullChannel;
import workbench.harness.io.PageTable;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.harness.stream.Decoded;
import workbench.harness.stream.RamTarget;
import workbench.harness.stream.StreamDecoder;
import workbench.harness.stream.StreamEncoder;
import workbench.harness.stream.StreamFormatException;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/**
 * The sender alone: a whole stream of a 64 MiB guest encoded into a discarding channel, per page.
 * What is left is the strategy's own cost — scalar's 4 KiB copy against vectored's references —
 * plus the dup check, with no kernel and no receiver. The setup checks once that the
 * strategy's stream decodes to the guest's digest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SinkBench {
    static final int PAGES = 16_384;

    @Param({"scalar", "vectored"})
    public String strategy;

    /** share of all-zero pages, scattered: none, the run's default 3.4%, half */
    @Param({"0", "0.034", "0.5"})
    public double dup;

    private StreamEncoder encoder;
    private WriteStrategy write;
    private final List<NullChannel> channels = List.of(new NullChannel());

    @Setup(Level.Trial)
    public void generate() {
        RamSpec spec = Guests.spec(PAGES, dup);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        GuestRam ram = RamImage.create(spec, dirty);
        encoder = new StreamEncoder(new PageTable(ram), dirty, DupPolicy.ZERO);
        write = Strategies.byName(strategy);
        verify(ram);
    }

    /** this strategy's stream decodes into RAM of the source's digest */
    private void verify(GuestRam ram) {
        MemoryStream stream = MemoryStream.encode(encoder, strategy, Integer.MAX_VALUE);
        try {
            Decoded decoded = new StreamDecoder(new BufferedSource(stream), RamTarget.allocating(Guests.PAGE)).decode();
            if (!RamDigest.of(decoded.ram()).equals(RamDigest.of(ram))) {
                throw new IllegalStateException("SinkBench: the " + strategy + " stream decodes to RAM of another digest");
            }
        } catch (IOException | StreamFormatException e) {
            throw new IllegalStateException("SinkBench: the " + strategy + " stream does not decode: " + e.getMessage(), e);
        }
    }

    /** nanoseconds per page of a whole stream */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public long encode() throws IOException {
        StreamSink sink = write.open(channels, SinkOptions.of(32 << 10, 128));
        encoder.encode(sink);
        return sink.bytesPut();
    }
}
