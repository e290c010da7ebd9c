package workbench.workloads.page;

import java.nio.ByteBuffer;

/** Writes one synthetic page of a given class; the page's key makes its bytes reproducible. */
public final class PageFiller {
    private static final long ONES = 0x0101010101010101L;
    private final Content content;

    public PageFiller(Content content) {
        this.content = content;
    }

    /** Fills {@code size} bytes of {@code buf} at {@code at} (absolute; position untouched). */
    public void fill(ByteBuffer buf, int at, int size, PageClass cls, long key) {
        switch (cls) {
            case ZERO -> repeat(buf, at, size, 0L);
            case UNIFORM -> repeat(buf, at, size, uniformByte(key) * ONES);
            case OTHER -> {
                if (content == Content.RANDOM) {
                    random(buf, at, size, key);
                } else {
                    counter(buf, at, size, key);
                }
            }
        }
    }

    /** The fill byte of a UNIFORM page with this key: never 0. */
    public static int uniformByte(long key) {
        return 1 + (int) Math.floorMod(Mix.mix(key), 255L);
    }

    private static void repeat(ByteBuffer buf, int at, int size, long pattern) {
        for (int i = at; i < at + size; i += Long.BYTES) {
            buf.putLong(i, pattern);
        }
    }

    private static void random(ByteBuffer buf, int at, int size, long key) {
        long state = key;
        for (int i = at; i < at + size; i += Long.BYTES) {
            state += 0x9e3779b97f4a7c15L;
            buf.putLong(i, Mix.mix(state));
        }
    }

    private static void counter(ByteBuffer buf, int at, int size, long key) {
        long base = key & 0x0000_ffff_ffff_0000L;
        for (int i = at, k = 0; i < at + size; i += Long.BYTES, k++) {
            buf.putLong(i, base + k); // consecutive words differ, so the page is never uniform
        }
    }
}
