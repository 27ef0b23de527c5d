package org.gengbao.spatial.crs;

/**
 * A generous longitude/latitude box around China's territory, including its islands (73°E–136°E, 3°N–54°N). A position
 * outside it is almost always a mistake: swapped axes, projected metres given as degrees, or a foreign dataset.
 */
public final class ChinaExtent {
    public static final double MIN_LON_DEG = 73.0;
    public static final double MAX_LON_DEG = 136.0;
    public static final double MIN_LAT_DEG = 3.0;
    public static final double MAX_LAT_DEG = 54.0;

    private ChinaExtent() {}

    public static boolean contains(double lonDeg, double latDeg) {
        return lonDeg >= MIN_LON_DEG && lonDeg <= MAX_LON_DEG && latDeg >= MIN_LAT_DEG && latDeg <= MAX_LAT_DEG;
    }
}
