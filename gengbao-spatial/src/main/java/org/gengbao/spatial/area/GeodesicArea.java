package org.gengbao.spatial.area;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;

/**
 * GeographicLib's area of a polygon whose edges are geodesics on the ellipsoid (Karney 2013), the same algorithm as
 * PostGIS {@code ST_Area(geography)}. The cross-check of {@link EllipsoidalTrapezoidArea}.
 */
public final class GeodesicArea {
    public static final GeodesicArea CGCS2000 = new GeodesicArea(Ellipsoid.CGCS2000);

    private final Geodesic geodesic;

    public GeodesicArea(Ellipsoid ellipsoid) {
        this.geodesic = new Geodesic(ellipsoid.semiMajorAxisM(), ellipsoid.flattening());
    }

    /** The signed area (m²) of a ring given in degrees; positive when counter-clockwise. Closing vertex optional. */
    public double signedRingAreaM2(double[] latDeg, double[] lonDeg, int count) {
        int n = count;
        if (n > 1 && latDeg[0] == latDeg[n - 1] && lonDeg[0] == lonDeg[n - 1]) {
            n--;
        }
        if (n < 3) {
            return 0.0;
        }
        PolygonArea polygon = new PolygonArea(geodesic, false);
        for (int i = 0; i < n; i++) {
            polygon.AddPoint(latDeg[i], lonDeg[i]);
        }
        PolygonResult result = polygon.Compute(false, true);
        return result.area;
    }
}
