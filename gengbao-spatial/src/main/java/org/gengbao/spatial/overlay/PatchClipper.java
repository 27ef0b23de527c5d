package org.gengbao.spatial.overlay;

import org.gengbao.spatial.area.AreaMeasure;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Clips reference features to one patch. Containment shortcuts avoid overlay where possible: a feature the patch
 * covers contributes its precomputed area, a feature that covers the patch contributes the patch's area, a feature the
 * patch does not touch nothing; only the rest are intersected.
 */
final class PatchClipper {
    final Geometry patch;
    final Envelope envelope;
    final double patchAreaM2;
    final AreaMeasure measure;
    private final PreparedGeometry prepared;

    PatchClipper(Geometry patch, AreaMeasure measure) {
        this.patch = patch;
        this.envelope = patch.getEnvelopeInternal();
        this.measure = measure;
        this.prepared = PreparedGeometryFactory.prepare(patch);
        this.patchAreaM2 = measure.areaM2(patch);
    }

    /** Clips already made for this patch, by shape: a basic farmland parcel is often a land-use parcel's twin. */
    private java.util.Map<Long, Object[]> clipped;

    void rememberShapes() {
        clipped = new java.util.HashMap<>();
    }

    /** The part of the patch inside {@code f}, or {@code null} when it has no area. */
    Piece clip(IndexedFeature f, LayerIndex layer) {
        if (clipped == null) {
            return clipOnce(f, layer);
        }
        Object[] earlier = clipped.get(f.shapeKey);
        if (earlier != null && ((IndexedFeature) earlier[0]).geometry.equalsExact(f.geometry)) {
            Piece p = (Piece) earlier[1];
            return p == null
                    ? null
                    : new Piece(
                            p.geometry() == ((IndexedFeature) earlier[0]).geometry ? f.geometry : p.geometry(),
                            p.areaM2(),
                            f,
                            layer);
        }
        Piece p = clipOnce(f, layer);
        clipped.putIfAbsent(f.shapeKey, new Object[] {f, p});
        return p;
    }

    private Piece clipOnce(IndexedFeature f, LayerIndex layer) {
        if (!envelope.intersects(f.envelope)) {
            return null;
        }
        if (envelope.covers(f.envelope) && prepared.covers(f.geometry)) {
            return new Piece(f.geometry, f.areaM2, f, layer);
        }
        if (!prepared.intersects(f.geometry)) {
            return null;
        }
        if (f.envelope.covers(envelope) && f.prepared.covers(patch)) {
            return new Piece(patch, patchAreaM2, f, layer);
        }
        Geometry part = RobustOverlay.intersection(f.geometry, patch);
        if (part.isEmpty()) {
            return null;
        }
        double area = measure.areaM2(part);
        return area > 0 ? new Piece(part, area, f, layer) : null;
    }

    double area(Geometry g) {
        if (g == null || g.isEmpty()) {
            return 0.0;
        }
        return g == patch ? patchAreaM2 : measure.areaM2(g);
    }
}
