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
import workbench.harness.io.NullChannel;
import workbench.harness.io.PageTable;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/**
 * The sender alone: a whole stream of a 64 MiB guest encoded into a discarding channel, per page.
 * What is left is the strategy's own cost — scalar's 4 KiB copy against vectored's references —
 * plus the dup check, with no kernel and no receiver.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SinkBench {
    static final int PAGES = 16_384;

    @Param({"scalar", "vectored"})
    public String strategy;

    @Param({"0", "0.5"})
    public double dup;

    private StreamEncoder encoder;
    private WriteStrategy write;
    private final List<NullChannel> channels = List.of(new NullChannel());

    @Setup(Level.Trial)
    public void generate() {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks((long) PAGES * 4096, 1, 4096), 4096, dup, 0, 1.0, Layout.SCATTERED,
                Content.RANDOM, 2010);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        GuestRam ram = RamImage.create(spec, dirty);
        encoder = new StreamEncoder(new PageTable(ram), dirty, DupPolicy.ZERO);
        write = Strategies.byName(strategy);
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
