package org.gengbao.spatial.crs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * The transverse Mercator mapping of one CGCS2000 Gauss-Krüger zone, through proj4j. Thread-safe and allocation-light:
 * the hot path of area measurement calls {@link #inverseRadians} once per vertex.
 */
public final class GaussKrugerProjection {
    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Map<Integer, GaussKrugerProjection> CACHE = new ConcurrentHashMap<>();

    private final GaussKrugerCrs crs;
    private final Projection projection;

    private GaussKrugerProjection(GaussKrugerCrs crs) {
        this.crs = crs;
        this.projection = FACTORY.createFromParameters(crs.code(), crs.proj4()).getProjection();
    }

    public static GaussKrugerProjection of(GaussKrugerCrs crs) {
        return CACHE.computeIfAbsent(crs.epsg(), e -> new GaussKrugerProjection(crs));
    }

    public GaussKrugerCrs crs() {
        return crs;
    }

    /**
     * Grid (easting, northing) in metres → geodetic latitude B and longitude L in radians.
     *
     * @param out receives {@code out[0] = B}, {@code out[1] = L}
     */
    public void inverseRadians(double eastingM, double northingM, double[] out) {
        ProjCoordinate src = new ProjCoordinate(eastingM, northingM);
        ProjCoordinate dst = new ProjCoordinate();
        projection.inverseProjectRadians(src, dst);
        out[0] = dst.y;
        out[1] = dst.x;
    }

    /**
     * Grid (easting, northing) in metres → longitude, latitude in degrees.
     *
     * @param out receives {@code out[0] = longitude}, {@code out[1] = latitude}
     */
    public void inverseDegrees(double eastingM, double northingM, double[] out) {
        ProjCoordinate src = new ProjCoordinate(eastingM, northingM);
        ProjCoordinate dst = new ProjCoordinate();
        projection.inverseProject(src, dst);
        out[0] = dst.x;
        out[1] = dst.y;
    }

    /**
     * Longitude, latitude in degrees → grid (easting, northing) in metres.
     *
     * @param out receives {@code out[0] = easting}, {@code out[1] = northing}
     */
    public void forwardDegrees(double lonDeg, double latDeg, double[] out) {
        ProjCoordinate src = new ProjCoordinate(lonDeg, latDeg);
        ProjCoordinate dst = new ProjCoordinate();
        projection.project(src, dst);
        out[0] = dst.x;
        out[1] = dst.y;
    }
}
