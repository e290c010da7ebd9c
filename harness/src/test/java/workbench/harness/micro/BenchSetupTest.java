package workbench.harness.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import workbench.harness.io.PageTable;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/** Each benchmark's setup (with its own output check) and one invocation, without JMH: a broken benchmark fails here first. */
class BenchSetupTest {
    @Test
    void receiveBenchDecodesItsStreamInEitherModeAndMix() throws Exception {
        for (String mode : new String[] {"buffered", "scatter"}) {
            for (double dup : new double[] {0.034, 0}) {
                ReceiveBench bench = new ReceiveBench();
                bench.mode = mode;
                bench.dup = dup;
                bench.prepare();
                assertThat(bench.decode()).as(mode + " " + dup).isGreaterThan((long) (ReceiveBench.PAGES * 4096 * (1 - dup)));
            }
        }
    }

    @Test
    void sinkBenchChecksItsStrategysStreamAndEncodesIt() throws Exception {
        for (String strategy : new String[] {"scalar", "vectored"}) {
            SinkBench bench = new SinkBench();
            bench.strategy = strategy;
            bench.dup = 0.034;
            bench.generate();
            assertThat(bench.encode()).as(strategy).isGreaterThan((long) SinkBench.PAGES * 4096 * 96 / 100);
        }
    }

    @Test
    void dupScanBenchRejectsNothingItShouldFind() {
        for (DupPolicy policy : DupPolicy.values()) {
            for (DupScanBench.Kind kind : DupScanBench.Kind.values()) {
                DupScanBench bench = new DupScanBench();
                bench.policy = policy;
                bench.page = kind;
                bench.fill();
                boolean sent = kind == DupScanBench.Kind.ZERO || (kind == DupScanBench.Kind.UNIFORM && policy == DupPolicy.UNIFORM);
                assertThat(bench.dupFill() >= 0).as(policy + " " + kind).isEqualTo(sent);
            }
        }
    }

    @Test
    void ramGenAndDigestBenchesCheckTheirGuest() {
        RamGenBench gen = new RamGenBench();
        gen.allocate();
        assertThat(gen.generate().size()).isEqualTo(RamGenBench.BYTES);
        DigestBench digest = new DigestBench();
        digest.generate();
        assertThat(digest.pieceTree().blocks()).hasSize(1);
        assertThat(digest.sha256OneCore()).hasSize(64);
    }

    @Test
    void copyBenchLandsItsCopyAndGoesRoundItsDestination() {
        CopyBench bench = new CopyBench();
        bench.destinationMiB = 1;
        bench.allocate();
        for (int i = 0; i < 4; i++) {
            bench.copy();
        }
        ByteBuffer into = bench.copy(); // the fifth lands where the first did: round a 1 MiB destination
        assertThat(into.position()).isEqualTo(CopyBench.READ);
        bench.destinationMiB = 0;
        assertThatThrownBy(bench::allocate).hasMessageContaining("1..2047");
    }

    @Test
    void theMemoryStreamHandsOutAtMostOneChunkPerReadAndRewinds() {
        RamSpec spec = Guests.spec(64, 0.25);
        var dirty = RamImage.dirtyLog(spec);
        MemoryStream stream = MemoryStream.encode(new StreamEncoder(new PageTable(RamImage.create(spec, dirty)), dirty,
                DupPolicy.ZERO), "scalar", 1000);
        ByteBuffer[] two = {ByteBuffer.allocate(700), ByteBuffer.allocate(700)};
        assertThat(stream.read(two)).isEqualTo(1000);
        assertThat(two[1].position()).isEqualTo(300);
        ByteBuffer all = ByteBuffer.allocate((int) stream.length());
        long reads = 0;
        for (stream.rewind(); stream.read(all) > 0; reads++) {
            assertThat(all.position() % 1000 == 0 || !all.hasRemaining()).isTrue();
        }
        assertThat(reads).isEqualTo((stream.length() + 999) / 1000).isEqualTo(stream.reads());
        assertThat(all.getInt(0)).isEqualTo(0x5145564d); // QEVM
    }
}
