package org.gengbao.spatial.geom;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Removes consecutive repeated vertices from polygon rings. A ring left with fewer than four positions (it encloses
 * nothing) is dropped: a hole simply disappears, a shell takes its polygon with it.
 */
final class RepeatedPoints {
    private RepeatedPoints() {}

    static Geometry remove(Geometry g) {
        GeometryFactory f = g.getFactory();
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (p.isEmpty()) {
                continue;
            }
            LinearRing shell = ring(p.getExteriorRing(), f);
            if (shell == null) {
                continue;
            }
            List<LinearRing> holes = new ArrayList<>();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                LinearRing hole = ring(p.getInteriorRingN(h), f);
                if (hole != null) {
                    holes.add(hole);
                }
            }
            out.add(f.createPolygon(shell, holes.toArray(LinearRing[]::new)));
        }
        if (g instanceof Polygon && out.size() == 1) {
            return out.get(0);
        }
        return f.createMultiPolygon(out.toArray(Polygon[]::new));
    }

    private static LinearRing ring(LinearRing r, GeometryFactory f) {
        Coordinate[] pts = CoordinateArrays.removeRepeatedPoints(r.getCoordinates());
        if (pts.length < 4) {
            return null;
        }
        return f.createLinearRing(pts);
    }
}
