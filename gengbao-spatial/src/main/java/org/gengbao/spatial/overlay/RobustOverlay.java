package org.gengbao.spatial.overlay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Polygon overlay that never lets a {@link org.locationtech.jts.geom.TopologyException} escape. Results are polygonal
 * (lower-dimensional by-products of touching inputs are dropped).
 *
 * <p>Strategy: JTS {@link OverlayNGRobust} (floating noding, then snapping, then heuristic snap-rounding); if that still
 * fails, snap-rounding on the 1 mm working grid, then on a 1 cm grid. Each fallback is counted in {@link #fallbacks()}.
 */
public final class RobustOverlay {
    private static final PrecisionModel CENTIMETRE_GRID = new PrecisionModel(100);
    private static final LongAdder FALLBACKS = new LongAdder();

    private RobustOverlay() {}

    /**
     * a ∩ b. Two simple polygons in general position take the {@link SimplePolygonClipper} fast path; everything else
     * (holes, several parts, touching or overlapping edges) the robust general overlay.
     */
    public static Geometry intersection(Geometry a, Geometry b) {
        if (same(a, b)) {
            return a;
        }
        if (a instanceof Polygon pa && b instanceof Polygon pb) {
            Geometry fast = SimplePolygonClipper.intersection(pa, pb);
            if (fast != null) {
                return fast;
            }
        }
        return overlay(a, b, OverlayNG.INTERSECTION);
    }

    public static Geometry difference(Geometry a, Geometry b) {
        if (same(a, b)) {
            return a.getFactory().createPolygon();
        }
        if (a instanceof Polygon pa && b instanceof Polygon pb) {
            Geometry fast = SimplePolygonClipper.difference(pa, pb);
            if (fast != null) {
                return fast;
            }
        }
        return overlay(a, b, OverlayNG.DIFFERENCE);
    }

    /** Whether two geometries are the same object or have exactly the same coordinates (a frequent case in layers). */
    private static boolean same(Geometry a, Geometry b) {
        return a == b || (a.getEnvelopeInternal().equals(b.getEnvelopeInternal()) && a.equalsExact(b));
    }

    /** The union of polygonal parts; {@code null} for an empty collection. */
    public static Geometry union(Collection<Geometry> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.iterator().next();
        }
        if (parts.size() == 2) {
            java.util.Iterator<Geometry> it = parts.iterator();
            Geometry a = it.next();
            Geometry b = it.next();
            if (same(a, b)) {
                return a;
            }
        }
        try {
            return polygonal(UnaryUnionOp.union(parts));
        } catch (RuntimeException e) {
            FALLBACKS.increment();
            GeometryFactory f = parts.iterator().next().getFactory();
            Geometry all = f.buildGeometry(new ArrayList<>(parts));
            try {
                return polygonal(UnaryUnionNG.union(all, WorkingPrecision.MILLIMETRE_GRID));
            } catch (RuntimeException e2) {
                return polygonal(UnaryUnionNG.union(all, CENTIMETRE_GRID));
            }
        }
    }

    /** How many overlays needed a fallback beyond OverlayNGRobust since start-up. */
    public static long fallbacks() {
        return FALLBACKS.sum();
    }

    private static Geometry overlay(Geometry a, Geometry b, int op) {
        try {
            return polygonal(OverlayNGRobust.overlay(a, b, op));
        } catch (RuntimeException e) {
            FALLBACKS.increment();
        }
        try {
            return polygonal(OverlayNG.overlay(a, b, op, WorkingPrecision.MILLIMETRE_GRID));
        } catch (RuntimeException e) {
            return polygonal(OverlayNG.overlay(a.buffer(0), b.buffer(0), op, CENTIMETRE_GRID));
        }
    }

    /** The polygonal part of an overlay result (a Polygon, a MultiPolygon, or an empty Polygon). */
    static Geometry polygonal(Geometry g) {
        if (g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon) {
            return g;
        }
        List<Polygon> polygons = new ArrayList<>();
        PolygonExtracter.getPolygons(g, polygons);
        if (polygons.size() == 1) {
            return polygons.get(0);
        }
        return g.getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new));
    }
}
