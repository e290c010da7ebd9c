package workbench.harness.serve;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import workbench.harness.stream.MultifdChannelReader;
import workbench.harness.stream.MultifdSync;
import workbench.harness.stream.StreamFormatException;
import workbench.workloads.ram.GuestRam;

/** A trial's multifd channels at the receiver: one thread each reading its packets into RAM. */
final class MultifdReaders {
    private final List<MultifdChannelReader> readers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile String failure;

    private MultifdReaders() {
    }

    /** Starts a reader for each channel (in id order); none for a single stream. */
    static MultifdReaders start(List<? extends ReadableByteChannel> channels, GuestRam ram, MultifdSync sync) {
        MultifdReaders r = new MultifdReaders();
        for (int id = 0; id < channels.size(); id++) {
            MultifdChannelReader reader = new MultifdChannelReader(id, channels.get(id), ram, sync);
            Thread t = new Thread(() -> r.run(reader, sync), "multifd-recv-" + id);
            t.setDaemon(true);
            r.readers.add(reader);
            r.threads.add(t);
        }
        r.threads.forEach(Thread::start);
        return r;
    }

    private void run(MultifdChannelReader reader, MultifdSync sync) {
        try {
            reader.read();
        } catch (StreamFormatException e) {
            fail(sync, e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(sync, "multifd channel " + reader.id() + " broke after " + reader.bytes() + " bytes: " + e.getMessage());
        }
    }

    private synchronized void fail(MultifdSync sync, String why) {
        if (failure == null) {
            failure = why;
        }
        sync.fail(new IOException(why));
    }

    /** the first channel's failure, if one failed */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Waits for every channel to end (the sender closes them after its last SYNC); then each must
     * have synced exactly once per RAM EOS of the main stream. Empty when all did; else why not.
     */
    Optional<String> awaitEnd(MultifdSync sync) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted waiting for the multifd channels to end");
            }
        }
        if (failure != null) {
            return Optional.of(failure);
        }
        for (MultifdChannelReader r : readers) {
            if (sync.arrived(r.id()) != sync.syncs()) {
                return Optional.of("multifd channel " + r.id() + " sent " + sync.arrived(r.id()) + " SYNC packets for the main stream's "
                        + sync.syncs() + " RAM sections");
            }
        }
        return Optional.empty();
    }

    /** bytes the channels delivered so far, initial packets included */
    long bytes() {
        return readers.stream().mapToLong(MultifdChannelReader::bytes).sum();
    }

    /** pages the channels landed */
    long pages() {
        return readers.stream().mapToLong(MultifdChannelReader::pages).sum();
    }
}
