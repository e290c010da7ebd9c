package workbench.harness.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a receiver accepts the bare migration stream: "tcp:HOST:PORT" or "unix:/path". The text
 * form travels in the control protocol's Ready message.
 */
public sealed interface DataEndpoint {
    record Tcp(InetSocketAddress address) implements DataEndpoint {
        @Override
        public String text() {
            return "tcp:" + address.getAddress().getHostAddress() + ":" + address.getPort();
        }

        @Override
        public SocketChannel connect(Optional<InetAddress> bind) throws IOException {
            SocketChannel ch = SocketChannel.open();
            if (bind.isPresent()) {
                ch.bind(new InetSocketAddress(bind.get(), 0)); // leave by the chosen NIC
            }
            ch.connect(address);
            return ch;
        }
    }

    record Unix(Path path) implements DataEndpoint {
        @Override
        public String text() {
            return "unix:" + path;
        }

        @Override
        public SocketChannel connect(Optional<InetAddress> bind) throws IOException {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(path));
            return ch;
        }
    }

    String text();

    /** A blocking data connection to the receiver, from a local address if one is chosen (TCP only). */
    SocketChannel connect(Optional<InetAddress> bind) throws IOException;

    static DataEndpoint parse(String text) {
        if (text.startsWith("unix:")) {
            return new Unix(Path.of(text.substring(5)));
        }
        if (text.startsWith("tcp:")) {
            String hostPort = text.substring(4);
            int colon = hostPort.lastIndexOf(':');
            if (colon > 0) {
                try {
                    return new Tcp(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))));
                } catch (IllegalArgumentException e) {
                    // falls through to the error below
                }
            }
        }
        throw new IllegalArgumentException("not a data endpoint: '" + text + "' (expected tcp:HOST:PORT or unix:/path)");
    }
}
