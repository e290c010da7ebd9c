package workbench.harness.net.control;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import workbench.harness.net.Transport;
import workbench.reports.model.Cpu;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamSpec;

/**
 * One control frame's body: typed JSON with a "type" field. The client (the sender) speaks first
 * with {@link Hello}; the server (the receiver, {@code workbench serve}) drives each trial with
 * {@link Ready}, {@link Done} and {@link Result}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Message.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = Message.Challenge.class, name = "challenge"),
        @JsonSubTypes.Type(value = Message.Proof.class, name = "proof"),
        @JsonSubTypes.Type(value = Message.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = Message.Busy.class, name = "busy"),
        @JsonSubTypes.Type(value = Message.TrialParams.class, name = "trial"),
        @JsonSubTypes.Type(value = Message.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = Message.Done.class, name = "done"),
        @JsonSubTypes.Type(value = Message.Result.class, name = "result"),
        @JsonSubTypes.Type(value = Message.Ack.class, name = "ack"),
        @JsonSubTypes.Type(value = Message.CheckpointDigest.class, name = "checkpoint-digest"),
        @JsonSubTypes.Type(value = Message.Error.class, name = "error"),
        @JsonSubTypes.Type(value = Message.Bye.class, name = "bye"),
})
public sealed interface Message {
    /** bumped whenever a message changes shape */
    int PROTOCOL = 6;

    /** client → server, first frame */
    record Hello(int protocol, String workbench) implements Message {
    }

    /** server → client, when a token is configured: prove you know it (the token itself never travels) */
    record Challenge(String nonce) implements Message {
    }

    /** client → server: HMAC-SHA256 of the nonce, keyed by the token, hex */
    record Proof(String hmac) implements Message {
    }

    /** server → client: versions accepted */
    record Welcome(int protocol, String workbench) implements Message {
    }

    /** server → client: another client is being served; try later */
    record Busy(String message) implements Message {
    }

    /**
     * client → server: prepare RAM for one trial and accept its data connection.
     *
     * @param trial       the trial's index in the run
     * @param ram         the guest whose stream will arrive (the receiver allocates its blocks, and
     *                    regenerates the base image for partial transfers)
     * @param dupPolicy   the sender's dup policy (for the record; the decoder accepts any fill)
     * @param readBuffer  bytes per read of the receiver's buffered reader
     * @param transport   how the data connections travel
     * @param rcvbuf      SO_RCVBUF for the data sockets, 0 for kernel autotuning
     * @param connections data connections the sender will open for this trial
     * @param receive     how the receiver reads the stream into RAM
     * @param checkpoints for a trial of checkpoints, which sections to acknowledge and digest; {@link CheckpointPlan#NONE} otherwise
     */
    record TrialParams(int trial, RamSpec ram, DupPolicy dupPolicy, int readBuffer, Transport transport, int rcvbuf,
                       int connections, workbench.harness.io.ReceiveMode receive, CheckpointPlan checkpoints) implements Message {
        public TrialParams(int trial, RamSpec ram, DupPolicy dupPolicy, int readBuffer, Transport transport, int rcvbuf,
                           int connections, workbench.harness.io.ReceiveMode receive) {
            this(trial, ram, dupPolicy, readBuffer, transport, rcvbuf, connections, receive, CheckpointPlan.NONE);
        }

        public TrialParams(int trial, RamSpec ram, DupPolicy dupPolicy, int readBuffer, Transport transport, int rcvbuf,
                           int connections) {
            this(trial, ram, dupPolicy, readBuffer, transport, rcvbuf, connections, workbench.harness.io.ReceiveMode.BUFFERED);
        }

        public java.util.Optional<CheckpointPlan> checkpointPlan() {
            return java.util.Optional.of(checkpoints).filter(CheckpointPlan::active);
        }
    }

    /**
     * server → client: RAM poisoned and pre-faulted, and a listener of this trial alone accepting
     * ("tcp:HOST:PORT" or "unix:/path"); it closes after the expected connections.
     *
     * @param proofNonce when not empty (a session proven by token), each data connection must open
     *                   with {@link DataProof} over this nonce before its stream
     */
    record Ready(int trial, String endpoint, String proofNonce) implements Message {
    }

    /** server → client: the stream's end was read; the sender's clock stops at its arrival */
    record Done(int trial) implements Message {
    }

    /**
     * server → client: the receiver's figures for one trial.
     *
     * @param failure        empty when the stream decoded; else why it did not
     * @param digest         the receiver's RAM digest after the stream
     * @param receiveSeconds first byte read to end of stream, on the receiver's clock
     * @param streamBytes    bytes read
     * @param zeroRecords    dup records decoded
     * @param pageRecords    whole pages decoded
     * @param cpu            receiver CPU during the trial
     * @param mispredictions records a scatter receiver predicted wrongly (0 for buffered)
     * @param peakRss        the receiving process's peak resident memory (VmHWM) in bytes by the end of the
     *                       trial, 0 where it cannot tell (not Linux): reported by the receiver itself, so
     *                       a remote serve's too
     */
    record Result(int trial, String failure, List<RamDigest.BlockDigest> digest, double receiveSeconds,
                  long streamBytes, long zeroRecords, long pageRecords, Cpu cpu, long mispredictions,
                  long peakRss) implements Message {
        public Result(int trial, String failure, List<RamDigest.BlockDigest> digest, double receiveSeconds,
                      long streamBytes, long zeroRecords, long pageRecords, Cpu cpu) {
            this(trial, failure, digest, receiveSeconds, streamBytes, zeroRecords, pageRecords, cpu, 0, 0);
        }

        public boolean ok() {
            return failure.isEmpty();
        }
    }

    /** server → client: RAM PART section {@code part} (1-based) of a trial of checkpoints is applied */
    record Ack(int trial, int part) implements Message {
    }

    /**
     * server → client: the receiver's RAM digest right after checked section {@code part}, sent after its ack.
     *
     * @param seconds the time the receiver spent digesting
     */
    record CheckpointDigest(int trial, int part, List<RamDigest.BlockDigest> digest, double seconds) implements Message {
        public CheckpointDigest {
            digest = List.copyOf(digest);
        }
    }

    /** either side: something unexpected; the connection closes after it */
    record Error(ProtocolCode code, String message, String hint) implements Message {
    }

    /** client → server: the run is over */
    record Bye() implements Message {
    }
}
