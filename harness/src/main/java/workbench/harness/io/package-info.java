/**
 * Floor 1: bytes to and from the kernel. {@link workbench.harness.io.StreamSink} is QEMUFile-sized:
 * small items are copied, RAM pages arrive as whole records ({@link workbench.harness.io.PageRef},
 * made once per page by {@link workbench.harness.io.PageTable}) with QEMU's framing in
 * {@link workbench.harness.io.PageRecords} unless a sink frames them its own way; each sink counts
 * its own system calls ({@link workbench.harness.io.SyscallCounts}) — never a wrapping channel,
 * which would turn sendfile into a heap copy. Sources are what the receiver reads from. Imports
 * nothing of the harness.
 */
package workbench.harness.io;
