package org.gengbao.spatial.overlay;

import org.gengbao.spatial.layer.FeatureTerms;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A reference feature as the in-memory index holds it: geometry, its prepared form (whose indexes JTS builds lazily
 * and thread-safely on first use), envelope, area under the engine's area method, and terms.
 */
final class IndexedFeature {
    final Geometry geometry;
    final PreparedGeometry prepared;
    final Envelope envelope;
    final double areaM2;
    final FeatureTerms terms;

    IndexedFeature(Geometry geometry, double areaM2, FeatureTerms terms) {
        this.geometry = geometry;
        this.prepared = PreparedGeometryFactory.prepare(geometry);
        this.envelope = geometry.getEnvelopeInternal();
        this.areaM2 = areaM2;
        this.terms = terms;
    }
}
