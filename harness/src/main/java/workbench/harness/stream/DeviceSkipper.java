package workbench.harness.stream;

import static workbench.harness.stream.StreamFormat.*;

import java.io.EOFException;
import java.io.IOException;
import java.util.function.IntPredicate;

/**
 * Steps over the body of a device section the decoder does not interpret, leaving the stream at
 * the section's footer (which the caller then reads and checks). Bodies carry no length, so:
 *
 * <ol>
 *   <li><b>Known fixed sizes.</b> {@code timer} v2 (24 bytes) and {@code globalstate} v1 (104
 *       bytes), the only device sections of {@code -M none}, are stepped over by size. If a
 *       subsection (0x05) follows the fixed fields, the footer search takes over from there.</li>
 *   <li><b>Footer search</b> for every other section: the first {@code 0x7e + be32 id} (the
 *       section's own id) whose following bytes begin a plausible next item:
 *     <ul>
 *       <li>{@code EOF}, then end of stream, or {@code 0x06}, a non-zero be32 length and {@code '{'};</li>
 *       <li>{@code SECTION_PART}/{@code SECTION_END} of a section started and not ended;</li>
 *       <li>{@code SECTION_START}/{@code SECTION_FULL} with a section id not used before, a
 *           1..255-byte printable-ASCII idstr, and instance id and version below 65536.</li>
 *     </ul>
 *   </li>
 * </ol>
 *
 * A false match needs the device's own bytes to contain its footer and a well-formed next header.
 * Should one happen, the decoder still cannot silently write wrong RAM through it once the ram
 * section has ended (QEMU sends device state after ram END, and a PART/END after END is
 * rejected); before that, the strict record checks make it fail loudly rather than misplace
 * pages. A body longer than {@link #MAX_BODY} or a stream that ends first is an error. The
 * vmdesc JSON could describe the bodies too, but it comes at the tail, after the sections it
 * describes, so a live receiver cannot use it.
 */
final class DeviceSkipper {
    /** the largest device body searched through (the biggest 7.2 pc body seen is under 5 KiB) */
    static final long MAX_BODY = 16L << 20;
    private static final int LIMIT = 0x10000;

    private final DecoderInput in;
    private final IntPredicate live;
    private final IntPredicate used;

    /**
     * @param live which section ids are started and not ended
     * @param used which section ids a START/FULL header has already used
     */
    DeviceSkipper(DecoderInput in, IntPredicate live, IntPredicate used) {
        this.in = in;
        this.live = live;
        this.used = used;
    }

    /** Skips the body of section {@code id}; on return the next byte should be its footer. */
    void skip(int id, String idstr, int version) throws IOException, StreamFormatException {
        int fixed = fixedSize(idstr, version);
        if (fixed >= 0) {
            in.expect("the " + fixed + "-byte body of device section '" + IdStrings.shown(idstr) + "'");
            in.skip(fixed);
            if (in.peekByte() != SUBSECTION) {
                return;
            }
        }
        search(id, idstr);
    }

    static int fixedSize(String idstr, int version) {
        if (idstr.equals("timer") && version == 2) {
            return 24;
        }
        if (idstr.equals("globalstate") && version == 1) {
            return 104;
        }
        return -1;
    }

    private void search(int id, String idstr) throws IOException, StreamFormatException {
        in.expect("the body of device section " + Integer.toUnsignedString(id) + " '" + IdStrings.shown(idstr)
                + "' up to its footer (0x7e + be32 " + Integer.toUnsignedString(id) + ")");
        long start = in.offset();
        while (true) {
            int b = in.peek(0);
            if (b < 0) {
                throw new EOFException();
            }
            if (b == SECTION_FOOTER && in.peekBe32(1) == Integer.toUnsignedLong(id) && plausibleNext(5)) {
                return;
            }
            if (in.offset() - start >= MAX_BODY) {
                throw new StreamFormatException(start, "the footer of device section " + Integer.toUnsignedString(id)
                        + " '" + IdStrings.shown(idstr) + "' within " + MAX_BODY + " bytes", "none");
            }
            in.readByte();
        }
    }

    private boolean plausibleNext(int k) throws IOException {
        int type = in.peek(k);
        return switch (type) {
            case EOF -> plausibleEnd(k + 1);
            case SECTION_PART, SECTION_END -> {
                long sid = in.peekBe32(k + 1);
                yield sid >= 0 && live.test((int) sid);
            }
            case SECTION_START, SECTION_FULL -> plausibleHeader(k + 1);
            default -> false;
        };
    }

    private boolean plausibleEnd(int k) throws IOException {
        int next = in.peek(k);
        if (next < 0) {
            return true;
        }
        return next == VMDESCRIPTION && in.peekBe32(k + 1) > 0 && in.peek(k + 5) == '{';
    }

    private boolean plausibleHeader(int k) throws IOException {
        long sid = in.peekBe32(k);
        if (sid < 0 || used.test((int) sid)) {
            return false;
        }
        int len = in.peek(k + 4);
        if (len < 1) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int c = in.peek(k + 5 + i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        long instance = in.peekBe32(k + 5 + len);
        long version = in.peekBe32(k + 9 + len);
        return instance >= 0 && instance < LIMIT && version >= 0 && version < LIMIT;
    }
}
