package org.gengbao.spatial.area;

import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.crs.GaussKrugerProjection;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Measures polygonal geometries given in one coordinate system with one {@link AreaMethod}. Non-polygonal parts count
 * zero. Thread-safe.
 */
public final class AreaMeasure {
    private static final double DEG = Math.PI / 180.0;

    private final AreaMethod method;
    private final Crs crs;
    private final GaussKrugerProjection projection;

    private AreaMeasure(AreaMethod method, Crs crs) {
        this.method = method;
        this.crs = crs;
        this.projection = crs instanceof GaussKrugerCrs gk ? GaussKrugerProjection.of(gk) : null;
        if (method == AreaMethod.PLANAR && projection == null) {
            throw new IllegalArgumentException("planar area needs projected coordinates, not " + crs.code());
        }
    }

    public static AreaMeasure of(AreaMethod method, Crs crs) {
        return new AreaMeasure(method, crs);
    }

    /** The reported measure: the national ellipsoidal formula on CGCS2000. */
    public static AreaMeasure ellipsoidal(Crs crs) {
        return of(AreaMethod.ELLIPSOIDAL_TRAPEZOID, crs);
    }

    public AreaMethod method() {
        return method;
    }

    public Crs crs() {
        return crs;
    }

    /** Area in m² of the polygonal parts of {@code geometry}: shells minus holes, parts added. */
    public double areaM2(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return 0.0;
        }
        double sum = 0.0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                sum += polygonArea(polygon);
            } else if (part != geometry && part.getNumGeometries() > 0) {
                sum += areaM2(part);
            }
        }
        return sum;
    }

    private double polygonArea(Polygon polygon) {
        if (polygon.isEmpty()) {
            return 0.0;
        }
        double area = ringArea(polygon.getExteriorRing());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            area -= ringArea(polygon.getInteriorRingN(h));
        }
        return area;
    }

    /** Unsigned area of one ring, m². */
    public double ringArea(LinearRing ring) {
        CoordinateSequence seq = ring.getCoordinateSequence();
        if (method == AreaMethod.PLANAR) {
            return Math.abs(Area.ofRingSigned(seq));
        }
        int n = seq.size();
        double[] lat = new double[n];
        double[] lon = new double[n];
        double[] out = new double[2];
        boolean radians = method == AreaMethod.ELLIPSOIDAL_TRAPEZOID;
        for (int i = 0; i < n; i++) {
            double x = seq.getX(i);
            double y = seq.getY(i);
            if (projection != null) {
                projection.inverseRadians(x, y, out);
                lat[i] = radians ? out[0] : out[0] / DEG;
                lon[i] = radians ? out[1] : out[1] / DEG;
            } else {
                lat[i] = radians ? y * DEG : y;
                lon[i] = radians ? x * DEG : x;
            }
        }
        double signed = radians
                ? EllipsoidalTrapezoidArea.CGCS2000.signedRingAreaM2(lat, lon, n)
                : GeodesicArea.CGCS2000.signedRingAreaM2(lat, lon, n);
        return Math.abs(signed);
    }
}
