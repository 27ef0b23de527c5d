package org.gengbao.spatial.tile;

import java.util.ArrayList;
import java.util.List;
import org.gengbao.spatial.geom.Positions;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.geom.util.PointExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * What one vector tile draws of a feature: its geometry in the working Gauss-Krüger system becomes integer tile units
 * (0 … {@value #EXTENT}, y down) in five steps.
 *
 * <ol>
 *   <li><b>Size.</b> A polygon whose area is below {@value #MIN_AREA_PX2} square pixel of a 256-pixel tile, or a line
 *       shorter than {@value #MIN_LENGTH_PX} pixel, is dropped — or, for layers that must never vanish (clues), drawn as
 *       its interior point. (A floor of two square pixels would drop 41 % of a generated county's parcels at zoom 12 —
 *       and 13 % of its area, a visible hole in the land-use mosaic; one pixel drops 12 % of them, 2 % of the area.)
 *   <li><b>Simplify</b> (Douglas-Peucker, in working metres) with a tolerance of {@value
 *       #LOW_ZOOM_SIMPLIFY_TOLERANCE_PX} pixel up to zoom {@value #LOW_ZOOM_MAX} and {@value #SIMPLIFY_TOLERANCE_PX}
 *       pixel beyond, at the tile's centre latitude (a tolerance of a tile unit or two would be finer than the quarter
 *       pixel, 4 units, used before). A ring simplified to nothing is dropped, or drawn as a point where features must not
 *       vanish. A whole pixel was tried at zoom 12-13: it collapses parcels up to about two pixels across and left 84 %
 *       of a generated county's land drawn at zoom 12; half a pixel leaves 97 %. Zoom 14 and beyond, where parcels are
 *       picked by clicking, keep the quarter pixel.
 *   <li><b>Project</b> every remaining vertex exactly ({@link TileProjection}).
 *   <li><b>Clip</b> to the tile widened by a {@value #BUFFER_UNITS}-unit buffer, so that strokes and fills of
 *       neighbouring tiles meet without seams; only features that cross the buffered edge are intersected (OverlayNG,
 *       with its snapping fallbacks), the others are kept whole.
 *   <li><b>Round</b> to whole tile units, the resolution of the encoding; a polygon made invalid by simplifying and
 *       rounding (a ring touching or crossing itself) is repaired, and one that collapses to no area is dropped.
 * </ol>
 *
 * <p>Precision and validity: positions are exact to half a tile unit (0.15 m at zoom 16, 2.4 m at zoom 12 near 36°N).
 * Drawn polygons are valid (in the JTS sense) and lie within the simplification tolerance (twice it near a ring's start
 * point, which JTS simplifies away last) plus half a diagonal tile unit of the exact outline. Simplifying parcels one by one may let neighbours overlap or part by up to the tolerance. Not for measuring: areas and lengths are computed from the stored geometries, never from tiles.
 */
public final class TileGeometry {
    /** Tile units across a tile (the MVT default). */
    public static final int EXTENT = 4096;
    /** Tile units per pixel of a tile drawn 256 pixels wide. */
    public static final double UNITS_PER_PIXEL = EXTENT / 256.0;
    /** The clip buffer around the tile: 4 pixels. */
    public static final int BUFFER_UNITS = 64;
    /** Polygons smaller than this (square pixels of a 256-pixel tile) are not drawn. */
    public static final double MIN_AREA_PX2 = 1.0;
    /** Lines shorter than this (pixels) are not drawn. */
    public static final double MIN_LENGTH_PX = 1.0;
    /** Douglas-Peucker tolerance (pixels) beyond zoom {@link #LOW_ZOOM_MAX}. */
    public static final double SIMPLIFY_TOLERANCE_PX = 0.25;
    /** Douglas-Peucker tolerance (pixels) up to zoom {@link #LOW_ZOOM_MAX}. */
    public static final double LOW_ZOOM_SIMPLIFY_TOLERANCE_PX = 0.5;
    /** The deepest zoom simplified with {@link #LOW_ZOOM_SIMPLIFY_TOLERANCE_PX}. */
    public static final int LOW_ZOOM_MAX = 13;

    /** What happens to a polygon or line smaller than a pixel. */
    public enum SmallFeatures {
        DROP,
        AS_POINT
    }

    private static final GeometryFactory TILE_UNITS = new GeometryFactory(new PrecisionModel());

    private final TileProjection projection;
    private final Envelope clip;
    private final Geometry clipPolygon;
    private final double metresPerUnit;
    private final double simplifyTolerancePx;

    public TileGeometry(TileProjection projection) {
        this.projection = projection;
        this.clip = new Envelope(
                -BUFFER_UNITS, projection.extent() + BUFFER_UNITS, -BUFFER_UNITS, projection.extent() + BUFFER_UNITS);
        this.clipPolygon = TILE_UNITS.toGeometry(clip);
        this.metresPerUnit = projection.groundMetresPerUnit();
        this.simplifyTolerancePx =
                projection.tile().z() <= LOW_ZOOM_MAX ? LOW_ZOOM_SIMPLIFY_TOLERANCE_PX : SIMPLIFY_TOLERANCE_PX;
    }

    /** The Douglas-Peucker tolerance of this tile, in pixels. */
    public double simplifyTolerancePx() {
        return simplifyTolerancePx;
    }

    /** For a tile of the standard extent. */
    public static TileGeometry of(TileAddress tile, org.gengbao.spatial.crs.GaussKrugerCrs working) {
        return new TileGeometry(new TileProjection(tile, working, EXTENT));
    }

    public TileProjection projection() {
        return projection;
    }

    /** The working-system envelope to ask a spatial index for: the tile with its buffer. */
    public Envelope queryEnvelope() {
        return projection.workingEnvelope(BUFFER_UNITS);
    }

    /**
     * The smallest ground area (m²) of a polygon this tile draws — {@value #MIN_AREA_PX2} square pixel at the tile's
     * centre latitude; a cheap pre-filter on stored areas.
     */
    public double minPolygonAreaM2() {
        double pixelM = UNITS_PER_PIXEL * metresPerUnit;
        return MIN_AREA_PX2 * pixelM * pixelM;
    }

    /**
     * The feature as drawn in this tile (integer tile units, homogeneous: points, lines or polygons as the input), or
     * null when nothing of it shows.
     */
    public Geometry draw(Geometry working, SmallFeatures small) {
        if (working == null || working.isEmpty()) {
            return null;
        }
        int dimension = working.getDimension();
        if (dimension > 0 && tooSmall(working, dimension)) {
            return small == SmallFeatures.AS_POINT ? draw(working.getInteriorPoint(), small) : null;
        }
        Geometry g = working;
        if (dimension > 0) {
            DouglasPeuckerSimplifier simplifier = new DouglasPeuckerSimplifier(working);
            simplifier.setDistanceTolerance(simplifyTolerancePx * UNITS_PER_PIXEL * metresPerUnit);
            simplifier.setEnsureValid(false);
            g = simplifier.getResultGeometry();
            if (g.isEmpty()) {
                return small == SmallFeatures.AS_POINT ? draw(working.getInteriorPoint(), small) : null;
            }
        }
        Geometry t = projection.toTile(g, TILE_UNITS);
        Envelope e = t.getEnvelopeInternal();
        if (!clip.intersects(e)) {
            return null;
        }
        if (!clip.contains(e)) {
            t = clip(t, dimension);
            if (t == null) {
                return null;
            }
        }
        Positions.mapInPlace(t, (x, y, out) -> {
            out[0] = Math.round(x);
            out[1] = Math.round(y);
        });
        if (dimension == 2) {
            t = validPolygons(t);
            if (t == null) {
                return small == SmallFeatures.AS_POINT ? draw(working.getInteriorPoint(), small) : null;
            }
        }
        return t;
    }

    /**
     * The polygons of {@code t} made valid (a ring that simplifying and rounding made touch or cross itself is repaired
     * on the integer grid), or null when nothing of area remains.
     */
    private static Geometry validPolygons(Geometry t) {
        if (t.getArea() <= 0) {
            return null;
        }
        if (t.isValid()) {
            return t;
        }
        List<Geometry> parts = new ArrayList<>();
        for (Object o : PolygonExtracter.getPolygons(GeometryFixer.fix(t))) {
            Polygon p = (Polygon) o;
            if (!p.isEmpty() && p.getArea() > 0) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        Geometry fixed = TILE_UNITS.buildGeometry(parts);
        // the fixer adds the points where edges cross: back to the grid, unless that breaks the polygon again (the
        // encoder then rounds them)
        Geometry snapped = fixed.copy();
        Positions.mapInPlace(snapped, (x, y, o) -> {
            o[0] = Math.round(x);
            o[1] = Math.round(y);
        });
        return snapped.isValid() && snapped.getArea() > 0 ? snapped : fixed;
    }

    private boolean tooSmall(Geometry working, int dimension) {
        double pixelM = UNITS_PER_PIXEL * metresPerUnit;
        return dimension == 2
                ? working.getArea() < MIN_AREA_PX2 * pixelM * pixelM
                : working.getLength() < MIN_LENGTH_PX * pixelM;
    }

    /** The part of {@code t} within the buffered tile, of the same dimension; null if none. */
    private Geometry clip(Geometry t, int dimension) {
        if (dimension == 0) {
            List<Point> inside = new ArrayList<>();
            for (Object o : PointExtracter.getPoints(t)) {
                Point p = (Point) o;
                if (clip.contains(p.getCoordinate())) {
                    inside.add(p);
                }
            }
            return inside.isEmpty() ? null : TILE_UNITS.buildGeometry(inside);
        }
        Geometry cut;
        try {
            cut = OverlayNGRobust.overlay(t, clipPolygon, OverlayNG.INTERSECTION);
        } catch (TopologyException e) {
            if (dimension != 2) {
                throw e;
            }
            // a ring made to touch or cross itself by simplification: clip its repaired form
            cut = OverlayNGRobust.overlay(t.buffer(0), clipPolygon, OverlayNG.INTERSECTION);
        }
        List<Geometry> parts = new ArrayList<>();
        if (dimension == 2) {
            for (Object o : PolygonExtracter.getPolygons(cut)) {
                if (!((Polygon) o).isEmpty()) {
                    parts.add((Polygon) o);
                }
            }
        } else {
            for (Object o : LinearComponentExtracter.getLines(cut)) {
                if (!((LineString) o).isEmpty()) {
                    parts.add((LineString) o);
                }
            }
        }
        return parts.isEmpty() ? null : TILE_UNITS.buildGeometry(parts);
    }
}
