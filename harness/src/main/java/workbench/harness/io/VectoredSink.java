package workbench.harness.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * put_vector, as modern QEMU sends: small items are copied into a staging buffer, each page is
 * referenced in place in an iovec array, and the array goes out with one gathering write when it
 * holds {@code batch} pages or the staging buffer fills. Nothing is allocated per page: the
 * staging segments are preallocated views.
 */
public final class VectoredSink extends StagedSink {
    private final GatheringByteChannel out;
    private final int batch;
    private final ByteBuffer[] segments;
    private final ByteBuffer[] iov;
    private int iovCount;
    private int segmentCount;
    private int pages;
    private int segmentStart;
    private IOException error;

    public VectoredSink(GatheringByteChannel out, int batch, int stagingBytes) {
        super(stagingBytes);
        this.out = out;
        this.batch = batch;
        this.segments = new ByteBuffer[batch + 1];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = staging.duplicate();
        }
        this.iov = new ByteBuffer[2 * batch + 1];
    }

    @Override
    public void putPageBytes(PageRef ref) throws IOException {
        ByteBuffer page = ref.bytes();
        closeSegment();
        iov[iovCount++] = page; // by reference: the page is never copied
        uncopied(page.remaining());
        if (++pages == batch) {
            flush();
        }
    }

    @Override
    public void flush() throws IOException {
        if (error != null) {
            throw error;
        }
        closeSegment();
        try {
            if (iovCount == 1) {
                while (iov[0].hasRemaining()) {
                    calls.write();
                    out.write(iov[0]);
                }
            } else if (iovCount > 1) {
                writeAll();
            }
        } catch (IOException e) {
            error = e;
            throw e;
        }
        for (int i = 0; i < iovCount; i++) {
            iov[i].clear();
            iov[i] = null;
        }
        iovCount = 0;
        segmentCount = 0;
        pages = 0;
        segmentStart = 0;
        staging.clear();
    }

    /** writev may take part of the array (IOV_MAX is 1024, and any write may be short): resume at the first undrained buffer */
    private void writeAll() throws IOException {
        int first = 0;
        while (first < iovCount) {
            calls.writev(iovCount - first);
            out.write(iov, first, iovCount - first);
            while (first < iovCount && !iov[first].hasRemaining()) {
                first++;
            }
        }
    }

    @Override
    protected void room(int bytes) throws IOException {
        if (error != null) {
            throw error;
        }
        if (staging.remaining() < bytes) {
            flush();
        }
    }

    /** Queues the staged bytes since the last queued segment as one iovec entry. */
    private void closeSegment() {
        int end = staging.position();
        if (end > segmentStart) {
            ByteBuffer view = segments[segmentCount++];
            view.clear().position(segmentStart).limit(end);
            iov[iovCount++] = view;
            segmentStart = end;
        }
    }

    /** Flushes; after a failed write there is nothing to flush, and that failure was already thrown to the writer. */
    @Override
    public void close() throws IOException {
        if (error == null) {
            flush();
        }
    }
}
