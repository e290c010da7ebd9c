/** Floor 3: JMH benchmarks of the sender's parts, forked from the shaded jar ({@code workbench micro}). */
package workbench.harness.micro;
