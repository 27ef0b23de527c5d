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
    /** Position in its layer version, for remembering pair relations. */
    final int ordinal;

    final Geometry geometry;
    final PreparedGeometry prepared;
    final Envelope envelope;
    final double areaM2;
    final FeatureTerms terms;
    /** A hash of the coordinates, to find features of other layers with the same shape. */
    final long shapeKey;

    IndexedFeature(int ordinal, Geometry geometry, double areaM2, FeatureTerms terms) {
        this.ordinal = ordinal;
        this.geometry = geometry;
        this.prepared = PreparedGeometryFactory.prepare(geometry);
        this.envelope = geometry.getEnvelopeInternal();
        this.areaM2 = areaM2;
        this.terms = terms;
        this.shapeKey = shapeKey(geometry);
    }

    private static long shapeKey(Geometry g) {
        long h = g.getNumPoints();
        for (org.locationtech.jts.geom.Coordinate c : g.getCoordinates()) {
            h = h * 31 + Double.doubleToLongBits(c.x);
            h = h * 31 + Double.doubleToLongBits(c.y);
        }
        return h;
    }
}
