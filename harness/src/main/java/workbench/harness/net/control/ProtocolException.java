package workbench.harness.net.control;

import java.io.IOException;

/** The peer broke the control protocol: a bad frame, a wrong version, an unexpected message. */
public final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;
    private final ProtocolCode code;
    private final String hint;

    public ProtocolException(ProtocolCode code, String message, String hint) {
        super(message);
        this.code = code;
        this.hint = hint;
    }

    public ProtocolCode code() {
        return code;
    }

    public String hint() {
        return hint;
    }

    public Message.Error toMessage() {
        return new Message.Error(code, getMessage(), hint);
    }
}
