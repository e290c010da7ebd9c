package workbench.harness.stream;

import static workbench.harness.stream.StreamFormat.*;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import workbench.harness.io.PageRuns;
import workbench.harness.io.StreamSource;

/**
 * The one strict decoder of QEMU 7.2 precopy streams (qemu-stream-format.md): the receiver decodes
 * a live stream into its pre-allocated RAM with it, and {@code workbench decode} dissects files.
 *
 * <p>It reads the header (magic, version 3), the CONFIGURATION section, then sections up to
 * QEMU_VM_EOF, an optional VMDESCRIPTION, and requires the end of the stream. The "ram" section
 * (START at instance 0, version 4, then PART/END) is decoded record by record into the
 * {@link RamTarget}'s RAM; every other section is stepped over by {@link DeviceSkipper}. Each
 * section must end with its footer. The workbench's page runs ({@link PageRuns}) are read only
 * in a stream whose CONFIGURATION announced them. Anything else, a truncation included, is a
 * {@link StreamFormatException} with the offset, what was expected and what was found.
 *
 * <p>On a live connection the decoder returns only once the sender has closed (or shut down)
 * its side: after EOF it must see either the vmdesc or the end of the stream.
 */
public final class StreamDecoder {
    /** TARGET_PAGE_SIZE on x86 (TARGET_PAGE_BITS 12) */
    public static final int PAGE_SIZE = 4096;
    /** the largest vmdesc accepted (the -M pc one is 98,649 bytes) */
    static final long MAX_VMDESC = 64L << 20;
    /** the open section ids a message lists */
    private static final int LIVE_SHOWN = 5;

    private final DecoderInput in;
    private final RamSectionReader ram;
    private final DeviceSkipper devices;
    private final List<Section> sections = new ArrayList<>();
    /** sections started (START) by id, with their idstr; removed at END */
    private final Map<Integer, String> live = new HashMap<>();
    /** every id a START/FULL header has used */
    private final Set<Integer> used = new HashSet<>();
    private Integer ramId;
    private boolean decoded;
    private final PartListener parts;
    private int ramParts;

    /** Told when a RAM PART section has been applied, its footer read: a checkpoint's receiver acknowledges it. */
    @FunctionalInterface
    public interface PartListener {
        PartListener NONE = part -> {
        };

        /** @param part the 1-based count of RAM PART sections read so far */
        void partApplied(int part) throws IOException;
    }

    public StreamDecoder(StreamSource in, RamTarget target) {
        this(in, target, RamRecordListener.NONE, PartListener.NONE);
    }

    /** a decoder that tells {@code parts} of every RAM PART section applied */
    public StreamDecoder(StreamSource in, RamTarget target, PartListener parts) {
        this(in, target, RamRecordListener.NONE, parts);
    }

    StreamDecoder(StreamSource in, RamTarget target, RamRecordListener listener) {
        this(in, target, listener, PartListener.NONE);
    }

    private StreamDecoder(StreamSource in, RamTarget target, RamRecordListener listener, PartListener parts) {
        this.parts = parts;
        this.in = new DecoderInput(in);
        this.ram = new RamSectionReader(this.in, target, listener);
        this.devices = new DeviceSkipper(this.in, live::containsKey, used::contains);
    }

    /**
     * Decodes the whole stream, once.
     *
     * @throws StreamFormatException the stream breaks the format (truncation included)
     * @throws IOException           the source failed
     */
    public Decoded decode() throws IOException, StreamFormatException {
        if (decoded) {
            throw new IllegalStateException("a StreamDecoder decodes one stream once");
        }
        decoded = true;
        try {
            header();
            sections();
            int vmdesc = vmdesc();
            return new Decoded(ram.ram(), sections, ram.counts(), vmdesc, in.offset(),
                    ((Section.Configuration) sections.get(0)).capabilities());
        } catch (EOFException e) {
            StreamFormatException x = new StreamFormatException(in.offset(),
                    StreamFormatException.cap(in.item(), StreamFormatException.MAX_PART - 32) + " (from offset " + in.itemAt() + ")",
                    "the end of the stream");
            x.initCause(e);
            throw x;
        }
    }

    private void header() throws IOException, StreamFormatException {
        in.expect("the magic 0x5145564d (QEVM)");
        int magic = in.readBe32();
        if (magic != MAGIC) {
            throw new StreamFormatException(0, "the magic 0x5145564d (QEVM)", String.format("0x%08x", magic));
        }
        in.expect("the stream version (be32)");
        int version = in.readBe32();
        if (version != VERSION) {
            throw new StreamFormatException(4, "version 3", "version " + Integer.toUnsignedString(version)
                    + (version == OBSOLETE_VERSION ? " (SaveVM v2 format is obsolete)" : " (unknown)"));
        }
        in.expect("the CONFIGURATION section (0x07)");
        long at = in.offset();
        int type = in.readByte();
        if (type != CONFIGURATION) {
            throw new StreamFormatException(at, "the CONFIGURATION section (0x07) after the header", typeName(type));
        }
        Section.Configuration config = ConfigurationReader.read(in, at);
        sections.add(config);
        if (config.capabilities().contains(PageRuns.CAPABILITY)) {
            ram.acceptRuns();
        }
    }

    private void sections() throws IOException, StreamFormatException {
        while (true) {
            in.expect("a section type byte");
            long at = in.offset();
            int type = in.readByte();
            switch (type) {
                case EOF -> {
                    if (!ram.isSetUp()) {
                        throw new StreamFormatException(at, "a ram section with its MEM_SIZE setup before QEMU_VM_EOF", "QEMU_VM_EOF");
                    }
                    sections.add(new Section.Eof(at));
                    return;
                }
                case SECTION_START, SECTION_FULL -> startOrFull(type, at);
                case SECTION_PART, SECTION_END -> partOrEnd(type, at);
                default -> throw new StreamFormatException(at, "a section type (EOF 0x00, START 0x01, PART 0x02, END 0x03, FULL 0x04)",
                        typeName(type) + (type == COMMAND ? ": postcopy/return-path commands are unsupported" : ""));
            }
        }
    }

    private void startOrFull(int type, long at) throws IOException, StreamFormatException {
        in.expect("a section header (be32 id, u8 length, idstr, be32 instance, be32 version)");
        int id = in.readBe32();
        int len = in.readByte();
        if (len == 0) {
            throw new StreamFormatException(at, "a section idstr of 1..255 bytes", "length 0");
        }
        byte[] bytes = in.readBytes(len);
        String idstr = IdStrings.decode(at, "a section idstr", bytes, len);
        int instance = in.readBe32();
        int version = in.readBe32();
        boolean start = type == SECTION_START;
        sections.add(start ? new Section.Start(at, id, idstr, instance, version) : new Section.Full(at, id, idstr, instance, version));
        if (!used.add(id)) {
            throw new StreamFormatException(at, "a section id not used by an earlier START/FULL", "id " + Integer.toUnsignedString(id)
                    + " again, for '" + IdStrings.shown(idstr) + "'");
        }
        if (idstr.equals(RAM_IDSTR)) {
            String found = !start ? "ram in a SECTION_FULL" : ramId != null ? "a second ram section"
                    : instance != 0 ? "instance " + Integer.toUnsignedString(instance)
                    : version != RAM_VERSION ? "version " + Integer.toUnsignedString(version) : "";
            if (!found.isEmpty()) {
                throw new StreamFormatException(at, "one ram section: SECTION_START, instance 0, version 4", found);
            }
            ramId = id;
            live.put(id, idstr);
            ram.readBody(true);
        } else {
            if (start) {
                live.put(id, idstr);
            }
            devices.skip(id, idstr, version);
        }
        footer(id, idstr);
    }

    private void partOrEnd(int type, long at) throws IOException, StreamFormatException {
        in.expect("the section id of a SECTION_PART/END (be32)");
        int id = in.readBe32();
        String idstr = live.get(id);
        if (idstr == null) {
            throw new StreamFormatException(at, "the id of a started section " + liveIds(),
                    typeName(type) + " for section id " + Integer.toUnsignedString(id)
                            + (used.contains(id) ? ", which is not open (ended, or FULL)" : ", never started"));
        }
        boolean end = type == SECTION_END;
        sections.add(end ? new Section.End(at, id) : new Section.Part(at, id));
        if (ramId != null && ramId == id) {
            ram.readBody(false);
        } else {
            devices.skip(id, idstr, -1);
        }
        footer(id, idstr);
        if (end) {
            live.remove(id);
        } else if (ramId != null && ramId == id) {
            parts.partApplied(++ramParts);
        }
    }

    private void footer(int id, String idstr) throws IOException, StreamFormatException {
        String what = "the section footer 0x7e + be32 " + Integer.toUnsignedString(id) + " of '" + IdStrings.shown(idstr) + "'";
        in.expect(what);
        long at = in.offset();
        int b = in.readByte();
        if (b != SECTION_FOOTER) {
            throw new StreamFormatException(at, what, String.format("0x%02x (missing footer)", b));
        }
        int found = in.readBe32();
        if (found != id) {
            throw new StreamFormatException(at, what, "a footer for id " + Integer.toUnsignedString(found));
        }
    }

    private int vmdesc() throws IOException, StreamFormatException {
        in.expect("VMDESCRIPTION (0x06) or the end of the stream after QEMU_VM_EOF");
        long at = in.offset();
        int next = in.peekByte();
        if (next < 0) {
            return -1;
        }
        in.readByte();
        if (next != VMDESCRIPTION) {
            throw new StreamFormatException(at, "VMDESCRIPTION (0x06) or the end of the stream after QEMU_VM_EOF", typeName(next));
        }
        in.expect("the vmdesc length (be32)");
        long len = Integer.toUnsignedLong(in.readBe32());
        if (len > MAX_VMDESC) {
            throw new StreamFormatException(at + 1, "a vmdesc of at most " + MAX_VMDESC + " bytes", "length " + len);
        }
        in.expect("the " + len + "-byte vmdesc JSON");
        long json = in.offset();
        int first = len > 0 ? in.readByte() : -1;
        in.skip(Math.max(0, len - 2));
        int last = len > 1 ? in.readByte() : -1;
        if (first != '{' || last != '}') {
            // QEMU writes one JSON object ({"page_size": ..., "devices": [...]}); the skipper's look-ahead relies on the '{'
            throw new StreamFormatException(json, "a vmdesc JSON object ('{' ... '}')", "length " + len + (len == 0 ? ""
                    : String.format(", first byte 0x%02x", first) + (len > 1 ? String.format(", last byte 0x%02x", last) : "")));
        }
        long end = in.offset();
        int extra = in.peekByte();
        if (extra >= 0) {
            throw new StreamFormatException(end, "the end of the stream after the vmdesc", String.format("byte 0x%02x", extra));
        }
        return (int) len;
    }

    /** the open sections' ids for a message: the lowest few, then how many in all (a stream can open any number) */
    private String liveIds() {
        List<String> ids = live.keySet().stream().sorted(Integer::compareUnsigned).limit(LIVE_SHOWN).map(Integer::toUnsignedString).toList();
        return live.size() <= LIVE_SHOWN ? ids.toString()
                : ids.toString().replace("]", ", … " + live.size() + " open]");
    }

    static String typeName(int type) {
        String name = switch (type) {
            case EOF -> "QEMU_VM_EOF";
            case SECTION_START -> "SECTION_START";
            case SECTION_PART -> "SECTION_PART";
            case SECTION_END -> "SECTION_END";
            case SECTION_FULL -> "SECTION_FULL";
            case SUBSECTION -> "SUBSECTION";
            case VMDESCRIPTION -> "VMDESCRIPTION";
            case CONFIGURATION -> "CONFIGURATION";
            case COMMAND -> "COMMAND";
            case SECTION_FOOTER -> "SECTION_FOOTER";
            default -> "unknown section type";
        };
        return String.format("0x%02x (%s)", type, name);
    }
}
