package workbench.harness.trial;

import workbench.harness.net.Network;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;

/**
 * One series of a run on a network with one variant of the swept settings: one of our strategies
 * ({@link StrategySeries}), or a reference transfer whose sender is not ours ({@link BaselineSeries}).
 */
public sealed interface SeriesPlan permits StrategySeries, BaselineSeries {
    Network network();

    int variantIndex();

    Variant variant();

    /** the series' key, with the role its receiver or tool gives it */
    SeriesKey key(SeriesRole role);
}
