package workbench.harness.cli;

import java.util.Iterator;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;

/** The registry's strategy names, for --strategies' help and completion. */
final class StrategyNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Strategies.all().stream().map(WriteStrategy::name).iterator();
    }
}
