package workbench.harness.stream;

import static workbench.harness.stream.StreamFormat.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import workbench.harness.io.PageRef;
import workbench.harness.io.PageTable;
import workbench.harness.io.StreamSink;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;

/**
 * Writes guest RAM as a QEMU 7.2 precopy stream, in passes as QEMU's RAM section does:
 * {@link #start} (header, configuration "none", ram START with MEM_SIZE and the block list), one
 * {@link #pass} per iteration over a set of dirty pages (one PART section), and {@link #complete}
 * (END, the timer and globalstate device sections of a paused `-M none` guest, EOF and a minimal
 * vmdesc). A bulk transfer is one pass over every page to send. The encoder knows the format and
 * nothing of system calls: the sink decides how bytes reach the kernel, and a sink whose framing
 * is a workbench extension names it ({@link StreamSink#capabilities}), which the encoder announces
 * in the CONFIGURATION section as QEMU announces its own capabilities.
 */
public final class StreamEncoder {
    public static final String MACHINE = "none";
    static final int RAM_SECTION_ID = 2;
    static final int TIMER_SECTION_ID = 0;
    static final int GLOBALSTATE_SECTION_ID = 4;
    private static final byte[] VMDESC = "{\"page_size\": 4096, \"devices\": []}".getBytes(StandardCharsets.US_ASCII);
    private static final String RUNSTATE = "prelaunch";

    private final GuestRam ram;
    private final PageTable pages;
    private final DirtyLog bulk;
    private final DupPolicy policy;

    /** What a pass (or a whole encoding) sent. */
    public record Sent(long dupPages, long nodupPages) {
        public Sent plus(Sent other) {
            return new Sent(dupPages + other.dupPages, nodupPages + other.nodupPages);
        }
    }

    /** How a pass reads the dirty log. */
    public enum Read {
        /** leave the log as it is: a bulk transfer sends the same pages every trial */
        KEEP,
        /** test and clear each page before sending it, as a pass over a running guest does */
        CLEAR
    }

    /** @param bulk the pages a bulk transfer sends (every page, or the dirty fraction of a later round) */
    public StreamEncoder(PageTable pages, DirtyLog bulk, DupPolicy policy) {
        this.ram = pages.ram();
        if (ram.pageSize() != StreamDecoder.PAGE_SIZE) {
            // the low 12 bits of a record word are flags and a PAGE record carries 4096 bytes: other
            // page sizes would put offset bits among the flags (smaller) or write non-QEMU records (larger)
            throw new IllegalArgumentException("a QEMU x86 stream carries " + StreamDecoder.PAGE_SIZE
                    + "-byte pages; this RAM has " + ram.pageSize() + "-byte pages");
        }
        checkCovers(bulk);
        this.pages = pages;
        this.bulk = bulk;
        this.policy = policy;
    }

    /** The whole bulk stream: start, one pass over the bulk pages, complete; flushed. */
    public Sent encode(StreamSink out) throws IOException {
        start(out);
        Sent sent = pass(out, bulk, Read.KEEP);
        complete(out);
        return sent;
    }

    /** The stream's header, configuration and the RAM section's START (sizes and block list). */
    public void start(StreamSink out) throws IOException {
        out.putBe32(MAGIC);
        out.putBe32(VERSION);
        out.putByte(CONFIGURATION);
        out.putBe32(MACHINE.length());
        out.putBytes(MACHINE.getBytes(StandardCharsets.US_ASCII));
        capabilities(out);

        sectionHeader(out, SECTION_START, RAM_SECTION_ID, RAM_IDSTR, RAM_VERSION);
        out.putBe64(ram.size() | RAM_MEM_SIZE);
        for (RamBlock block : ram.blocks()) {
            byte[] idstr = block.name().getBytes(StandardCharsets.UTF_8);
            out.putByte(idstr.length);
            out.putBytes(idstr);
            out.putBe64(block.length());
        }
        endRamSection(out);
    }

    /**
     * The capabilities the sink's framing needs, as QEMU writes configuration/capabilities (u8
     * length + idstr, be32 version 1, be32 count, each u8 length + name); nothing for QEMU's framing.
     */
    private static void capabilities(StreamSink out) throws IOException {
        List<String> caps = out.capabilities();
        if (caps.isEmpty()) {
            return;
        }
        byte[] name = CAPABILITIES_SUBSECTION.getBytes(StandardCharsets.US_ASCII);
        out.putByte(SUBSECTION);
        out.putByte(name.length);
        out.putBytes(name);
        out.putBe32(1);
        out.putBe32(caps.size());
        for (String cap : caps) {
            byte[] bytes = cap.getBytes(StandardCharsets.US_ASCII);
            out.putByte(bytes.length);
            out.putBytes(bytes);
        }
    }

    /** One PART section carrying every page dirty in {@code dirty}, block by block. */
    public Sent pass(StreamSink out, DirtyLog dirty, Read read) throws IOException {
        checkCovers(dirty);
        out.putByte(SECTION_PART);
        out.putBe32(RAM_SECTION_ID);
        long dup = 0;
        long nodup = 0;
        int last = -1;
        int pageSize = ram.pageSize();
        for (int b = 0; b < dirty.blocks(); b++) {
            for (int p = dirty.nextDirty(b, 0); p >= 0; p = dirty.nextDirty(b, p + 1)) { // -1 past the last page
                if (read == Read.CLEAR && !dirty.testAndClear(b, p)) {
                    continue; // another pass took it meanwhile
                }
                PageRef page = pages.page(b, p);
                int fill = policy.dupFill(page.bytes(), 0, pageSize);
                out.page(page, fill, b == last);
                last = b;
                if (fill >= 0) {
                    dup++;
                } else {
                    nodup++;
                }
            }
        }
        endRamSection(out);
        return new Sent(dup, nodup);
    }

    /** The RAM section's END, the device sections, EOF and the vmdesc; flushed. */
    public void complete(StreamSink out) throws IOException {
        out.putByte(SECTION_END);
        out.putBe32(RAM_SECTION_ID);
        endRamSection(out);

        deviceSections(out);
        out.putByte(EOF);
        out.putByte(VMDESCRIPTION);
        out.putBe32(VMDESC.length);
        out.putBytes(VMDESC);
        out.flush();
    }

    private void endRamSection(StreamSink out) throws IOException {
        out.sectionEnd();
        out.putBe64(RAM_EOS);
        footer(out, RAM_SECTION_ID);
    }

    private void checkCovers(DirtyLog dirty) {
        if (dirty.blocks() != ram.blocks().size()) {
            throw new IllegalArgumentException("dirty log covers " + dirty.blocks() + " blocks, RAM has " + ram.blocks().size());
        }
        for (int b = 0; b < dirty.blocks(); b++) {
            RamBlock block = ram.blocks().get(b);
            if (dirty.pages(b) != block.pageCount()) {
                throw new IllegalArgumentException("dirty log has " + dirty.pages(b) + " pages for block " + block.name()
                        + ", which has " + block.pageCount());
            }
        }
    }

    /** The two device sections of a paused -M none guest, as QEMU 7.2 writes them. */
    private static void deviceSections(StreamSink out) throws IOException {
        sectionHeader(out, SECTION_FULL, TIMER_SECTION_ID, "timer", 2);
        out.putBytes(new byte[24]); // cpu_ticks_offset, unused, cpu_clock_offset: a guest that never ran
        footer(out, TIMER_SECTION_ID);

        sectionHeader(out, SECTION_FULL, GLOBALSTATE_SECTION_ID, "globalstate", 1);
        byte[] state = new byte[100];
        byte[] name = RUNSTATE.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, state, 0, name.length);
        out.putBe32(name.length + 1);
        out.putBytes(state);
        footer(out, GLOBALSTATE_SECTION_ID);
    }

    private static void sectionHeader(StreamSink out, int type, int id, String idstr, int version) throws IOException {
        byte[] name = idstr.getBytes(StandardCharsets.US_ASCII);
        out.putByte(type);
        out.putBe32(id);
        out.putByte(name.length);
        out.putBytes(name);
        out.putBe32(0); // instance id
        out.putBe32(version);
    }

    private static void footer(StreamSink out, int id) throws IOException {
        out.putByte(SECTION_FOOTER);
        out.putBe32(id);
    }
}
