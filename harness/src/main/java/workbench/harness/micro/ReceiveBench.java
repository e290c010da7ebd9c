package workbench.harness.micro;

import java.io.IOException;
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
import workbench.harness.io.PageTable;
import workbench.harness.io.ReceiveMode;
import workbench.harness.io.ScatterSource;
import workbench.harness.io.StreamSource;
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
 * The receiver alone: a whole 64 MiB stream held in memory decoded into poisoned destination RAM,
 * as serve's TrialReceiver does it, per page. The stream comes from a channel that hands out at
 * most {@link #CHUNK} bytes per read, as a socket hands out what has arrived, so 32 KiB buffered
 * reads are full and a scatter of up to ~1 MiB is cut into several reads; what is left is the
 * source's copies and the decoder's work (header checks, zero fills, the uniform-page count,
 * scatter's predictions and restores), with no kernel and no sender.
 *
 * <p>The RAM is poisoned once; later decodes land on the previous decode's bytes, which changes
 * nothing the decoder does (it restores a speculated page from the known poison, and every page
 * is written again). The setup decodes once and checks the RAM's digest against the source's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReceiveBench {
    static final int PAGES = 16_384;
    /** the most bytes one read hands out */
    static final int CHUNK = 256 << 10;
    /** TrialReceiver's poison: a page the stream never delivers fails the digest */
    static final byte POISON = (byte) 0xEE;
    static final int READ_BUFFER = 32 << 10;

    /** ReceiveMode's label: buffered (QEMU's destination) or scatter */
    @Param({"buffered", "scatter"})
    public String mode;

    /** share of all-zero pages, scattered: the run's default 3.4%, or none (runs of nodup pages) */
    @Param({"0.034", "0"})
    public double dup;

    private ReceiveMode receive;
    private MemoryStream stream;
    private GuestRam destination;
    private RamTarget target;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        receive = ReceiveMode.parse(mode);
        RamSpec spec = Guests.spec(PAGES, dup);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        GuestRam source = RamImage.create(spec, dirty);
        stream = MemoryStream.encode(new StreamEncoder(new PageTable(source), dirty, DupPolicy.ZERO), "vectored", CHUNK);
        destination = GuestRam.allocate(spec.blocks(), spec.pageSize());
        destination.fill(POISON);
        target = RamTarget.existing(destination, POISON);
        Verdict once = decodeOnce();
        RamDigest expected = RamDigest.of(source);
        if (!RamDigest.of(destination).equals(expected) || once.bytes() != stream.length()) {
            throw new IllegalStateException("ReceiveBench (" + mode + ", dup " + dup + ") decoded " + once.bytes() + " of "
                    + stream.length() + " bytes into RAM whose digest does not match the source's");
        }
        System.out.printf(java.util.Locale.ROOT, "%n# %s, dup %s: %d-byte stream, %d reads, %d mispredictions per stream;"
                + " per page: %.3f pages copied from the read buffer, %.3f handed back, %.3f put back%n",
                mode, dup, stream.length(), once.reads(), once.mispredictions(), (double) once.copied() / 4096 / PAGES,
                (double) once.unread() / 4096 / PAGES, (double) once.restored() / PAGES);
        destination.fill(POISON);
    }

    /**
     * What one decode did: its bytes, the reads it took, the bytes it copied out of its read buffer,
     * and (scatter) the predictions that failed, the bytes they handed back and the pages they put back.
     */
    private record Verdict(long bytes, long reads, long copied, long mispredictions, long unread, long restored) {
    }

    private Verdict decodeOnce() throws IOException {
        StreamSource source = receive.open(stream.rewind(), READ_BUFFER);
        Decoded decoded;
        try {
            decoded = new StreamDecoder(source, target).decode();
        } catch (StreamFormatException e) {
            throw new IllegalStateException("the encoded stream does not decode: " + e.getMessage(), e);
        }
        BufferedSource b = (BufferedSource) source;
        ScatterSource s = source instanceof ScatterSource scatter ? scatter : null;
        return new Verdict(decoded.bytes(), stream.reads(), b.copiedBytes(), s == null ? 0 : s.mispredictions(),
                s == null ? 0 : s.unreadBytes(), s == null ? 0 : s.restoredPages());
    }

    /** nanoseconds per page of a whole stream */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public long decode() throws IOException, StreamFormatException {
        StreamSource source = receive.open(stream.rewind(), READ_BUFFER);
        return new StreamDecoder(source, target).decode().bytes();
    }
}
