package org.gengbao.spatial.io.geojson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One geometry as a GeoJSON geometry object in CGCS2000 longitude/latitude (RFC 7946: exterior rings
 * counter-clockwise), for API answers. Points, lines, polygons, their multi forms and collections.
 */
public final class GeoJsonGeometries {
    /** 7 decimals of a degree: about 1 cm. */
    public static final int LON_LAT_DECIMALS = 7;

    private static final Crs LON_LAT = CrsRegistry.byEpsg(4490);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoJsonGeometries() {}

    /** {@code geometry}, given in {@code crs}, as GeoJSON in lon/lat rounded to {@value #LON_LAT_DECIMALS} decimals. */
    public static ObjectNode lonLat(Geometry geometry, Crs crs) {
        Geometry g = CrsTransform.between(crs, LON_LAT).apply(geometry, new GeometryFactory());
        return node(g);
    }

    private static ObjectNode node(Geometry g) {
        ObjectNode n = NODES.objectNode();
        n.put("type", g.getGeometryType());
        if (g instanceof Point p) {
            n.set("coordinates", position(p.getCoordinate()));
        } else if (g instanceof LineString l) {
            n.put("type", "LineString");
            n.set("coordinates", positions(l.getCoordinates(), false));
        } else if (g instanceof Polygon p) {
            n.set("coordinates", rings(p));
        } else if ("GeometryCollection".equals(g.getGeometryType())) {
            ArrayNode parts = n.putArray("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                parts.add(node(g.getGeometryN(i)));
            }
        } else {
            ArrayNode parts = n.putArray("coordinates");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                parts.add(node(g.getGeometryN(i)).get("coordinates"));
            }
        }
        return n;
    }

    private static ArrayNode rings(Polygon p) {
        ArrayNode rings = NODES.arrayNode();
        rings.add(ring(p.getExteriorRing().getCoordinates(), true));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(ring(p.getInteriorRingN(i).getCoordinates(), false));
        }
        return rings;
    }

    private static ArrayNode ring(Coordinate[] ring, boolean counterClockwise) {
        return positions(ring, Orientation.isCCW(ring) != counterClockwise);
    }

    private static ArrayNode positions(Coordinate[] cs, boolean reverse) {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < cs.length; i++) {
            a.add(position(cs[reverse ? cs.length - 1 - i : i]));
        }
        return a;
    }

    private static ArrayNode position(Coordinate c) {
        ArrayNode a = NODES.arrayNode();
        a.add(round(c.x));
        a.add(round(c.y));
        return a;
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v)
                .setScale(LON_LAT_DECIMALS, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }
}
