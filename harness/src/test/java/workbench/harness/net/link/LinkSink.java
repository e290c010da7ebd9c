package workbench.harness.net.link;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Test main, run inside a receiver namespace: accepts one connection on ADDRESS PORT, counts bytes
 * until EOF, prints "bytes N" and closes (which tells the sender everything arrived).
 */
public final class LinkSink {

    private LinkSink() {
    }

    public static void main(String[] args) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])));
            System.out.println("listening");
            System.out.flush();
            try (SocketChannel in = server.accept()) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
                long bytes = 0;
                for (int n; (n = in.read(buffer.clear())) >= 0; ) {
                    bytes += n;
                }
                System.out.println("bytes " + bytes);
                System.out.flush();
            }
        }
    }
}
