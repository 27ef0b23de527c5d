package org.gengbao.spatial.crs;

/**
 * A CGCS2000 Gauss-Krüger (transverse Mercator, scale factor 1, false northing 0) zone in metres.
 *
 * @param zoneNumber the zone number (3-degree: 25–45, 6-degree: 13–23)
 * @param zonePrefixedEasting whether the false easting carries the zone number ({@code zone × 10⁶ + 500 000 m})
 */
public record GaussKrugerCrs(
        int epsg, String name, ZoneWidth width, int zoneNumber, double centralMeridianDeg, boolean zonePrefixedEasting)
        implements Crs {

    /** False easting in metres: 500 000, plus {@code zone × 1 000 000} when the easting is prefixed. */
    public double falseEastingM() {
        return zonePrefixedEasting ? zoneNumber * 1_000_000.0 + 500_000.0 : 500_000.0;
    }

    /** The PROJ string of this zone, on the GRS80 ellipsoid (identical to CGCS2000's a and f). */
    public String proj4() {
        return "+proj=tmerc +lat_0=0 +lon_0=" + (int) centralMeridianDeg + " +k=1 +x_0=" + (long) falseEastingM()
                + " +y_0=0 +ellps=GRS80 +units=m +no_defs";
    }
}
