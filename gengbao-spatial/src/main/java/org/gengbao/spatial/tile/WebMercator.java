package org.gengbao.spatial.tile;

/**
 * EPSG:3857 "WGS 84 / Pseudo-Mercator", the projection of web map tiles: geodetic longitude and latitude taken as if on
 * a sphere of radius a = 6 378 137 m. CGCS2000 coordinates go in unchanged (they agree with WGS 84 to centimetres — and
 * this is <em>not</em> a way to GCJ-02 or BD-09 base maps, which are shifted by hundreds of metres).
 *
 * <p>The projection is conformal but not equal-area: at latitude φ one ground metre is sec φ projected metres, so
 * sizes measured in tiles are converted to ground metres with {@link #groundMetresPerProjectedMetre}.
 */
public final class WebMercator {
    /** The sphere's radius: the semi-major axis of WGS 84 (and CGCS2000). */
    public static final double RADIUS_M = 6_378_137.0;
    /** Half the width of the square world: π·a = 20 037 508.342789… m. */
    public static final double HALF_WORLD_M = Math.PI * RADIUS_M;
    /** The latitude at which the square world ends: atan(sinh π). */
    public static final double MAX_LATITUDE_DEG = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

    private WebMercator() {}

    /**
     * Longitude, latitude in degrees → x, y in metres; latitudes beyond ±{@link #MAX_LATITUDE_DEG} are clamped.
     *
     * @param out receives {@code out[0] = x}, {@code out[1] = y}
     */
    public static void forward(double lonDeg, double latDeg, double[] out) {
        double lat = Math.max(-MAX_LATITUDE_DEG, Math.min(MAX_LATITUDE_DEG, latDeg));
        out[0] = RADIUS_M * Math.toRadians(lonDeg);
        out[1] = RADIUS_M * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    }

    /**
     * x, y in metres → longitude, latitude in degrees.
     *
     * @param out receives {@code out[0] = longitude}, {@code out[1] = latitude}
     */
    public static void inverse(double xM, double yM, double[] out) {
        out[0] = Math.toDegrees(xM / RADIUS_M);
        out[1] = Math.toDegrees(Math.atan(Math.sinh(yM / RADIUS_M)));
    }

    /** Ground metres per projected metre at latitude φ: cos φ (the inverse of the Mercator scale factor). */
    public static double groundMetresPerProjectedMetre(double latDeg) {
        return Math.cos(Math.toRadians(latDeg));
    }
}
