package workbench.harness.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Test fixture: a real ServeServer on 127.0.0.1 serving client after client on a background thread. */
public final class LocalServe implements AutoCloseable {
    private final ServeServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Thread thread;

    public LocalServe(ServeOptions options) throws IOException {
        this.server = new ServeServer(options, new PrintStream(log, true, StandardCharsets.UTF_8));
        this.thread = new Thread(() -> {
            try {
                server.serve(false);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "test-serve");
        thread.setDaemon(true);
        thread.start();
    }

    public java.net.InetSocketAddress control() {
        return server.controlAddress();
    }

    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
