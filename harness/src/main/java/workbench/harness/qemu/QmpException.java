package workbench.harness.qemu;

import java.io.IOException;

/** QEMU refused a QMP command: its error class and description. */
public final class QmpException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String errorClass;

    public QmpException(String command, QmpMessage.Error error) {
        super("QEMU refused " + command + ": " + error.description() + " (" + error.errorClass() + ")");
        this.errorClass = error.errorClass();
    }

    public String errorClass() {
        return errorClass;
    }
}
