/**
 * Floor 2: plain data and transport. {@link workbench.harness.net.Network} (the sealed list of
 * where streams travel — only {@code site} switches on it), data endpoints, the one-shot
 * {@link workbench.harness.net.DataListener} of a trial, {@link workbench.harness.net.Transport};
 * {@code net.link} builds emulated links, {@code net.control} holds the control protocol's frames,
 * messages, codes and the connection. Imports {@code io}, {@code metrics} and {@code failure}.
 */
package workbench.harness.net;
