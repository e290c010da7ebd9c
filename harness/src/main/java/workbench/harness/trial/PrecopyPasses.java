package workbench.harness.trial;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import workbench.harness.io.StreamSink;
import workbench.harness.metrics.Clock;
import workbench.harness.stream.StreamEncoder;
import workbench.reports.model.LiveFigures;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.live.Dirtier;
import workbench.workloads.live.Workload;

/**
 * Iterative pre-copy over a running guest, as QEMU's RAM migration does it: pass 1 sends every
 * page; each later pass syncs the dirty log (clearing it) and sends what was dirtied meanwhile;
 * when the dirty set left would cross within the allowed downtime at the bandwidth measured so
 * far — or the live passes run out — the writers stop, the rest goes as the stop-and-copy pass,
 * and the stream completes. The encoder reads a sync's snapshot, never the live log, so a page
 * written during a pass is sent by the next.
 */
final class PrecopyPasses {
    /** what a record of a page costs on the wire at most: its header and the page */
    private static final int RECORD_HEADER = 8;

    /**
     * @param passes     every pass, the stop-and-copy one last
     * @param converged  whether the rest fitted the downtime before the passes ran out
     * @param pausedAt   the clock when the writers were stopped (the downtime starts)
     * @param sent       pages sent over all passes
     * @param writesPerSecond the writers' rate while the guest ran
     * @param bandwidth  bytes per second measured before the pause
     */
    record Outcome(List<LiveFigures.Pass> passes, boolean converged, long pausedAt, StreamEncoder.Sent sent,
                   double writesPerSecond, double bandwidth) {
    }

    /** a test's hook: what happens to the dirty log between the writers' stop and the last sync (a dropped bit) */
    interface BeforeLastSync {
        BeforeLastSync NONE = log -> {
        };

        void accept(DirtyLog log);
    }

    private final StreamEncoder encoder;
    private final Workload workload;
    private final Clock clock;
    private final int pageSize;
    private final BeforeLastSync hook;

    PrecopyPasses(StreamEncoder encoder, Workload workload, Clock clock, int pageSize) {
        this(encoder, workload, clock, pageSize, BeforeLastSync.NONE);
    }

    PrecopyPasses(StreamEncoder encoder, Workload workload, Clock clock, int pageSize, BeforeLastSync hook) {
        this.hook = hook;
        this.encoder = encoder;
        this.workload = workload;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * The whole stream, from START to the vmdesc, flushed; the writers are running when it is called
     * ({@code first} is every page, {@code log} what they dirty) and stopped when it returns.
     */
    Outcome send(StreamSink sink, DirtyLog first, DirtyLog log, Dirtier guest) throws IOException {
        long t0 = clock.nanoTime();
        encoder.start(sink);
        List<LiveFigures.Pass> passes = new ArrayList<>();
        StreamEncoder.Sent total = pass(sink, first, passes, false);
        boolean converged = false;
        while (true) {
            double elapsed = (clock.nanoTime() - t0) / 1e9;
            double bandwidth = elapsed > 0 ? sink.bytesPut() / elapsed : Double.POSITIVE_INFINITY;
            double rest = (double) log.count() * (pageSize + RECORD_HEADER);
            if (rest <= bandwidth * workload.maxDowntimeNanos() / 1e9) {
                converged = true;
                break;
            }
            if (passes.size() >= workload.maxPasses()) {
                break; // not converged: said so in the figures, never hidden
            }
            total = total.plus(pass(sink, log.sync(), passes, false));
        }
        double ran = (clock.nanoTime() - t0) / 1e9;
        long pausedAt = clock.nanoTime();
        guest.stop(); // every write done and marked: the last sync sees them all
        hook.accept(log);
        double rate = ran > 0 ? guest.writes() / ran : 0;
        double bandwidth = ran > 0 ? sink.bytesPut() / ran : 0;
        total = total.plus(pass(sink, log.sync(), passes, true));
        encoder.complete(sink);
        return new Outcome(passes, converged, pausedAt, total, rate, bandwidth);
    }

    private StreamEncoder.Sent pass(StreamSink sink, DirtyLog pages, List<LiveFigures.Pass> passes, boolean stopAndCopy)
            throws IOException {
        long bytes0 = sink.bytesPut();
        long t = clock.nanoTime();
        StreamEncoder.Sent sent = encoder.pass(sink, pages, StreamEncoder.Read.KEEP);
        passes.add(new LiveFigures.Pass(passes.size() + 1, sent.dupPages() + sent.nodupPages(), sink.bytesPut() - bytes0,
                (clock.nanoTime() - t) / 1e9, stopAndCopy));
        return sent;
    }
}
