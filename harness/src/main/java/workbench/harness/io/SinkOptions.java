package workbench.harness.io;

/**
 * Sizes the write strategies use.
 *
 * @param scalarBuffer bytes of the scalar strategy's linear buffer (QEMUFile's IO_BUF_SIZE is 32 KiB)
 * @param batch        pages per gathering write in the vectored strategy
 * @param staging      bytes of the vectored strategy's staging buffer for small items
 * @param channels     multifd channels: data connections beside the main stream (QEMU's multifd-channels)
 */
public record SinkOptions(int scalarBuffer, int batch, int staging, int channels) {
    public static final int QEMU_BUFFER = 32 * 1024;
    /** QEMU's default multifd-channels */
    public static final int QEMU_CHANNELS = 2;
    /** QEMU's limit on multifd-channels (migrate_params_check: 1 to 255) */
    public static final int MAX_CHANNELS = 255;

    public SinkOptions(int scalarBuffer, int batch, int staging) {
        this(scalarBuffer, batch, staging, QEMU_CHANNELS);
    }

    public SinkOptions {
        if (scalarBuffer < 64) {
            throw new IllegalArgumentException("scalar buffer must be at least 64 bytes, got " + scalarBuffer);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1 page, got " + batch);
        }
        if (staging < 4096) {
            throw new IllegalArgumentException("staging buffer must be at least 4 KiB, got " + staging);
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1 to " + MAX_CHANNELS + " (QEMU's multifd-channels), got " + channels);
        }
    }

    public static SinkOptions of(int scalarBuffer, int batch) {
        return new SinkOptions(scalarBuffer, batch, QEMU_BUFFER);
    }
}
