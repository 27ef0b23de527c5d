package org.gengbao.spatial.geom;

import java.util.ArrayList;
import java.util.List;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.SpatialInputException.Location;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;

/**
 * Accepts polygonal input (patches to analyse, features of reference layers) into the county's working Gauss-Krüger
 * system, or explains why not.
 *
 * <p>In order: the geometry must be polygonal and non-empty, every coordinate finite, the vertex count within the
 * limit, and every position plausible for its declared system (inside China for degrees; for Gauss-Krüger metres, an
 * easting that matches the zone prefix convention of the EPSG code). It is then transformed into the working system,
 * rounded to the 1 mm grid, cleared of repeated vertices and validated; an invalid result is repaired only when the
 * repair keeps the enclosed area (see the package description), and every change is listed in the {@link IntakeResult}.
 */
public final class GeometryIntake {
    /** Default vertex limit for an analysed patch: a generous outline walked or drawn by hand has hundreds. */
    public static final int DEFAULT_MAX_VERTICES = 20_000;

    private static final double AREA_PRESERVED_RELATIVE = 1e-9;

    private final GaussKrugerCrs workingCrs;
    private final int maxVertices;

    public GeometryIntake(GaussKrugerCrs workingCrs, int maxVertices) {
        this.workingCrs = workingCrs;
        this.maxVertices = maxVertices;
    }

    public GeometryIntake(GaussKrugerCrs workingCrs) {
        this(workingCrs, DEFAULT_MAX_VERTICES);
    }

    public GaussKrugerCrs workingCrs() {
        return workingCrs;
    }

    public int maxVertices() {
        return maxVertices;
    }

    /** Parses a GeoJSON geometry or Feature (longitude/latitude unless it names a CRS or {@code crs} is given). */
    public IntakeResult fromGeoJson(String json, Crs crs) {
        GeoJsonGeometryParser.Parsed parsed =
                GeoJsonGeometryParser.parse(json, crs == null ? CrsRegistry.CGCS2000 : crs);
        return accept(parsed.geometry(), parsed.crs());
    }

    public IntakeResult fromWkt(String wkt, Crs crs) {
        Geometry g;
        try {
            g = new WKTReader(WorkingPrecision.factory(crs)).read(wkt);
        } catch (ParseException e) {
            throw new SpatialInputException(
                    "WKT_MALFORMED", "WKT 无法解析：" + e.getMessage(), "The WKT cannot be parsed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw structural(e);
        }
        return accept(g, crs);
    }

    public IntakeResult fromWkb(byte[] wkb, Crs crs) {
        Geometry g;
        try {
            g = new WKBReader(WorkingPrecision.factory(crs)).read(wkb);
        } catch (ParseException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw structural(iae);
            }
            throw new SpatialInputException(
                    "WKB_MALFORMED", "WKB 无法解析：" + e.getMessage(), "The WKB cannot be parsed: " + e.getMessage());
        }
        return accept(g, crs);
    }

    private static SpatialInputException structural(IllegalArgumentException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("closed")) {
            return new SpatialInputException(
                    "UNCLOSED_RING",
                    "多边形的环未闭合（首尾点不同）",
                    "A polygon ring is not closed (its last point differs from its first)");
        }
        if (msg.contains("Invalid number of points")) {
            return new SpatialInputException(
                    "TOO_FEW_POINTS",
                    "多边形的环至少需要 4 个点（首尾相同）",
                    "A polygon ring needs at least 4 points (the last repeating the first)");
        }
        return new SpatialInputException("GEOMETRY_INVALID", "几何图形结构错误：" + msg, "Invalid geometry structure: " + msg);
    }

    /** Checks, transforms, rounds and validates a polygonal geometry given in {@code crs}. */
    public IntakeResult accept(Geometry input, Crs crs) {
        if (input == null || input.isEmpty()) {
            throw new SpatialInputException("EMPTY_GEOMETRY", "几何图形为空", "The geometry is empty");
        }
        Geometry polygonal = requirePolygonal(input);
        int vertices = polygonal.getNumPoints();
        if (vertices > maxVertices) {
            throw new SpatialInputException(
                    "TOO_MANY_VERTICES",
                    "几何图形有 " + vertices + " 个顶点，超过上限 " + maxVertices,
                    "The geometry has " + vertices + " vertices, more than the limit of " + maxVertices);
        }
        checkCoordinates(polygonal, crs);
        Geometry working = CrsTransform.between(crs, workingCrs).apply(polygonal, WorkingPrecision.factory(workingCrs));
        WorkingPrecision.roundToGrid(working);
        List<Repair> repairs = new ArrayList<>();
        int before = working.getNumPoints();
        working = RepeatedPoints.remove(working);
        if (working.getNumPoints() < before) {
            Coordinate c = working.getCoordinate();
            repairs.add(new Repair(
                    "REPEATED_POINTS_REMOVED",
                    "删除了 " + (before - working.getNumPoints()) + " 个重复顶点（按 1 毫米取整后）",
                    "Removed " + (before - working.getNumPoints()) + " repeated vertices (after rounding to 1 mm)",
                    lonLat(c)));
        }
        working = PolygonRepair.validate(working, this::lonLat, repairs, AREA_PRESERVED_RELATIVE);
        if (working.isEmpty() || working.getArea() == 0.0) {
            throw new SpatialInputException(
                    "EMPTY_GEOMETRY", "几何图形面积为零", "The geometry encloses no area", lonLat(input.getCoordinate()));
        }
        working.setSRID(workingCrs.epsg());
        return new IntakeResult(working, repairs);
    }

    private static Geometry requirePolygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        if (g instanceof GeometryCollection gc && !(g instanceof MultiPolygon)) {
            List<Polygon> polygons = new ArrayList<>();
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                Geometry part = gc.getGeometryN(i);
                if (part instanceof Polygon p) {
                    polygons.add(p);
                } else if (part instanceof MultiPolygon mp) {
                    for (int j = 0; j < mp.getNumGeometries(); j++) {
                        polygons.add((Polygon) mp.getGeometryN(j));
                    }
                } else if (!part.isEmpty()) {
                    throw notPolygonal(part);
                }
            }
            return g.getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new));
        }
        throw notPolygonal(g);
    }

    private static SpatialInputException notPolygonal(Geometry g) {
        return new SpatialInputException(
                "GEOMETRY_TYPE_UNSUPPORTED",
                "需要面（Polygon 或 MultiPolygon），收到的是 " + g.getGeometryType(),
                "A polygon (Polygon or MultiPolygon) is required, not a " + g.getGeometryType());
    }

    /** Rejects non-finite and implausible coordinates, with a hint at the likely cause. */
    void checkCoordinates(Geometry g, Crs crs) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new SpatialInputException(
                        "NON_FINITE_COORDINATE",
                        "坐标不是有限数值（" + c.x + ", " + c.y + "）",
                        "A coordinate is not a finite number (" + c.x + ", " + c.y + ")");
            }
        }
        CoordinateChecks.check(g, crs);
    }

    /** A working-system coordinate as longitude/latitude, for messages. */
    Location lonLat(Coordinate c) {
        if (c == null) {
            return null;
        }
        double[] xy = {c.x, c.y};
        CrsTransform.between(workingCrs, CrsRegistry.CGCS2000).apply(xy);
        return new Location(xy[0], xy[1], "EPSG:4490");
    }
}
