package workbench.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * What decides the guest's RAM: same settings, same bytes.
 *
 * @param sizes     guest RAM sizes in bytes (several when swept)
 * @param blocks    number of RAM blocks the size is split into
 * @param pageSize  page size in bytes
 * @param dup       shares of all-zero pages, 0..1 (several when swept)
 * @param uniform   shares of pages filled with one non-zero byte, 0..1 (several when swept)
 * @param dirty     shares of pages sent, 0..1 (several when swept)
 * @param layout    how page classes are placed ("scattered", …)
 * @param content   what fills the other pages ("random", …)
 * @param seed      the RNG seed of the RAM content
 * @param dupPolicy which pages the sender sends as one-byte fill records ("zero", "uniform")
 */
public record RamSettings(List<Long> sizes, int blocks, int pageSize, List<Double> dup, List<Double> uniform,
                          List<Double> dirty, String layout, String content, long seed, String dupPolicy) {
    public RamSettings {
        sizes = List.copyOf(sizes);
        dup = List.copyOf(dup);
        uniform = List.copyOf(uniform);
        dirty = List.copyOf(dirty);
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(dupPolicy, "dupPolicy");
    }
}
