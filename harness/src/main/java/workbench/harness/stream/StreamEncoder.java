package workbench.harness.stream;

import static workbench.harness.stream.StreamFormat.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import workbench.harness.io.StreamSink;
import workbench.workloads.dirty.DirtySet;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;

/**
 * Writes guest RAM as a QEMU 7.2 precopy stream, shaped as QEMU writes a paused `-M none` guest:
 * header, configuration "none", ram START (MEM_SIZE + block list), one PART with every dirty page,
 * END, the timer and globalstate device sections, EOF and a minimal vmdesc. The encoder knows the
 * format and nothing of system calls: the sink decides how bytes reach the kernel.
 */
public final class StreamEncoder {
    public static final String MACHINE = "none";
    static final int RAM_SECTION_ID = 2;
    static final int TIMER_SECTION_ID = 0;
    static final int GLOBALSTATE_SECTION_ID = 4;
    private static final byte[] VMDESC = "{\"page_size\": 4096, \"devices\": []}".getBytes(StandardCharsets.US_ASCII);
    private static final String RUNSTATE = "prelaunch";

    private final GuestRam ram;
    private final DirtySet dirty;
    private final DupPolicy policy;
    private final byte[][] idstrs;

    /** What an encoding sent. */
    public record Sent(long dupPages, long nodupPages) {
    }

    public StreamEncoder(GuestRam ram, DirtySet dirty, DupPolicy policy) {
        if (ram.pageSize() != StreamDecoder.PAGE_SIZE) {
            // the low 12 bits of a record word are flags and a PAGE record carries 4096 bytes: other
            // page sizes would put offset bits among the flags (smaller) or write non-QEMU records (larger)
            throw new IllegalArgumentException("a QEMU x86 stream carries " + StreamDecoder.PAGE_SIZE
                    + "-byte pages; this RAM has " + ram.pageSize() + "-byte pages");
        }
        if (dirty.blocks() != ram.blocks().size()) {
            throw new IllegalArgumentException("dirty set covers " + dirty.blocks() + " blocks, RAM has " + ram.blocks().size());
        }
        for (int b = 0; b < dirty.blocks(); b++) {
            RamBlock block = ram.blocks().get(b);
            if (dirty.pages(b) != block.pageCount()) {
                throw new IllegalArgumentException("dirty set has " + dirty.pages(b) + " pages for block " + block.name()
                        + ", which has " + block.pageCount());
            }
        }
        this.ram = ram;
        this.dirty = dirty;
        this.policy = policy;
        List<RamBlock> blocks = ram.blocks();
        this.idstrs = new byte[blocks.size()][];
        for (int b = 0; b < idstrs.length; b++) {
            idstrs[b] = blocks.get(b).name().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Writes the whole stream and flushes it. */
    public Sent encode(StreamSink out) throws IOException {
        out.putBe32(MAGIC);
        out.putBe32(VERSION);
        out.putByte(CONFIGURATION);
        out.putBe32(MACHINE.length());
        out.putBytes(MACHINE.getBytes(StandardCharsets.US_ASCII));

        sectionHeader(out, SECTION_START, RAM_SECTION_ID, RAM_IDSTR, RAM_VERSION);
        out.putBe64(ram.size() | RAM_MEM_SIZE);
        for (int b = 0; b < idstrs.length; b++) {
            out.putByte(idstrs[b].length);
            out.putBytes(idstrs[b]);
            out.putBe64(ram.blocks().get(b).length());
        }
        out.putBe64(RAM_EOS);
        footer(out, RAM_SECTION_ID);

        out.putByte(SECTION_PART);
        out.putBe32(RAM_SECTION_ID);
        Sent sent = pages(out);
        out.putBe64(RAM_EOS);
        footer(out, RAM_SECTION_ID);

        out.putByte(SECTION_END);
        out.putBe32(RAM_SECTION_ID);
        out.putBe64(RAM_EOS);
        footer(out, RAM_SECTION_ID);

        deviceSections(out);
        out.putByte(EOF);
        out.putByte(VMDESCRIPTION);
        out.putBe32(VMDESC.length);
        out.putBytes(VMDESC);
        out.flush();
        return sent;
    }

    private Sent pages(StreamSink out) throws IOException {
        long dup = 0;
        long nodup = 0;
        int last = -1;
        int pageSize = ram.pageSize();
        for (int b = 0; b < idstrs.length; b++) {
            RamBlock block = ram.blocks().get(b);
            for (int p = 0; p < block.pageCount(); p++) {
                if (!dirty.isDirty(b, p)) {
                    continue;
                }
                ByteBuffer page = block.page(p);
                int fill = policy.dupFill(page, 0, pageSize);
                long word = (long) p * pageSize | (fill >= 0 ? RAM_ZERO : RAM_PAGE);
                if (b == last) {
                    out.putBe64(word | RAM_CONTINUE);
                } else {
                    out.putBe64(word);
                    out.putByte(idstrs[b].length);
                    out.putBytes(idstrs[b]);
                    last = b;
                }
                if (fill >= 0) {
                    out.putByte(fill);
                    dup++;
                } else {
                    out.putPage(page);
                    nodup++;
                }
            }
        }
        return new Sent(dup, nodup);
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
