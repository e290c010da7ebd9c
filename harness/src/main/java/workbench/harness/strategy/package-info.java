/**
 * Floor 2: write strategies — an interface and its registry ({@link workbench.harness.strategy.Strategies}).
 * A strategy names the settings that split its series, the data connections it needs and whether
 * it sends from the backing file, and opens a sink on the real channels. A new strategy is a new
 * file here plus one line in the registry; one that changes the framing (multifd, run-length)
 * lives here too, above the sinks. Imports {@code io} and {@code stream}, never {@code net}.
 */
package workbench.harness.strategy;
