package workbench.workloads.ram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/**
 * The fingerprint of guest RAM that both sides of a trial compare: per block, a SHA-256 over the
 * CRC-32C of each 64 KiB of it in order (the pieces of 8 MiB checked in parallel), plus the block's
 * name and length.
 *
 * <p>CRC-32C checks each 64 KiB as btrfs and iSCSI check data: any error burst of up to 32 bits is
 * caught, and so is a page holding one repeated byte in place of another (a page left at its
 * poison, a zero page where content belongs: such a difference is never a multiple of the
 * polynomial); any other damage escapes with probability 2⁻³² per damaged 64 KiB. It is not proof
 * against a forger, and needs not be: a receiver that lies could lie about any digest. It is a
 * check against the transfer's mistakes, taken after every trial, and its cost decides how many
 * rounds fit in a minute: SHA-256 of the bytes ran at 1.2 GB/s on one core here, 55 ms per 64 MiB
 * trial, twice the transfer it checked; CRC-32C (a JVM intrinsic) runs at about 10 GB/s.
 */
public record RamDigest(List<BlockDigest> blocks) {
    static final int PIECE_BYTES = 8 << 20;
    static final int CHECK_BYTES = 64 << 10;

    /** @param hex the hex SHA-256 over the block's 64 KiB CRC-32Cs */
    public record BlockDigest(String name, long length, String hex) {
    }

    public RamDigest {
        blocks = List.copyOf(blocks);
    }

    public static RamDigest of(GuestRam ram) {
        List<BlockDigest> out = new ArrayList<>();
        for (RamBlock b : ram.blocks()) {
            out.add(new BlockDigest(b.name(), b.length(), pieceTree(b.chunks())));
        }
        return new RamDigest(out);
    }

    /**
     * The digest of a block held in a file (a QEMU destination's RAM on /dev/shm): its first
     * {@code length} bytes, mapped read-only in the chunks a {@link RamBlock} uses, so the digest
     * equals that of a block with the same bytes. The file may already be unlinked.
     */
    public static BlockDigest ofFile(String name, FileChannel file, long length) throws IOException {
        if (file.size() < length) {
            throw new IOException("the file of block " + name + " holds " + file.size() + " bytes, the block has " + length);
        }
        int count = (int) ((length + RamBlock.CHUNK_BYTES - 1) / RamBlock.CHUNK_BYTES);
        ByteBuffer[] chunks = new ByteBuffer[count];
        for (int c = 0; c < count; c++) {
            long at = (long) c * RamBlock.CHUNK_BYTES;
            chunks[c] = file.map(FileChannel.MapMode.READ_ONLY, at, Math.min(RamBlock.CHUNK_BYTES, length - at));
        }
        return new BlockDigest(name, length, pieceTree(chunks));
    }

    /** The plain SHA-256 of a block's bytes, as `sha256sum` of a RAM image file gives it. */
    public static String sha256(RamBlock block) {
        MessageDigest md = sha256();
        for (ByteBuffer chunk : block.chunks()) {
            md.update(chunk.duplicate().clear());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String pieceTree(ByteBuffer[] chunks) {
        List<ByteBuffer> pieces = new ArrayList<>();
        for (ByteBuffer chunk : chunks) {
            for (int at = 0; at < chunk.capacity(); at += PIECE_BYTES) {
                pieces.add(chunk.slice(at, Math.min(PIECE_BYTES, chunk.capacity() - at)));
            }
        }
        ByteBuffer[] checks = new ByteBuffer[pieces.size()];
        IntStream.range(0, pieces.size()).parallel().forEach(i -> checks[i] = crcs(pieces.get(i)));
        MessageDigest top = sha256();
        for (ByteBuffer piece : checks) {
            top.update(piece);
        }
        return HexFormat.of().formatHex(top.digest());
    }

    /** the CRC-32C of each 64 KiB of {@code piece} (the last one shorter), as big-endian 4-byte words */
    private static ByteBuffer crcs(ByteBuffer piece) {
        int count = (piece.capacity() + CHECK_BYTES - 1) / CHECK_BYTES;
        ByteBuffer out = ByteBuffer.allocate(count * Integer.BYTES);
        CRC32C crc = new CRC32C();
        for (int at = 0; at < piece.capacity(); at += CHECK_BYTES) {
            crc.reset();
            crc.update(piece.slice(at, Math.min(CHECK_BYTES, piece.capacity() - at)));
            out.putInt((int) crc.getValue());
        }
        return out.flip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
