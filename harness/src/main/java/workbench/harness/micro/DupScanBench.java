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

/**
 * The dup check of one 4 KiB page under each {@code --dup-policy}, in ns per page: a page that
 * is sent as a fill record is scanned whole; a random page exits at its first word; a zero page
 * whose last byte is set is the longest scan that still ends in a whole page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DupScanBench {
    /** what the page holds */
    public enum Kind {
        ZERO, UNIFORM, RANDOM, ZERO_BUT_LAST
    }

    @Param({"ZERO", "UNIFORM"})
    public DupPolicy policy;

    @Param({"ZERO", "UNIFORM", "RANDOM", "ZERO_BUT_LAST"})
    public Kind page;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(4096);

    @Setup
    public void fill() {
        PageFiller filler = new PageFiller(Content.RANDOM);
        switch (page) {
            case ZERO -> filler.fill(buffer, 0, 4096, PageClass.ZERO, 7);
            case UNIFORM -> filler.fill(buffer, 0, 4096, PageClass.UNIFORM, 7);
            case RANDOM -> filler.fill(buffer, 0, 4096, PageClass.OTHER, 7);
            case ZERO_BUT_LAST -> {
                filler.fill(buffer, 0, 4096, PageClass.ZERO, 7);
                buffer.put(4095, (byte) 1);
            }
        }
        int expected = switch (page) {
            case ZERO -> 0;
            case UNIFORM -> policy == DupPolicy.UNIFORM ? PageFiller.uniformByte(7) : -1;
            case RANDOM, ZERO_BUT_LAST -> -1;
        };
        int found = policy.dupFill(buffer, 0, 4096);
        if (found != expected) {
            throw new IllegalStateException("DupScanBench: " + policy + " on a " + page + " page gave " + found + ", expected " + expected);
        }
    }

    /** nanoseconds per page */
    @Benchmark
    public int dupFill() {
        return policy.dupFill(buffer, 0, 4096);
    }
}
