package workbench.harness.net.link;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test main, run inside a sender namespace: connects to ADDRESS PORT, writes MIB mebibytes from a
 * direct buffer, shuts its output down and waits for the sink to close, then prints
 * "bytes N nanos T" (T from the first write until everything was received).
 */
public final class LinkBlaster {

    private LinkBlaster() {
    }

    public static void main(String[] args) throws Exception {
        long mib = Long.parseLong(args[2]);
        ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
        byte[] random = new byte[block.capacity()];
        ThreadLocalRandom.current().nextBytes(random);
        block.put(random).flip();
        try (SocketChannel out = SocketChannel.open(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])))) {
            long start = System.nanoTime();
            long bytes = 0;
            for (long i = 0; i < mib; i++) {
                block.rewind();
                while (block.hasRemaining()) {
                    bytes += out.write(block);
                }
            }
            out.shutdownOutput();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (out.read(one.clear()) >= 0) {
                // the sink sends nothing; -1 means it has read everything and closed
            }
            System.out.println("bytes " + bytes + " nanos " + (System.nanoTime() - start));
        }
    }
}
