package workbench.harness.stream;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * The destination's multifd sync points (multifd_recv_sync_main): at each RAM EOS the main stream
 * waits until every channel has read its next SYNC packet, and each channel, having read one, waits
 * until the main stream has reached that EOS before it reads on. So every page sent before a sync
 * has landed when the main stream passes its EOS, and no channel runs a section ahead. A failure
 * anywhere wakes everyone with it.
 */
public final class MultifdSync {
    private final int[] arrived;
    private int released;
    private boolean ended;
    private IOException failure;

    public MultifdSync(int channels) {
        this.arrived = new int[channels];
    }

    public int channels() {
        return arrived.length;
    }

    /** Channel {@code id} read a SYNC packet: waits until the main stream reached the matching EOS. */
    public synchronized void arrive(int id) throws IOException {
        if (ended) {
            throw new IOException("a SYNC after the main stream's last RAM EOS");
        }
        int mine = ++arrived[id];
        notifyAll();
        while (released < mine && failure == null && !ended) {
            await();
        }
        throwIfFailed();
    }

    /** The main stream read a RAM EOS: waits until every channel delivered its SYNC for it, then lets them read on. */
    public synchronized void eos() throws IOException {
        int want = released + 1;
        while (failure == null && !allArrived(want)) {
            await();
        }
        throwIfFailed();
        released = want;
        notifyAll();
    }

    /** {@code inner}, with each RAM EOS waiting here for the channels */
    public RamTarget around(RamTarget inner) {
        return new RamTarget() {
            @Override
            public workbench.workloads.ram.GuestRam onBlockList(java.util.List<workbench.workloads.ram.BlockSpec> blocks)
                    throws StreamFormatException {
                return inner.onBlockList(blocks);
            }

            @Override
            public long limit() {
                return inner.limit();
            }

            @Override
            public int untouchedFill() {
                return inner.untouchedFill();
            }

            @Override
            public void eos() throws IOException {
                inner.eos();
                MultifdSync.this.eos();
            }
        };
    }

    /** the EOS count so far: how many SYNCs each channel must have sent */
    public synchronized int syncs() {
        return released;
    }

    /** how many SYNCs channel {@code id} has read */
    public synchronized int arrived(int id) {
        return arrived[id];
    }

    /** The main stream ended: a later SYNC is an error, and nothing waits for the main stream any more. */
    public synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** the first failure sticks and wakes every waiter */
    public synchronized void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        notifyAll();
    }

    private boolean allArrived(int want) {
        for (int a : arrived) {
            if (a < want) {
                return false;
            }
        }
        return true;
    }

    private void await() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted at a multifd sync");
        }
    }

    private void throwIfFailed() throws IOException {
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
    }
}
