package org.gengbao.spatial.layer;

/**
 * A feature that was repaired or rejected during an import.
 *
 * @param record 1-based position of the feature in the file (the FID most GIS software shows, plus one)
 * @param featureId its BSM when it has one
 */
public record FeatureIssue(long record, String featureId, String code, String zh, String en) {}
