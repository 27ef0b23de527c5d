package org.gengbao.spatial.layer;

import java.util.List;

/**
 * What an import did: features read, imported, repaired (with reasons) and rejected (with reasons). The issue lists are
 * capped at {@link #MAX_LISTED} entries each; the counts are complete.
 *
 * @param sourceCrs the coordinate system the features were read in, and where it came from
 */
public record ImportReport(
        LayerKind kind,
        long read,
        long imported,
        long repairedCount,
        long rejectedCount,
        List<FeatureIssue> repaired,
        List<FeatureIssue> rejected,
        String sourceCrs) {
    public static final int MAX_LISTED = 1000;

    public ImportReport {
        repaired = List.copyOf(repaired);
        rejected = List.copyOf(rejected);
    }
}
