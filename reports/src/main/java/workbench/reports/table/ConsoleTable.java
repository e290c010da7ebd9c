package workbench.reports.table;

import java.util.List;
import java.util.Optional;

/** Plain aligned text: columns two spaces apart, no rules, no trailing blanks — the seed's look. */
public final class ConsoleTable implements TableWriter {
    ConsoleTable() {
    }

    @Override
    public int minWidth() {
        return 0;
    }

    @Override
    public Table escape(Table table) {
        return table.map(cell -> cell.replace('\n', ' ').replace('\r', ' '));
    }

    @Override
    public String row(List<String> cells) {
        return String.join("  ", cells).stripTrailing();
    }

    @Override
    public Optional<String> divider(Table table, int[] widths) {
        return Optional.empty();
    }
}
