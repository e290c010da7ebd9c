/**
 * Floor 3: JMH benchmarks that show where a trial's time goes, forked from the shaded jar
 * ({@code workbench micro}): guest RAM generation, the digest and one copy by where it lands
 * (GB/s), the dup check per policy, each write strategy into a discarding channel and the
 * receiver's decode per receive mode (ns per page). Each benchmark's setup checks its own output
 * once, so a broken one fails loudly.
 */
package workbench.harness.micro;
