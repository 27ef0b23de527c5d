package org.gengbao.spatial.overlay;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A part of the patch (covered by approvals, basic farmland, …) with its area, and set algebra that skips overlay in
 * the trivial cases: an empty region, the whole patch, containment and disjointness tested on a prepared geometry.
 */
final class Region {
    private final PatchClipper clip;
    private final Geometry geometry; // null when empty
    private final double areaM2;
    private PreparedGeometry prepared;

    private Region(PatchClipper clip, Geometry geometry, double areaM2) {
        this.clip = clip;
        this.geometry = geometry == null || geometry.isEmpty() ? null : geometry;
        this.areaM2 = this.geometry == null ? 0.0 : areaM2;
    }

    static Region empty(PatchClipper clip) {
        return new Region(clip, null, 0.0);
    }

    /** The union of pieces; one piece is taken as it is, with its already measured area. */
    static Region unionOf(PatchClipper clip, List<Piece> pieces) {
        if (pieces.isEmpty()) {
            return empty(clip);
        }
        if (pieces.size() == 1) {
            return new Region(clip, pieces.get(0).geometry(), pieces.get(0).areaM2());
        }
        List<Geometry> parts = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            if (p.geometry() == clip.patch) {
                return new Region(clip, clip.patch, clip.patchAreaM2);
            }
            parts.add(p.geometry());
        }
        Geometry union = RobustOverlay.union(parts);
        return new Region(clip, union, clip.area(union));
    }

    double areaM2() {
        return areaM2;
    }

    boolean isEmpty() {
        return geometry == null;
    }

    boolean isWholePatch() {
        return geometry == clip.patch;
    }

    Region and(Region other) {
        if (isEmpty() || other.isWholePatch()) {
            return this;
        }
        if (other.isEmpty() || isWholePatch()) {
            return other;
        }
        Geometry g = RobustOverlay.intersection(geometry, other.geometry);
        return new Region(clip, g, clip.area(g));
    }

    Region or(Region other) {
        if (isEmpty() || other.isWholePatch()) {
            return other;
        }
        if (other.isEmpty() || isWholePatch()) {
            return this;
        }
        Geometry g = RobustOverlay.union(List.of(geometry, other.geometry));
        return new Region(clip, g, clip.area(g));
    }

    Region minus(Region other) {
        if (isEmpty() || other.isEmpty()) {
            return this;
        }
        if (other.isWholePatch()) {
            return empty(clip);
        }
        Geometry g = RobustOverlay.difference(geometry, other.geometry);
        return new Region(clip, g, clip.area(g));
    }

    /** |piece − this|, the part of a piece outside this region, testing containment before any overlay. */
    double areaOutside(Piece piece) {
        if (isEmpty()) {
            return piece.areaM2();
        }
        if (isWholePatch()) {
            return 0.0;
        }
        if (!geometry.getEnvelopeInternal().intersects(piece.geometry().getEnvelopeInternal())) {
            return piece.areaM2();
        }
        PreparedGeometry p = prepared();
        if (p.covers(piece.geometry())) {
            return 0.0;
        }
        if (!p.intersects(piece.geometry())) {
            return piece.areaM2();
        }
        return clip.area(RobustOverlay.difference(piece.geometry(), geometry));
    }

    /** Σ |piece − this| over pieces. */
    double areaOutside(List<Piece> pieces) {
        double sum = 0;
        for (Piece piece : pieces) {
            sum += areaOutside(piece);
        }
        return sum;
    }

    private PreparedGeometry prepared() {
        if (prepared == null) {
            prepared = PreparedGeometryFactory.prepare(geometry);
        }
        return prepared;
    }
}
