package workbench.harness.stream;

/**
 * How many records the scatter receiver predicts per scattering read. A prediction fails where a
 * record is not the next full page (a ZERO record, a jump in offset, the section's end); the
 * records before it are kept, the ones after it are handed back and read again, so a failure
 * costs about half a batch of extra copies, while each batch costs a read (a system call). With
 * failures at random at a rate of one per {@code g} pages, a batch of {@code n} costs per page
 * about {@code read / n + copies * n / (2 g)}, which is least at {@code n = sqrt(2 g * read / copies)}:
 * {@code sqrt(READ_IN_PAGES * g)}. The gap {@code g} is estimated from the pages between failures
 * (a moving average of the last few), and never taken as less than the run since the last failure, so
 * a stream of nodup pages soon reads in the largest batches again.
 */
final class ScatterBatches {
    /**
     * {@code 2 * read / copies}, a read's fixed cost over a handed-back page's, in ReceiveBench's
     * terms: at 4 the default mix (3.4% ZERO records at random) reads ~12.5 pages per read (the
     * buffered receiver's 32 KiB reads: 8) and copies 0.38 pages per page out of its buffer
     * (buffered: 0.97); 13 (a 2 µs system call over two 4 KiB copies) read 22 and copied 0.8. A
     * receiver that keeps up reads what has arrived, whatever the batch, so short batches cost
     * few extra system calls.
     */
    static final double READ_IN_PAGES = 4;
    /** the weight of the latest gap in the average */
    private static final double WEIGHT = 0.25;

    private final int max;
    /** the average gap in pages between failures; 0 before the first */
    private double gap;
    /** pages kept since the last failure */
    private long run;

    /** @param max the most records one batch may predict */
    ScatterBatches(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a batch predicts at least one record, not " + max);
        }
        this.max = max;
    }

    /** records to predict in the next batch: 1..max */
    int next() {
        double g = Math.max(gap, run + 1);
        return (int) Math.max(1, Math.min(max, Math.sqrt(READ_IN_PAGES * g)));
    }

    /** A batch's first page and {@code predicted} records after it all held. */
    void held(int predicted) {
        run += predicted + 1;
    }

    /** A batch's first page and {@code kept} of its predicted records held; the next one did not. */
    void failed(int kept) {
        run += kept + 1;
        gap = gap == 0 ? run : gap + WEIGHT * (run - gap);
        run = 0;
    }
}
