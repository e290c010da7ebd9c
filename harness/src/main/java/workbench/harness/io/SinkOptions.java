package workbench.harness.io;

/**
 * Sizes the write strategies use.
 *
 * @param scalarBuffer bytes of the scalar strategy's linear buffer (QEMUFile's IO_BUF_SIZE is 32 KiB)
 * @param batch        pages per gathering write in the vectored strategy
 * @param staging      bytes of the vectored strategy's staging buffer for small items
 */
public record SinkOptions(int scalarBuffer, int batch, int staging) {
    public static final int QEMU_BUFFER = 32 * 1024;

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
    }

    public static SinkOptions of(int scalarBuffer, int batch) {
        return new SinkOptions(scalarBuffer, batch, QEMU_BUFFER);
    }
}
