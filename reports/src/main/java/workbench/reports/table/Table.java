package workbench.reports.table;

import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A table as text cells: a header, the alignment of each column and the rows. Writers
 * ({@link TableWriter}) decide how it looks; the table only knows its content.
 *
 * @param header column titles
 * @param align  one alignment per column
 * @param rows   rows, each with one cell per column
 */
public record Table(List<String> header, List<Align> align, List<List<String>> rows) {
    public enum Align { LEFT, RIGHT }

    public Table {
        header = List.copyOf(header);
        align = List.copyOf(align);
        rows = rows.stream().map(List::copyOf).toList();
        if (align.size() != header.size()) {
            throw new IllegalArgumentException("need one alignment per column: " + align.size() + " for " + header.size());
        }
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size() + ": " + row);
            }
        }
    }

    /** a table whose columns are all left-aligned */
    public static Table of(List<String> header, List<List<String>> rows) {
        return new Table(header, Collections.nCopies(header.size(), Align.LEFT), rows);
    }

    public int columns() {
        return header.size();
    }

    /** the widest cell of a column, header included, in chars */
    public int width(int column) {
        int w = header.get(column).length();
        for (List<String> row : rows) {
            w = Math.max(w, row.get(column).length());
        }
        return w;
    }

    /** the same table with every cell, header included, passed through {@code f} (e.g. escaping) */
    public Table map(UnaryOperator<String> f) {
        return new Table(header.stream().map(f).toList(), align,
                rows.stream().map(r -> r.stream().map(f).toList()).toList());
    }

    /** a cell padded to {@code width} on the side its column's alignment asks for */
    public String pad(String cell, int column, int width) {
        String fill = " ".repeat(Math.max(0, width - cell.length()));
        return align.get(column) == Align.RIGHT ? fill + cell : cell + fill;
    }
}
