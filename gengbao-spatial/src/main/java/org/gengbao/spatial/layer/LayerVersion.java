package org.gengbao.spatial.layer;

import java.time.LocalDate;
import java.util.List;
import org.gengbao.spatial.crs.GaussKrugerCrs;

/**
 * One immutable version of a reference layer: every feature of one import of one kind.
 *
 * @param id stable identifier, {@code kind-effectiveFrom-hash12} (the same content imported with the same date gets
 *     the same id)
 * @param effectiveFrom the first day an analysis uses this version
 * @param sha256 the {@link ContentHash} of the features, hex
 * @param crs the working system of the geometries
 */
public record LayerVersion(
        String id,
        LayerKind kind,
        LocalDate effectiveFrom,
        String sha256,
        GaussKrugerCrs crs,
        List<ReferenceFeature> features) {

    public LayerVersion {
        features = List.copyOf(features);
    }

    /** Builds a version, computing its content hash and id. */
    public static LayerVersion of(
            LayerKind kind, LocalDate effectiveFrom, GaussKrugerCrs crs, List<ReferenceFeature> features) {
        String sha = ContentHash.of(kind, crs, features);
        return new LayerVersion(idFor(kind, effectiveFrom, sha), kind, effectiveFrom, sha, crs, features);
    }

    public static String idFor(LayerKind kind, LocalDate effectiveFrom, String sha256) {
        return kind.id() + "-" + effectiveFrom + "-" + sha256.substring(0, 12);
    }

    public int featureCount() {
        return features.size();
    }
}
