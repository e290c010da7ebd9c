package workbench.harness.trial;

import java.util.Map;
import java.util.TreeMap;
import workbench.harness.io.SinkOptions;
import workbench.workloads.live.Workload;
import workbench.workloads.ram.RamSpec;

/**
 * One combination of the settings a run sweeps (a comma list on a numeric option). A run without
 * sweeps has one variant with no params.
 *
 * @param ram        the guest RAM
 * @param sink       the strategies' buffer and batch sizes
 * @param readBuffer bytes per read of the receiver
 * @param socket     TCP knobs
 * @param params     the swept settings' values, by option name ("batch" → "64"): they name the series
 * @param receive    how the receiver reads the stream into RAM
 * @param workload   what a trial does with the guest: bulk (paused), or a running guest's pre-copy or checkpoints
 */
public record Variant(RamSpec ram, SinkOptions sink, int readBuffer, SocketOptions socket, Map<String, String> params,
                      workbench.harness.io.ReceiveMode receive, Workload workload) {
    public Variant(RamSpec ram, SinkOptions sink, int readBuffer, SocketOptions socket, Map<String, String> params,
                   workbench.harness.io.ReceiveMode receive) {
        this(ram, sink, readBuffer, socket, params, receive, Workload.BULK);
    }

    public Variant(RamSpec ram, SinkOptions sink, int readBuffer, SocketOptions socket, Map<String, String> params) {
        this(ram, sink, readBuffer, socket, params, workbench.harness.io.ReceiveMode.BUFFERED);
    }

    public Variant {
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
        workload = workload == null ? Workload.BULK : workload; // a run.json or agent plan written before live workloads
    }

    /** the same variant with another workload */
    public Variant withWorkload(Workload w) {
        return new Variant(ram, sink, readBuffer, socket, params, receive, w);
    }
}
