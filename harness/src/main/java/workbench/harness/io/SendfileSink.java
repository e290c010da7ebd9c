package workbench.harness.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.GatheringByteChannel;
import java.util.List;

/**
 * Pages sent from the guest's /dev/shm file with {@link FileChannel#transferTo} straight onto the
 * socket channel, headers with plain writes. The JDK turns transferTo into the kernel's sendfile
 * only when its target is the real socket (or file) channel — which is why a sink is opened on
 * the raw channels; on {@code --net null}'s discarding channel it copies through a heap buffer.
 * Checked on this machine with {@code strace -f -e trace=sendfile} (TCP loopback and Unix
 * sockets: one sendfile(2) per call counted here).
 *
 * <p>{@link Framing#PAGES} is QEMU's framing, byte-identical to the other strategies: every page
 * has its own header, so each nodup page costs two system calls (a write of the staged headers,
 * then one sendfile of 4096 bytes). {@link Framing#RUNS} gathers consecutive nodup pages of a
 * block into one {@link PageRuns} record, so one sendfile carries a whole run; that stream is the
 * workbench's extension and QEMU cannot read it.
 *
 * <p>Small items are staged in a direct buffer and written before each sendfile (or when it
 * fills). Nothing is allocated per page.
 */
public final class SendfileSink extends StagedSink {
    /** How nodup pages are framed. */
    public enum Framing {
        /** one QEMU PAGE record per page */
        PAGES,
        /** one run record per run of consecutive nodup pages of a block */
        RUNS
    }

    private final GatheringByteChannel out;
    private final Framing framing;
    private IOException error;
    /** the run being gathered (RUNS): its first page, its length in pages, and whether it continues the block before */
    private PageRef runFirst;
    private int runPages;
    private boolean runContinued;

    public SendfileSink(GatheringByteChannel out, Framing framing, int stagingBytes) {
        super(stagingBytes);
        this.out = out;
        this.framing = framing;
    }

    @Override
    public void page(PageRef page, int fill, boolean continued) throws IOException {
        if (framing == Framing.PAGES || fill >= 0) {
            PageRecords.write(this, page, fill, continued); // its first put ends an open run
        } else if (runPages > 0 && page.block() == runFirst.block() && page.index() == runFirst.index() + runPages) {
            runPages++;
        } else {
            endRun();
            runFirst = page;
            runPages = 1;
            runContinued = continued;
        }
    }

    @Override
    public void putPageBytes(PageRef page) throws IOException {
        endRun();
        send(page, 1);
    }

    @Override
    public void sectionEnd() throws IOException {
        endRun();
    }

    @Override
    public void flush() throws IOException {
        endRun();
        drain();
    }

    @Override
    public List<String> capabilities() {
        return framing == Framing.RUNS ? List.of(PageRuns.CAPABILITY) : List.of();
    }

    /** Frames and sends the run gathered so far, if any. */
    private void endRun() throws IOException {
        if (runPages == 0) {
            return;
        }
        PageRef first = runFirst;
        int pages = runPages;
        runPages = 0; // before the header's puts, which end any open run
        runFirst = null;
        PageRuns.writeHeader(this, first, pages, runContinued);
        send(first, pages);
    }

    /** The staged bytes, then {@code pages} pages from {@code first} out of the block's file. */
    private void send(PageRef first, int pages) throws IOException {
        drain();
        FileChannel file = first.block().file().orElseThrow(() -> new IllegalStateException(
                "sendfile needs file-backed guest RAM (--backing shm); block " + first.block().name() + " is in direct memory"));
        long position = first.block().fileOffset(first.index());
        long end = position + (long) pages * first.block().pageSize();
        try {
            while (position < end) {
                calls.sendfile();
                long n = file.transferTo(position, end - position, out);
                if (n <= 0) { // a blocking socket always takes something; this would spin forever
                    throw new IOException("transferTo sent nothing at offset " + position + " of block " + first.block().name());
                }
                position += n;
            }
        } catch (IOException e) {
            error = e;
            throw e;
        }
        uncopied((long) pages * first.block().pageSize());
    }

    @Override
    protected void room(int bytes) throws IOException {
        if (error != null) {
            throw error;
        }
        endRun();
        if (staging.remaining() < bytes) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (error != null) {
            throw error;
        }
        staging.flip();
        try {
            while (staging.hasRemaining()) {
                calls.write();
                out.write(staging);
            }
        } catch (IOException e) {
            error = e;
            throw e;
        }
        staging.clear();
    }

    /** Flushes; after a failed write there is nothing to flush, and that failure was already thrown to the writer. */
    @Override
    public void close() throws IOException {
        if (error == null) {
            flush();
        }
    }
}
