package workbench.harness.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * QEMU 7.2's multifd wire format (migration/multifd.c, nocomp), as a 7.2 source was seen to write it
 * on this machine with 2 channels. Each channel opens with a 64-byte initial packet
 * ({@code MultiFDInit_t}):
 * <pre>
 *   be32 magic 0x11223344, be32 version 1, 16 bytes VM UUID (qemu_uuid: zeros without -uuid),
 *   u8 channel id, 7 unused bytes, 4 × be64 unused
 * </pre>
 * then packets ({@code MultiFDPacket_t}), each a fixed 1,344-byte header and its pages:
 * <pre>
 *   be32 magic, be32 version, be32 flags (SYNC 1), be32 pages_alloc (128), be32 normal_pages,
 *   be32 next_packet_size (normal_pages × 4096), be64 packet_num, 4 × be64 unused,
 *   char ramblock[256] (NUL-padded), be64 offset[128] (the first normal_pages used), normal_pages × 4096 bytes
 * </pre>
 * A 7.2 receiver always reads 320 + 8 × 128 header bytes (its own page count: 512 KiB packets of
 * 4 KiB pages), so every header carries all 128 offset slots. packet_num counts packets over all
 * channels. A SYNC packet (no pages) follows a channel's pages of a RAM section: the destination's
 * main thread waits at each RAM EOS until every channel has delivered its SYNC.
 */
public final class MultifdPackets {
    public static final int MAGIC = 0x11223344;
    public static final int VERSION = 1;
    /** MULTIFD_FLAG_SYNC */
    public static final int FLAG_SYNC = 1;
    /** MULTIFD_FLAG_NOCOMP is 0: the compression bits (1..3) stay clear */
    public static final int FLAG_COMPRESSION_MASK = 0xe;
    public static final int INIT_BYTES = 64;
    public static final int UUID_BYTES = 16;
    /** MULTIFD_PACKET_SIZE / TARGET_PAGE_SIZE: pages per packet, and offset slots in every header */
    public static final int PAGES = 128;
    public static final int RAMBLOCK_BYTES = 256;
    /** where the ramblock name starts and the offsets start */
    public static final int RAMBLOCK_AT = 64;
    public static final int OFFSETS_AT = RAMBLOCK_AT + RAMBLOCK_BYTES;
    public static final int HEADER_BYTES = OFFSETS_AT + Long.BYTES * PAGES;
    public static final int PAGE_SIZE = 4096;

    private MultifdPackets() {
    }

    /** The initial packet of channel {@code id}, from an all-zero UUID (QEMU without -uuid), rewound. */
    public static ByteBuffer init(int id) {
        ByteBuffer b = ByteBuffer.allocateDirect(INIT_BYTES);
        b.putInt(MAGIC).putInt(VERSION).position(8 + UUID_BYTES);
        b.put((byte) id);
        return b.clear();
    }

    /**
     * Empty when {@code init} (64 bytes read) is an initial packet a destination of {@code channels}
     * channels takes, as 7.2 checks it: magic, version 1, an all-zero UUID (a destination without
     * -uuid) and an id below the channel count; else why not.
     */
    public static java.util.Optional<String> initRefusal(ByteBuffer init, int channels) {
        if (init.remaining() < INIT_BYTES) {
            return java.util.Optional.of("it closed within its " + INIT_BYTES + "-byte multifd initial packet");
        }
        int at = init.position();
        if (init.getInt(at) != MAGIC || init.getInt(at + 4) != VERSION) {
            return java.util.Optional.of(String.format("its multifd initial packet has magic 0x%08x version %d, not 0x11223344 version 1",
                    init.getInt(at), init.getInt(at + 4)));
        }
        for (int i = 0; i < UUID_BYTES; i++) {
            if (init.get(at + 8 + i) != 0) {
                return java.util.Optional.of("its multifd initial packet names a VM UUID, and this destination has none (zeros)");
            }
        }
        int id = initId(init);
        if (id >= channels) {
            return java.util.Optional.of("it is multifd channel " + id + ", and this trial has " + channels + " (0 to " + (channels - 1) + ")");
        }
        return java.util.Optional.empty();
    }

    /** the channel id of an initial packet */
    public static int initId(ByteBuffer init) {
        return init.get(init.position() + 8 + UUID_BYTES) & 0xff;
    }

    /** A header buffer with its constant fields set (magic, version, pages_alloc). */
    public static ByteBuffer newHeader() {
        ByteBuffer b = ByteBuffer.allocateDirect(HEADER_BYTES);
        b.putInt(0, MAGIC).putInt(4, VERSION).putInt(12, PAGES);
        return b;
    }

    /**
     * Fills {@code header} (from {@link #newHeader}) for {@code count} pages of {@code pages}, all of
     * one block, and rewinds it. Offset slots past {@code count} keep whatever they held.
     */
    public static void fill(ByteBuffer header, int flags, long packetNum, PageRef[] pages, int count) {
        header.clear();
        header.putInt(8, flags).putInt(16, count).putInt(20, count * PAGE_SIZE).putLong(24, packetNum);
        byte[] name = count > 0 ? pages[0].idstr() : NO_NAME;
        for (int i = 0; i < RAMBLOCK_BYTES; i++) {
            header.put(RAMBLOCK_AT + i, i < name.length ? name[i] : 0);
        }
        for (int i = 0; i < count; i++) {
            header.putLong(OFFSETS_AT + i * Long.BYTES, pages[i].offset());
        }
    }

    private static final byte[] NO_NAME = new byte[0];

    /** the ramblock name of a received header: its bytes up to the first NUL (QEMU ends it at byte 255 at the latest) */
    public static String ramblock(ByteBuffer header) {
        int len = 0;
        while (len < RAMBLOCK_BYTES - 1 && header.get(RAMBLOCK_AT + len) != 0) {
            len++;
        }
        byte[] b = new byte[len];
        header.get(RAMBLOCK_AT, b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
