package org.gengbao.spatial.overlay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.layer.FeatureTerms;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * A deliberately naive reference for the in-memory engine: no index, no containment shortcuts, every feature
 * intersected with the patch by plain JTS, every region unioned. Slow, obviously right. One version per kind.
 */
final class BruteForceOverlay {
    private final List<LayerVersion> versions;
    private final AreaMeasure measure;

    BruteForceOverlay(List<LayerVersion> versions, AreaMeasure measure) {
        this.versions = versions;
        this.measure = measure;
    }

    double area(Geometry g) {
        return g == null ? 0 : measure.areaM2(g);
    }

    Geometry region(Geometry patch, LayerKind kind, Predicate<FeatureTerms> keep) {
        List<Geometry> parts = new ArrayList<>();
        for (LayerVersion v : versions) {
            if (v.kind() != kind) {
                continue;
            }
            for (ReferenceFeature f : v.features()) {
                if (keep.test(f.terms()) && f.geometry().intersects(patch)) {
                    Geometry piece = RobustOverlay.polygonal(f.geometry().intersection(patch));
                    if (!piece.isEmpty()) {
                        parts.add(piece);
                    }
                }
            }
        }
        return parts.isEmpty() ? null : RobustOverlay.polygonal(UnaryUnionOp.union(parts));
    }

    double landUse(Geometry patch, Predicate<String> code) {
        Geometry g = region(patch, LayerKind.DLTB, t -> code.test(((FeatureTerms.LandUse) t).code()));
        return area(g);
    }

    static Geometry minus(Geometry a, Geometry b) {
        if (a == null) {
            return null;
        }
        return b == null ? a : RobustOverlay.polygonal(a.difference(b));
    }

    static Geometry and(Geometry a, Geometry b) {
        return a == null || b == null ? null : RobustOverlay.polygonal(a.intersection(b));
    }

    static Geometry or(Geometry a, Geometry b) {
        return a == null ? b : b == null ? a : RobustOverlay.polygonal(a.union(b));
    }

    static boolean inForce(FeatureTerms t, LocalDate d) {
        return t.inForceOn(d);
    }
}
