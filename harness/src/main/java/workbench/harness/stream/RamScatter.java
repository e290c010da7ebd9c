package workbench.harness.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import workbench.harness.io.ScatterSource;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;

/**
 * The scatter receiver's part of the ram section: PAGE payloads read straight into RAM together
 * with the records predicted after them, and everything a wrong prediction wrote put back.
 *
 * <p>A prediction is "the next records are PAGE|CONTINUE at the next offsets"; how many it
 * predicts, {@link ScatterBatches} says from the failures so far. Each batch also takes the next
 * record's header and hands it back, so the header after a batch is read from the buffer rather
 * than by a buffer fill whose pages would then be copied; a read that ends inside the batch is
 * followed by the next scattering read into the rest of it.
 *
 * <p>A page a wrong prediction wrote that no record had written is not refilled at once: it is
 * usually the target of the very next records (a ZERO, then the PAGEs after it). Such pages form
 * one pending range, refilled with the untouched byte only where a later record skips them, or
 * at the end of the section body ({@link #settle}). Invariant: no page in the range has landed
 * since it joined, so refilling any of them is always right. A page a record had written is copied aside
 * before the read risks it and copied back at once.
 */
final class RamScatter {
    private static final int PAGE = StreamDecoder.PAGE_SIZE;
    private static final int HEADER = Long.BYTES;
    /** the most records one scatter predicts */
    static final int MAX_PREDICT = 256;
    /** records decoded plainly after predictions kept failing at their first record (offsets not consecutive) */
    static final int BACKOFF = 64;
    /** first-record failures in a row that start a back-off */
    private static final int FIRST_MISSES = 4;

    /** What the section reader does with a page that landed (counts it, tells its listener). */
    @FunctionalInterface
    interface Landing {
        void landed(RamBlock block, int index, long word, boolean named, ByteBuffer page);
    }

    private final ScatterSource source;
    private final Landing landing;
    /** the byte of RAM no record has written, or -1 when unknown (then every risked page is copied aside) */
    private final int untouchedFill;
    private final int maxPredict;
    private final ScatterBatches batches;
    private int backoff;
    private int firstMisses;
    /** [rest of the page][header 1][page 1]…[header n][page n][header n+1] */
    private final ByteBuffer[] iov;
    private final ByteBuffer[] headers;
    private final long[] expected;
    private final boolean[] saved;
    private final ByteBuffer save;
    private final ByteBuffer untouched;
    /** per block, the pages some record has written */
    private final Map<RamBlock, long[]> written = new IdentityHashMap<>();
    private RamBlock bitsBlock;
    private long[] bits;
    /** pages [pendingFrom, pendingTo) of pendingBlock may hold a wrong prediction's bytes; none has landed since */
    private RamBlock pendingBlock;
    private int pendingFrom;
    private int pendingTo;

    RamScatter(ScatterSource source, GuestRam ram, int untouchedFill, Landing landing) {
        this.source = source;
        this.landing = landing;
        this.untouchedFill = untouchedFill;
        long perRecord = HEADER + PAGE;
        maxPredict = (int) Math.max(1, Math.min(MAX_PREDICT, (source.maxScatter() - PAGE - HEADER) / perRecord));
        batches = new ScatterBatches(maxPredict);
        iov = new ByteBuffer[2 * maxPredict + 2];
        headers = new ByteBuffer[maxPredict + 2];
        for (int i = 1; i < headers.length; i++) {
            headers[i] = ByteBuffer.allocateDirect(HEADER);
        }
        expected = new long[maxPredict + 1];
        saved = new boolean[maxPredict + 1];
        save = ByteBuffer.allocateDirect(maxPredict * PAGE);
        untouched = ByteBuffer.allocateDirect(PAGE);
        for (int i = 0; i < PAGE && untouchedFill >= 0; i++) {
            untouched.put(i, (byte) untouchedFill);
        }
        for (RamBlock b : ram.blocks()) {
            written.put(b, new long[(b.pageCount() + 63) >>> 6]);
        }
    }

    /**
     * The payload of the PAGE record for {@code block}'s page {@code index} (its header read, the
     * source's next byte is the payload's first), and speculatively the records predicted after it.
     */
    void page(DecoderInput in, RamBlock block, int index, long word, boolean named, ByteBuffer page) throws IOException {
        int room = Math.min(maxPredict, block.pageCount() - 1 - index);
        int known = knownPages(index, room);
        boolean seen = known < room && PAGE + known * (HEADER + PAGE) + HEADER <= source.buffered();
        // records whose headers are buffered are known, not predicted: speculate only beyond them, unless one is not a page
        int n = seen ? known : Math.min(room, known + batches.next());
        if (backoff > 0 || n <= 0) {
            if (backoff > 0) {
                backoff--;
            }
            in.readInto(page);
            landing.landed(block, index, word, named, page);
            return;
        }
        iov[0] = page;
        for (int i = 1; i <= n; i++) {
            int q = index + i;
            ByteBuffer p = block.page(q);
            iov[2 * i - 1] = headers[i].clear();
            iov[2 * i] = p;
            expected[i] = (long) q * PAGE | StreamFormat.RAM_PAGE | StreamFormat.RAM_CONTINUE;
            saved[i] = untouchedFill < 0 || isWritten(block, q);
            if (saved[i]) {
                save.put((i - 1) * PAGE, p, 0, PAGE);
            }
        }
        int slots = 2 * n + 2;
        iov[slots - 1] = headers[n + 1].clear();
        source.scatter(iov, 0, slots);
        landing.landed(block, index, word, named, page);
        for (int i = 1; i <= n; i++) {
            ByteBuffer h = headers[i];
            if (h.hasRemaining() && prefixMatches(h, expected[i])) {
                // the read ended inside the header and so far it is the predicted one: read on into the batch
                in.expect("a RAM record (be64 offset|flags)");
                source.scatter(iov, 2 * i - 1, slots - (2 * i - 1));
            }
            if (h.hasRemaining() || h.getLong(0) != expected[i]) {
                handBack(block, index, n, i);
                return;
            }
            ByteBuffer p = iov[2 * i];
            if (p.hasRemaining()) {
                in.expect("the 4096 bytes of a PAGE record");
                source.scatter(iov, 2 * i, slots - 2 * i); // a confirmed record whose page the read cut short
            }
            landing.landed(block, index + i, expected[i], false, p);
        }
        source.unread(iov[slots - 1]); // the next record's header (what arrived of it), read next from the buffer
        if (seen) {
            batches.failed(n); // the rate of records that are not the next page counts the ones seen in the buffer too
        } else {
            batches.held(n);
        }
        firstMisses = 0;
    }

    /**
     * How many of the records after the page at {@code index} (at most {@code room}) are, as far
     * as their headers are already buffered, PAGE|CONTINUE at the next offsets.
     */
    private int knownPages(int index, int room) {
        int buffered = source.buffered();
        int k = 0;
        while (k < room) {
            int at = PAGE + k * (HEADER + PAGE);
            if (at + HEADER > buffered
                    || source.bufferedBe64(at) != ((long) (index + k + 1) * PAGE | StreamFormat.RAM_PAGE | StreamFormat.RAM_CONTINUE)) {
                break;
            }
            k++;
        }
        return k;
    }

    /** Record {@code i} of the batch at {@code index} was not the predicted one: gives its bytes and all after back. */
    private void handBack(RamBlock block, int index, int n, int i) {
        int lastFilled = 2 * n + 1;
        while (lastFilled >= 2 * i - 1 && iov[lastFilled].position() == 0) {
            lastFilled--;
        }
        for (int k = lastFilled; k >= 2 * i - 1; k--) {
            source.unread(iov[k]);
        }
        int end = i; // pages [i, end) of the batch got bytes
        boolean anySaved = false;
        while (end <= n && iov[2 * end].position() > 0) {
            anySaved |= saved[end];
            end++;
        }
        if (end > i) {
            if (anySaved) {
                source.restored(end - i);
                for (int j = i; j < end; j++) {
                    ByteBuffer p = iov[2 * j];
                    if (saved[j]) {
                        p.put(0, save, (j - 1) * PAGE, PAGE);
                    } else {
                        p.put(0, untouched, 0, PAGE);
                    }
                }
            } else {
                addPending(block, index + i, index + end);
            }
        }
        source.mispredicted();
        batches.failed(i - 1);
        if (i == 1 && ++firstMisses >= FIRST_MISSES) {
            backoff = BACKOFF;
            firstMisses = 0;
        } else if (i > 1) {
            firstMisses = 0;
        }
    }

    /**
     * Pages {@code [from, to)} hold bytes of a wrong prediction and no record wrote them; a pending
     * range they overlap or touch (usually one that starts at {@code from}: the pages before it
     * have landed since) joins them, any other is refilled first.
     */
    private void addPending(RamBlock block, int from, int to) {
        if (pendingBlock == block && from <= pendingTo && pendingFrom <= to) {
            pendingFrom = Math.min(pendingFrom, from);
            pendingTo = Math.max(pendingTo, to);
            return;
        }
        settle();
        pendingBlock = block;
        pendingFrom = from;
        pendingTo = to;
    }

    /** Every page a record lands on (PAGE, ZERO, a run's page), before the reader counts it. */
    void wrote(RamBlock block, int index) {
        if (block == pendingBlock && index >= pendingFrom && index < pendingTo) {
            // pages before it in the range were skipped over: the records of a batch land in order, so
            // none of them is a page the current scatter filled and will land yet
            refill(block, pendingFrom, index);
            pendingFrom = index + 1;
            if (pendingFrom == pendingTo) {
                pendingBlock = null;
            }
        } // a page outside the range leaves it pending: it may still be written by the records that follow
        if (block != bitsBlock) {
            bitsBlock = block;
            bits = written.get(block);
        }
        bits[index >>> 6] |= 1L << index;
    }

    /** Refills every page still pending with the untouched byte: at the end of each section body, before anything reads RAM. */
    void settle() {
        if (pendingBlock != null) {
            refill(pendingBlock, pendingFrom, pendingTo);
            pendingBlock = null;
        }
    }

    private void refill(RamBlock block, int from, int to) {
        source.restored(to - from);
        for (int q = from; q < to; q++) {
            block.page(q).put(0, untouched, 0, PAGE);
        }
    }

    private boolean isWritten(RamBlock block, int index) {
        if (block != bitsBlock) {
            bitsBlock = block;
            bits = written.get(block);
        }
        return (bits[index >>> 6] & (1L << index)) != 0;
    }

    /**
     * {@code count} pages of a run record from {@code first}, with scattering reads of at most
     * {@link #maxPredict} pages: every byte of them is known to belong, so nothing is predicted or
     * handed back.
     */
    void runPages(RamBlock block, int first, int count, boolean named) throws IOException {
        int queued = 0; // pages handed to a scatter so far
        int landed = 0;
        ByteBuffer partial = null; // a page the last scatter filled only in part: it leads the next one
        while (landed < count) {
            int k = 0;
            if (partial != null) {
                iov[k++] = partial;
            }
            while (k < maxPredict && queued < count) {
                iov[k++] = block.page(first + queued++);
            }
            source.scatter(iov, k);
            partial = null;
            for (int i = 0; i < k; i++) {
                if (iov[i].hasRemaining()) {
                    partial = iov[i];
                    queued -= k - 1 - i; // the pages after it got nothing: they are fetched (rewound) again
                    break;
                }
                int index = first + landed;
                boolean head = named && landed == 0;
                landing.landed(block, index, RamSectionReader.runPageWord(index, head), head, iov[i]);
                landed++;
            }
        }
    }

    /** whether the header bytes that arrived begin the predicted be64 */
    private static boolean prefixMatches(ByteBuffer h, long expected) {
        for (int b = 0; b < h.position(); b++) {
            if (h.get(b) != (byte) (expected >>> (56 - 8 * b))) {
                return false;
            }
        }
        return true;
    }
}
