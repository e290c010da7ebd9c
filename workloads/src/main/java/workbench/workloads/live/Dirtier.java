package workbench.workloads.live;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Mix;
import workbench.workloads.ram.GuestRam;

/**
 * A running guest: writer threads that write pages of guest RAM at a rate, each write a new
 * version of the page ({@link LiveContent}), then mark the page in the dirty log — write first,
 * mark after, so a sync that clears the mark before the write ends leaves it marked again for the
 * next pass. Thread {@code t} of {@code n} owns the pages whose global index is {@code t mod n}, so
 * no two writers touch one page.
 *
 * <p>{@link #pause} stops the guest as a checkpoint does: it returns once no write is in flight,
 * and none starts until {@link #resume} (a read-write lock, each write under its read side; pause
 * and resume from the same thread). {@link #stop} ends the writers and joins them.
 */
public final class Dirtier implements AutoCloseable {
    /** a paced writer held back by a busy CPU catches up this much, no more (a pause is forgiven whole: see resume) */
    private static final long CATCH_UP_NANOS = 50_000_000L;
    private static final int BURST = 64;

    private final GuestRam ram;
    private final PageVersions versions;
    private final LiveContent content;
    private final DirtyLog log;
    private final Workload workload;
    private final long seed;
    private final long[] blockStarts;
    private final long pages;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final AtomicLong writes = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;
    /** counts resumptions: a paced writer owes nothing for the time the guest was paused */
    private volatile int resumed;
    private volatile Throwable failure;

    public Dirtier(GuestRam ram, PageVersions versions, LiveContent content, DirtyLog log, Workload workload, long seed) {
        this.ram = ram;
        this.versions = versions;
        this.content = content;
        this.log = log;
        this.workload = workload;
        this.seed = seed;
        this.blockStarts = new long[ram.blocks().size() + 1];
        for (int b = 0; b < ram.blocks().size(); b++) {
            blockStarts[b + 1] = blockStarts[b] + ram.blocks().get(b).pageCount();
        }
        this.pages = blockStarts[blockStarts.length - 1];
    }

    /** Starts the writers; the guest runs from now on. */
    public Dirtier start() {
        int n = workload.writers();
        for (int t = 0; t < n; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    write(id, n);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }, "guest-writer-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /** Returns once no write is in flight; none starts until {@link #resume}. */
    public void pause() {
        gate.writeLock().lock();
    }

    public void resume() {
        resumed++; // only the pausing thread writes it
        gate.writeLock().unlock();
    }

    /** Ends the writers (resuming a paused guest first) and waits for them; rethrows a writer's failure. */
    public void stop() {
        stopping = true;
        if (gate.isWriteLockedByCurrentThread()) {
            gate.writeLock().unlock();
        }
        for (Thread t : threads) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            throw new IllegalStateException("a guest writer failed: " + failure, failure);
        }
    }

    /** page writes so far, all writers */
    public long writes() {
        return writes.get();
    }

    @Override
    public void close() {
        stop();
    }

    private void write(int id, int n) {
        long own = (pages - id + n - 1) / n; // pages id, id + n, …
        if (own == 0) {
            return;
        }
        SplittableRandom random = new SplittableRandom(Mix.mix(seed, id, 0xD1127L));
        double rate = workload.writeRate() / (double) n; // 0: as fast as it can
        double owed = 0;
        long last = System.nanoTime();
        long sweep = 0;
        int seenResume = resumed;
        long hotOwn = Math.max(1, Math.min(own, (long) Math.ceil(workload.pattern().hotPages() * pages / n)));
        while (!stopping) {
            int burst = BURST;
            if (rate > 0) {
                long now = System.nanoTime();
                if (seenResume != resumed) { // a paused guest's clock stood still: no debt for the pause
                    seenResume = resumed;
                    last = now;
                    owed = 0;
                }
                owed = Math.min(owed + (now - last) * rate / 1e9, rate * CATCH_UP_NANOS / 1e9 + 1);
                last = now;
                if (owed < 1) {
                    LockSupport.parkNanos((long) ((1 - owed) / rate * 1e9));
                    continue;
                }
                burst = (int) Math.min(BURST, owed);
                owed -= burst;
            }
            for (int i = 0; i < burst && !stopping; i++) {
                long local = switch (workload.pattern().kind()) {
                    case UNIFORM -> random.nextLong(own);
                    case SWEEP -> sweep++ % own;
                    case HOT -> random.nextDouble() < workload.pattern().hotWrites() || hotOwn == own
                            ? random.nextLong(hotOwn) : hotOwn + random.nextLong(own - hotOwn);
                };
                writePage(local * n + id);
            }
        }
    }

    private void writePage(long global) {
        int block = blockOf(global);
        int page = (int) (global - blockStarts[block]);
        gate.readLock().lock();
        try {
            if (stopping) {
                return;
            }
            ByteBuffer view = ram.blocks().get(block).pageView(page);
            content.write(view, global, versions.next(block, page));
            log.mark(block, page); // after the write: see the class comment
            writes.incrementAndGet();
        } finally {
            gate.readLock().unlock();
        }
    }

    private int blockOf(long global) {
        int b = 0;
        while (global >= blockStarts[b + 1]) {
            b++;
        }
        return b;
    }
}
