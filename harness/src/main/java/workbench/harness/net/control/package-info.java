/**
 * The control protocol (protocol 2): length-capped, versioned JSON frames
 * ({@link workbench.harness.net.control.FrameCodec}), typed
 * {@link workbench.harness.net.control.Message}s, error codes as an enum
 * ({@link workbench.harness.net.control.ProtocolCode}), the token's challenge–response and the data
 * proof a session with a token puts first on each data connection. Frames, messages and the
 * connection only: who sends and who receives live in {@code peer} and {@code serve}.
 */
package workbench.harness.net.control;
