package workbench.harness.stream;

import static workbench.harness.stream.StreamFormat.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import workbench.harness.io.PageRuns;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.BlockSpec;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;

/**
 * The body of the "ram" section (qemu-stream-format.md §2): the MEM_SIZE setup with its block list
 * at the head of START, then page records in any START/PART/END body, each body ending with EOS.
 * The "last block" of CONTINUE persists across sections; it is reset only by the setup.
 * Every page lands in the target's RAM; nothing is allocated per record.
 */
final class RamSectionReader {
    /** flags 7.2 defines but this decoder does not take: they need capabilities we never negotiate */
    private static final long UNSUPPORTED = RAM_FULL | RAM_XBZRLE | RAM_HOOK | RAM_COMPRESS_PAGE;
    private static final long KNOWN = UNSUPPORTED | RAM_ZERO | RAM_MEM_SIZE | RAM_PAGE | RAM_EOS | RAM_CONTINUE | RAM_RUN;
    private static final int PAGE = StreamDecoder.PAGE_SIZE;
    /**
     * the most blocks a block list may have: QEMU sets no limit, but a -M pc guest has 7 and each
     * block costs a buffer (and under /dev/shm a file and a mapping), so a list of a hostile
     * count of one-page blocks is refused rather than allocated
     */
    static final int MAX_BLOCKS = 1024;

    private final DecoderInput in;
    private final RamTarget target;
    private final RamRecordListener listener;
    private final byte[] idstr = new byte[255];
    /** a page of the last fill byte: a ZERO record lands as one bulk copy */
    private final ByteBuffer template = ByteBuffer.allocateDirect(PAGE);
    private int templateFill;
    private GuestRam ram;
    /** the blocks by the ISO-8859-1 reading of their idstr bytes: one lookup per named record */
    private final Map<String, RamBlock> byName = new HashMap<>();
    private RamBlock last;
    private long zero;
    private long nonzeroFill;
    private long pages;
    private long uniformPages;
    private long idstrs;
    private long runs;
    /** whether the stream announced the workbench's page runs: only then is a RUN record read */
    private boolean runsAnnounced;

    /** whether the source scatters; then, once the RAM is known, the scatter path */
    private final boolean scatterOn;
    private RamScatter scatter;

    RamSectionReader(DecoderInput in, RamTarget target, RamRecordListener listener) {
        this.in = in;
        this.target = target;
        this.listener = listener;
        this.scatterOn = in.canScatter();
    }

    boolean isSetUp() {
        return ram != null;
    }

    /** Only after {@link #isSetUp}. */
    GuestRam ram() {
        return ram;
    }

    RecordCounts counts() {
        return new RecordCounts(zero, nonzeroFill, pages, uniformPages, idstrs, runs);
    }

    /** The stream announced {@link PageRuns#CAPABILITY}: RUN records may follow. */
    void acceptRuns() {
        runsAnnounced = true;
    }

    /** Reads one section body up to and including its EOS; {@code start} for the START body, which must open with MEM_SIZE. */
    void readBody(boolean start) throws IOException, StreamFormatException {
        while (true) {
            in.expect("a RAM record (be64 offset|flags)");
            long at = in.offset();
            long word = in.readBe64();
            long flags = word & FLAG_MASK;
            long offset = word & ~FLAG_MASK;
            if (start && ram == null && flags != RAM_MEM_SIZE) {
                throw new StreamFormatException(at, "the MEM_SIZE setup record (flags 0x004) first in the ram START section",
                        "word " + hex16(word));
            }
            if (flags == RAM_EOS) {
                if (offset != 0) {
                    throw new StreamFormatException(at, "EOS as the word 0x0000000000000010", "word " + hex16(word));
                }
                if (scatter != null) {
                    scatter.settle(); // the body is over: no page a wrong prediction wrote stays so
                }
                target.eos();
                return;
            }
            checkFlags(at, word, flags);
            long kind = flags & ~RAM_CONTINUE;
            if (kind == RAM_MEM_SIZE && flags == RAM_MEM_SIZE) {
                if (ram != null || !start) {
                    throw new StreamFormatException(at, "one MEM_SIZE record, at the head of the ram START section",
                            !start ? "MEM_SIZE in a SECTION_PART/END" : "a second MEM_SIZE record");
                }
                setup(at, offset);
            } else if (kind == RAM_ZERO || kind == RAM_PAGE) {
                page(at, word, flags, offset);
            } else if (kind == RAM_RUN) {
                run(at, word, flags, offset);
            } else {
                throw new StreamFormatException(at, "one of ZERO, PAGE, MEM_SIZE or EOS, with CONTINUE only on ZERO/PAGE",
                        "the flag combination 0x" + Long.toHexString(flags) + " in word " + hex16(word));
            }
        }
    }

    private static void checkFlags(long at, long word, long flags) throws StreamFormatException {
        long unsupported = flags & UNSUPPORTED;
        if (unsupported != 0) {
            throw new StreamFormatException(at, "RAM flags ZERO, PAGE, MEM_SIZE, EOS, CONTINUE",
                    "unsupported RAM flag " + flagName(Long.lowestOneBit(unsupported)) + " in word " + hex16(word));
        }
        long unknown = flags & ~KNOWN;
        if (unknown != 0) {
            throw new StreamFormatException(at, "RAM flags ZERO, PAGE, MEM_SIZE, EOS, CONTINUE (offsets are 4 KiB-aligned,"
                    + " so all low 12 bits are flags)", "unknown RAM flag bits 0x" + Long.toHexString(unknown)
                    + " in word " + hex16(word) + " (not page-aligned, or not QEMU 7.2)");
        }
    }

    private static String flagName(long bit) {
        String name = bit == RAM_FULL ? "FULL" : bit == RAM_XBZRLE ? "XBZRLE" : bit == RAM_HOOK ? "HOOK" : "COMPRESS_PAGE";
        return name + " (0x" + Long.toHexString(bit) + ")";
    }

    /** The block a ZERO/PAGE/RUN record names (or continues), with its offset checked to lie inside it. */
    private RamBlock recordBlock(long at, long word, long flags, long offset) throws IOException, StreamFormatException {
        RamBlock block;
        if ((flags & RAM_CONTINUE) == 0) {
            in.expect("the block idstr of a RAM record (u8 length, bytes)");
            block = namedBlock(at);
            idstrs++;
        } else if (last == null) {
            throw new StreamFormatException(at, "a block idstr (no CONTINUE) on the first page record after setup",
                    "CONTINUE in word " + hex16(word));
        } else {
            block = last;
        }
        if (Long.compareUnsigned(offset, block.length()) >= 0) { // a word with bit 63 set is no negative offset
            throw new StreamFormatException(at, "an offset inside block " + IdStrings.shown(block.name()) + " (length 0x"
                    + Long.toHexString(block.length()) + ")", "offset 0x" + Long.toHexString(offset));
        }
        last = block;
        return block;
    }

    /**
     * A run record of the workbench's extension (io.PageRuns): be32 N, then N whole pages at
     * consecutive offsets of one block. Listeners see each page as the PAGE record it stands for
     * (the first named as the run was), so a run stream's record sequence equals the QEMU stream's.
     * With a scattering source the pages are read straight into RAM, every byte of them known to
     * belong, so nothing is predicted or handed back.
     */
    private void run(long at, long word, long flags, long offset) throws IOException, StreamFormatException {
        if (!runsAnnounced) {
            throw new StreamFormatException(at, "a RAM record of QEMU 7.2 (a run record 0x400 only in a stream whose"
                    + " CONFIGURATION announces capability " + PageRuns.CAPABILITY + ")",
                    "an unannounced run record, word " + hex16(word));
        }
        RamBlock block = recordBlock(at, word, flags, offset);
        int first = (int) (offset / PAGE);
        in.expect("the page count of a run record (be32)");
        long count = Integer.toUnsignedLong(in.readBe32());
        if (count < 1 || count > block.pageCount() - first) {
            throw new StreamFormatException(at, "a run of 1.." + (block.pageCount() - first) + " pages from offset 0x"
                    + Long.toHexString(offset) + " of block " + IdStrings.shown(block.name()), "a run of " + count + " pages");
        }
        runs++;
        boolean named = (flags & RAM_CONTINUE) == 0;
        in.expect("the " + count + " pages of a run record");
        if (scatterOn && in.scatter() != null) {
            scatter.runPages(block, first, (int) count, named);
            return;
        }
        for (int i = 0; i < count; i++) {
            ByteBuffer page = block.page(first + i);
            in.readInto(page);
            pageLanded(block, first + i, runPageWord(first + i, named && i == 0), named && i == 0, page);
        }
    }

    /** the PAGE record word a run's page stands for */
    static long runPageWord(int index, boolean named) {
        return (long) index * PAGE | RAM_PAGE | (named ? 0 : RAM_CONTINUE);
    }

    private void page(long at, long word, long flags, long offset) throws IOException, StreamFormatException {
        RamBlock block = recordBlock(at, word, flags, offset);
        boolean named = (flags & RAM_CONTINUE) == 0;
        ByteBuffer page = block.page((int) (offset / PAGE));
        int fill = -1;
        if ((flags & RAM_ZERO) != 0) {
            in.expect("the fill byte of a ZERO record");
            fill = in.readByte();
            if (fill != templateFill) {
                for (int i = 0; i < PAGE; i += Long.BYTES) {
                    template.putLong(i, fill * 0x0101010101010101L);
                }
                templateFill = fill;
            }
            page.put(0, template, 0, PAGE);
            zero++;
            if (fill != 0) {
                nonzeroFill++;
            }
            if (scatterOn) {
                scatter.wrote(block, (int) (offset / PAGE));
            }
            listener.record(word, named, fill, page);
        } else {
            in.expect("the 4096 bytes of a PAGE record");
            if (scatterOn && in.scatter() != null) {
                scatter.page(in, block, (int) (offset / PAGE), word, named, page);
                return;
            }
            in.readInto(page);
            pageLanded(block, (int) (offset / PAGE), word, named, page);
        }
    }

    private void pageLanded(RamBlock block, int index, long word, boolean named, ByteBuffer page) {
        pages++;
        if (DupPolicy.UNIFORM.dupFill(page, 0, PAGE) >= 0) {
            uniformPages++;
        }
        if (scatterOn) {
            scatter.wrote(block, index);
        }
        listener.record(word, named, -1, page);
    }

    private RamBlock namedBlock(long at) throws IOException, StreamFormatException {
        int len = in.readByte();
        in.readFully(idstr, 0, len);
        RamBlock block = byName.get(new String(idstr, 0, len, StandardCharsets.ISO_8859_1));
        if (block != null) {
            return block;
        }
        throw new StreamFormatException(at, "a block of the stream's list " + RamTarget.describe(ram.layout()),
                "unknown block '" + IdStrings.printable(idstr, len) + "'");
    }

    private void setup(long at, long total) throws IOException, StreamFormatException {
        if (total == 0) {
            throw new StreamFormatException(at, "a MEM_SIZE total of at least one page", "total 0");
        }
        if (Long.compareUnsigned(total, target.limit()) > 0) {
            throw new RamRefusedException(at, "a MEM_SIZE total of at most " + bytes(target.limit()) + " (the decoder's RAM limit, --max-ram)",
                    "total " + bytes(total), false);
        }
        List<BlockSpec> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long sum = 0;
        while (sum < total) {
            in.expect("a RAM block list entry (u8 length, idstr, be64 used_length)");
            long entryAt = in.offset();
            if (list.size() == MAX_BLOCKS) {
                throw new StreamFormatException(entryAt, "a block list of at most " + MAX_BLOCKS + " blocks",
                        "a block " + (MAX_BLOCKS + 1) + " with 0x" + Long.toHexString(total - sum) + " of the MEM_SIZE total still to come");
            }
            int len = in.readByte();
            if (len == 0) {
                throw new StreamFormatException(entryAt, "a block idstr of 1..255 bytes" + (list.isEmpty() ? ""
                        : " (the block list " + RamTarget.describe(list) + " has 0x" + Long.toHexString(sum)
                        + " of the MEM_SIZE total 0x" + Long.toHexString(total) + ")"), "length 0");
            }
            in.readFully(idstr, 0, len);
            String name = IdStrings.decode(entryAt, "a block idstr", idstr, len);
            long used = in.readBe64();
            if (used <= 0 || used % PAGE != 0) {
                throw new StreamFormatException(entryAt, "a used_length of block " + IdStrings.shown(name) + " that is a positive multiple of "
                        + PAGE, "0x" + Long.toHexString(used));
            }
            if (!seen.add(name)) {
                throw new StreamFormatException(entryAt, "distinct block names", "a second block '" + IdStrings.shown(name) + "'");
            }
            list.add(new BlockSpec(name, used));
            if (used > total - sum) { // sum < total here, so total - sum cannot overflow, and the sum never does
                throw new StreamFormatException(entryAt, "a block list adding up to the MEM_SIZE total 0x" + Long.toHexString(total),
                        "blocks " + RamTarget.describe(list) + " exceeding it"
                        + (list.size() > RamTarget.DESCRIBED ? " at block " + IdStrings.shown(name) + " (0x" + Long.toHexString(used) + " bytes)" : ""));
            }
            sum += used;
        }
        attach(at, list);
    }

    private void attach(long at, List<BlockSpec> list) throws StreamFormatException {
        GuestRam r;
        try {
            r = target.onBlockList(List.copyOf(list));
        } catch (RamRefusedException e) {
            throw e.at(at);
        } catch (StreamFormatException e) {
            StreamFormatException moved = new StreamFormatException(at, e.expected(), e.found());
            moved.initCause(e);
            throw moved;
        }
        if (!r.hasLayout(list) || r.pageSize() != PAGE) {
            throw new IllegalStateException("RAM target returned RAM of layout " + r.layout() + " with "
                    + r.pageSize() + "-byte pages for the block list " + list);
        }
        ram = r;
        byName.clear();
        for (RamBlock b : r.blocks()) {
            byName.put(new String(b.name().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), b);
        }
        last = null;
        if (scatterOn) {
            scatter = new RamScatter(in.scatterSource(), r, target.untouchedFill(), this::pageLanded);
        }
    }

    /** e.g. {@code 0x40000000000 (4 TiB)} */
    static String bytes(long n) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int u = 0;
        while (u < units.length - 1 && Long.compareUnsigned(n, 1L << (10 * (u + 1))) >= 0) {
            u++;
        }
        String size = Long.toUnsignedString(n) + " bytes";
        if (u > 0) {
            String v = String.format(java.util.Locale.ROOT, "%.1f", (double) (n >>> (10 * u - 10)) / 1024);
            size = (v.endsWith(".0") ? v.substring(0, v.length() - 2) : v) + " " + units[u];
        }
        return "0x" + Long.toHexString(n) + " (" + size + ")";
    }

    static String hex16(long word) {
        return String.format("0x%016x", word);
    }
}
