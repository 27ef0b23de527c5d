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
 *   <li><b>Size.</b> A polygon whose area is below one pixel of a 256-pixel tile, or a line shorter than a pixel, is
 *       dropped — or, for layers that must never vanish (clues), drawn as its interior point.
 *   <li><b>Simplify</b> (Douglas-Peucker, in working metres) with a tolerance of {@value #SIMPLIFY_PIXELS} pixel at the
 *       tile's centre latitude — invisible at the tile's zoom, and it keeps low-zoom tiles small.
 *   <li><b>Project</b> every remaining vertex exactly ({@link TileProjection}).
 *   <li><b>Clip</b> to the tile widened by a {@value #BUFFER_UNITS}-unit buffer, so that strokes and fills of
 *       neighbouring tiles meet without seams; only features that cross the buffered edge are intersected (OverlayNG,
 *       with its snapping fallbacks), the others are kept whole.
 *   <li><b>Round</b> to whole tile units, the resolution of the encoding.
 * </ol>
 *
 * <p>Precision and validity: positions are exact to half a tile unit (0.15 m at zoom 16, 2.4 m at zoom 12 near 36°N).
 * Simplifying parcels one by one and rounding may let neighbours overlap or part by a fraction of a pixel, and may
 * make a ring touch itself; renderers draw such rings as they are, and the MVT encoder drops rings that collapse to
 * zero area. Not for measuring: areas and lengths are computed from the stored geometries, never from tiles.
 */
public final class TileGeometry {
    /** Tile units across a tile (the MVT default). */
    public static final int EXTENT = 4096;
    /** Tile units per pixel of a tile drawn 256 pixels wide. */
    public static final double UNITS_PER_PIXEL = EXTENT / 256.0;
    /** The clip buffer around the tile: 4 pixels. */
    public static final int BUFFER_UNITS = 64;
    /** Douglas-Peucker tolerance in pixels. */
    public static final double SIMPLIFY_PIXELS = 0.25;

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

    public TileGeometry(TileProjection projection) {
        this.projection = projection;
        this.clip = new Envelope(
                -BUFFER_UNITS, projection.extent() + BUFFER_UNITS, -BUFFER_UNITS, projection.extent() + BUFFER_UNITS);
        this.clipPolygon = TILE_UNITS.toGeometry(clip);
        this.metresPerUnit = projection.groundMetresPerUnit();
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
     * The smallest ground area (m²) of a polygon this tile draws — one pixel at the tile's centre latitude; a cheap
     * pre-filter on stored areas.
     */
    public double minPolygonAreaM2() {
        double pixelM = UNITS_PER_PIXEL * metresPerUnit;
        return pixelM * pixelM;
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
            simplifier.setDistanceTolerance(SIMPLIFY_PIXELS * UNITS_PER_PIXEL * metresPerUnit);
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
        return t;
    }

    private boolean tooSmall(Geometry working, int dimension) {
        double pixelM = UNITS_PER_PIXEL * metresPerUnit;
        return dimension == 2 ? working.getArea() < pixelM * pixelM : working.getLength() < pixelM;
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
