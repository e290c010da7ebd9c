package workbench.harness.micro;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.PageClass;
import workbench.workloads.page.PageFiller;

/** The dup check of one 4 KiB page: a uniform page is scanned whole, a random one exits at once. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DupScanBench {
    @Param({"ZERO", "UNIFORM", "OTHER"})
    public PageClass page;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(4096);

    @Setup
    public void fill() {
        new PageFiller(Content.RANDOM).fill(buffer, 0, 4096, page, 7);
    }

    @Benchmark
    public int zeroPolicy() {
        return DupPolicy.ZERO.dupFill(buffer, 0, 4096);
    }

    @Benchmark
    public int uniformPolicy() {
        return DupPolicy.UNIFORM.dupFill(buffer, 0, 4096);
    }
}
