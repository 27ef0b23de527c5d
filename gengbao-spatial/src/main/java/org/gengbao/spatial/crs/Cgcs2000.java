package org.gengbao.spatial.crs;

/** Constants of the CGCS2000 reference ellipsoid (GB/T 2000 national geodetic system). */
public final class Cgcs2000 {
    /** Semi-major axis a, metres. */
    public static final double SEMI_MAJOR_AXIS_M = 6378137.0;
    /** Inverse flattening 1/f. */
    public static final double INVERSE_FLATTENING = 298.257222101;

    public static final double FLATTENING = 1.0 / INVERSE_FLATTENING;
    /** Semi-minor axis b = a(1 − f), metres. */
    public static final double SEMI_MINOR_AXIS_M = SEMI_MAJOR_AXIS_M * (1.0 - FLATTENING);
    /** First eccentricity squared e² = f(2 − f). */
    public static final double ECCENTRICITY_SQUARED = FLATTENING * (2.0 - FLATTENING);

    private Cgcs2000() {}
}
