package org.gengbao.spatial.testing;

import java.util.Random;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Deterministic random parcel-like polygons (star-shaped, so always simple) for property tests. */
public final class RandomParcels {
    private RandomParcels() {}

    /**
     * A simple polygon around (cx, cy) with {@code vertices} vertices and a mean radius of {@code radiusM}, on the 1 mm
     * grid.
     */
    public static Polygon star(Random r, GaussKrugerCrs crs, double cx, double cy, double radiusM, int vertices) {
        GeometryFactory f = WorkingPrecision.factory(crs);
        Coordinate[] pts = new Coordinate[vertices + 1];
        double phase = r.nextDouble() * Math.PI * 2;
        for (int i = 0; i < vertices; i++) {
            double a = phase + 2 * Math.PI * i / vertices;
            double rad = radiusM * (0.6 + 0.8 * r.nextDouble());
            pts[i] = new Coordinate(mm(cx + rad * Math.cos(a)), mm(cy + rad * Math.sin(a)));
        }
        pts[vertices] = pts[0].copy();
        return f.createPolygon(pts);
    }

    private static double mm(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
