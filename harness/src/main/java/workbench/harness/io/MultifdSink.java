package workbench.harness.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import workbench.workloads.ram.RamBlock;

/**
 * QEMU 7.2's multifd sender ({@link MultifdPackets}): the main stream (sections, ZERO records,
 * EOS, devices) goes out through a sink of its own, and every nodup page is queued into a packet of
 * up to 128 pages of one block, which a channel driven by its own thread sends with one gathering
 * write (the header, then the pages in place, as QEMU's nocomp writev). A full packet goes to the
 * next channel that has room (round robin from the last one used; each channel holds one packet
 * queued beside the one it writes), much as multifd_send_pages takes the next idle channel.
 *
 * <p>At each RAM section's end ({@link #sectionEnd}, just before its EOS) the partial packet goes
 * out, every channel gets a SYNC packet, and the sink waits until each has written it, as
 * multifd_send_sync_main does. The main stream is flushed right after that EOS (at the next page,
 * section end or flush), as QEMU flushes after EOS: the destination's channels wait for that EOS
 * before reading on, so an EOS left in a buffer would stall the channels and then the sender.
 *
 * <p>CONTINUE on the main stream refers to the main stream's previous record only (pages on the
 * channels do not count), as in QEMU. The first channel error sticks: later calls throw it. Nothing
 * is allocated per page: packets and their headers are pooled.
 */
public final class MultifdSink implements StreamSink {
    private final StreamSink main;
    private final List<Channel> channels = new ArrayList<>();
    private final BlockingQueue<Packet> free;
    private Packet filling;
    private int next;
    private long packetNum;
    private RamBlock lastMain;
    private boolean eosToFlush;
    private boolean closed;
    private volatile IOException error;

    /**
     * @param main     the main stream's sink, on its own connection
     * @param channels the multifd channels: each starts with its initial packet, written by its thread
     */
    public MultifdSink(StreamSink main, List<? extends GatheringByteChannel> channels) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("multifd needs at least one channel beside the main stream");
        }
        this.main = main;
        int pool = 2 * channels.size() + 1;
        this.free = new ArrayBlockingQueue<>(pool);
        for (int i = 0; i < pool; i++) {
            free.add(new Packet());
        }
        for (int i = 0; i < channels.size(); i++) {
            this.channels.add(new Channel(i, channels.get(i)));
        }
        this.channels.forEach(c -> c.thread.start());
    }

    @Override
    public void page(PageRef page, int fill, boolean continued) throws IOException {
        check();
        flushEos();
        if (fill >= 0) {
            PageRecords.write(main, page, fill, lastMain == page.block());
            lastMain = page.block();
            return;
        }
        if (filling != null && filling.pages[0].block() != page.block()) {
            dispatch(); // one block per packet
        }
        if (filling == null) {
            filling = take();
        }
        filling.pages[filling.count++] = page;
        if (filling.count == MultifdPackets.PAGES) {
            dispatch();
        }
    }

    /** The section's pages out, then a SYNC on every channel, each written before this returns. */
    @Override
    public void sectionEnd() throws IOException {
        check();
        flushEos();
        if (filling != null) {
            dispatch();
        }
        for (Channel c : channels) {
            Packet sync = take();
            sync.flags = MultifdPackets.FLAG_SYNC;
            sync.num = packetNum++;
            put(c, sync);
        }
        for (Channel c : channels) {
            try {
                c.synced.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for multifd channel " + c.id + " to sync");
            }
        }
        check();
        eosToFlush = true;
    }

    private void flushEos() throws IOException {
        if (eosToFlush) {
            eosToFlush = false;
            main.flush();
        }
    }

    /** The filling packet to the next channel with room, else (all busy) to the next one in turn. */
    private void dispatch() throws IOException {
        Packet p = filling;
        filling = null;
        p.num = packetNum++;
        for (int i = 0; i < channels.size(); i++) {
            Channel c = channels.get((next + i) % channels.size());
            if (c.jobs.offer(p)) {
                next = (c.id + 1) % channels.size();
                return;
            }
        }
        Channel c = channels.get(next);
        next = (next + 1) % channels.size();
        put(c, p);
    }

    private Packet take() throws IOException {
        try {
            Packet p = free.take();
            p.count = 0;
            p.flags = 0;
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a free multifd packet");
        }
    }

    private static void put(Channel c, Packet p) throws IOException {
        try {
            c.jobs.put(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted queueing a packet for multifd channel " + c.id);
        }
    }

    private void check() throws IOException {
        IOException e = error;
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void putByte(int b) throws IOException {
        main.putByte(b);
    }

    @Override
    public void putBe32(int v) throws IOException {
        main.putBe32(v);
    }

    @Override
    public void putBe64(long v) throws IOException {
        main.putBe64(v);
    }

    @Override
    public void putBytes(byte[] src, int offset, int length) throws IOException {
        main.putBytes(src, offset, length);
    }

    /** Pages never travel on the main stream here: {@link #page} routes them. */
    @Override
    public void putPageBytes(PageRef page) {
        throw new IllegalStateException("a multifd sink sends whole pages on its channels, never on the main stream");
    }

    /** The main stream's bytes so far; the channels' are written by the time the last section ended (its sync). */
    @Override
    public void flush() throws IOException {
        check();
        eosToFlush = false;
        main.flush();
    }

    @Override
    public long bytesPut() {
        long n = main.bytesPut();
        for (Channel c : channels) {
            n += c.bytes;
        }
        return n;
    }

    @Override
    public long bytesCopied() {
        return main.bytesCopied();
    }

    /** the main stream's calls and every channel's, added up */
    @Override
    public SyscallCounts calls() {
        SyscallCounts all = new SyscallCounts();
        all.add(main.calls());
        channels.forEach(c -> all.add(c.calls));
        return all;
    }

    /** Per channel, in id order: bytes written (initial packet included), gathering writes and packets (SYNC included). */
    @Override
    public List<ChannelCount> channelCounts() {
        return channels.stream().map(c -> new ChannelCount(c.id, c.bytes, c.calls.writevs(), c.packets)).toList();
    }

    @Override
    public long ownThreadsUserNanos() {
        long ns = 0;
        for (Channel c : channels) {
            ns += Math.max(0, THREADS.getThreadUserTime(c.thread.getId()));
        }
        return ns;
    }

    @Override
    public long ownThreadsCpuNanos() {
        long ns = 0;
        for (Channel c : channels) {
            ns += Math.max(0, THREADS.getThreadCpuTime(c.thread.getId())); // -1 once a thread has ended
        }
        return ns;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Flushes the main stream and ends the channel threads (the channels are the caller's to close). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = error;
        try {
            if (failure == null) {
                flush();
            }
        } finally {
            for (Channel c : channels) {
                c.thread.interrupt();
            }
            for (Channel c : channels) {
                try {
                    c.thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** A packet: up to 128 pages of one block, by reference, and its header. */
    private static final class Packet {
        final PageRef[] pages = new PageRef[MultifdPackets.PAGES];
        final ByteBuffer header = MultifdPackets.newHeader();
        int count;
        int flags;
        long num;
    }

    /** One multifd connection and the thread that writes it. */
    private final class Channel {
        final int id;
        final GatheringByteChannel out;
        final BlockingQueue<Packet> jobs = new ArrayBlockingQueue<>(1);
        final Semaphore synced = new Semaphore(0);
        final SyscallCounts calls = new SyscallCounts();
        final ByteBuffer[] iov = new ByteBuffer[MultifdPackets.PAGES + 1];
        final Thread thread;
        long bytes;
        long packets;

        Channel(int id, GatheringByteChannel out) {
            this.id = id;
            this.out = out;
            this.thread = new Thread(this::run, "multifd-send-" + id);
            this.thread.setDaemon(true);
        }

        /** The initial packet, then packets until interrupted; after an error, packets are only handed back. */
        private void run() {
            boolean failed = false;
            try {
                ByteBuffer init = MultifdPackets.init(id);
                writeAll(new ByteBuffer[] {init}, 1);
            } catch (IOException e) {
                fail(e);
                failed = true;
            }
            while (true) {
                Packet p;
                try {
                    p = jobs.take();
                } catch (InterruptedException e) {
                    return; // close(): nothing more will be queued
                }
                if (!failed) {
                    try {
                        send(p);
                    } catch (IOException | RuntimeException e) {
                        fail(e instanceof IOException io ? io : new IOException(e));
                        failed = true;
                    }
                }
                boolean sync = (p.flags & MultifdPackets.FLAG_SYNC) != 0;
                java.util.Arrays.fill(p.pages, 0, p.count, null);
                free.add(p);
                if (sync) {
                    synced.release(); // after a failure too, so the sender wakes and sees it
                }
            }
        }

        private void send(Packet p) throws IOException {
            MultifdPackets.fill(p.header, p.flags, p.num, p.pages, p.count);
            iov[0] = p.header;
            for (int i = 0; i < p.count; i++) {
                iov[i + 1] = p.pages[i].bytes(); // in place: never copied
            }
            writeAll(iov, p.count + 1);
            packets++;
            java.util.Arrays.fill(iov, 1, p.count + 1, null);
        }

        /** One gathering write, resumed at the first undrained buffer while the kernel takes part of it. */
        private void writeAll(ByteBuffer[] buffers, int count) throws IOException {
            int first = 0;
            while (first < count) {
                calls.writev(count - first);
                bytes += out.write(buffers, first, count - first);
                while (first < count && !buffers[first].hasRemaining()) {
                    first++;
                }
            }
        }

        private void fail(IOException e) {
            synchronized (MultifdSink.this) {
                if (error == null) {
                    error = new IOException("multifd channel " + id + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
