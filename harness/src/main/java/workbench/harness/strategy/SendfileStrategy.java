package workbench.harness.strategy;

import java.nio.channels.GatheringByteChannel;
import java.util.List;
import java.util.Set;
import workbench.harness.io.SendfileSink;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;

/**
 * Zero-copy from the guest's file: each nodup page goes with {@code FileChannel.transferTo} from
 * its /dev/shm file onto the socket (the kernel's sendfile — seen with {@code strace -f -e
 * trace=sendfile} on TCP loopback and on Unix sockets), headers with plain writes. The stream is
 * QEMU's, byte-identical to {@code vectored}'s; since every page has its own header, a nodup
 * page costs two system calls. Needs the whole run's guests on /dev/shm ({@code --backing shm}).
 */
public record SendfileStrategy() implements WriteStrategy {
    @Override
    public String name() {
        return "sendfile";
    }

    @Override
    public String description() {
        return "each nodup page sent from the guest's /dev/shm file with sendfile (transferTo), headers with plain writes:"
                + " two system calls per page";
    }

    @Override
    public Set<String> settings() {
        return Set.of("staging-buffer");
    }

    @Override
    public boolean needsFile() {
        return true;
    }

    @Override
    public StreamSink open(List<? extends GatheringByteChannel> channels, SinkOptions options) {
        return new SendfileSink(channels.get(0), SendfileSink.Framing.PAGES, options.staging());
    }
}
