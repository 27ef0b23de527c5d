package org.gengbao.spatial.layer;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a layer version.
 *
 * @param id the feature's identifier in its layer (BSM or the source's id; else its 1-based position)
 * @param geometry valid Polygon or MultiPolygon in the county's working Gauss-Krüger system, on the 1 mm grid
 * @param areaM2 ellipsoidal area of the geometry (CGCS2000, national formula), m²
 * @param attributes the source attributes, normalised (see {@link org.gengbao.spatial.io.SourceFeature})
 * @param terms what the feature means for the analysis
 */
public record ReferenceFeature(
        String id, Geometry geometry, double areaM2, Map<String, Object> attributes, FeatureTerms terms) {
    public ReferenceFeature {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
