package org.gengbao.spatial.area;

import org.gengbao.spatial.crs.Cgcs2000;

/** A reference ellipsoid by semi-major axis (metres) and flattening. */
public record Ellipsoid(String name, double semiMajorAxisM, double flattening) {
    public static final Ellipsoid CGCS2000 = new Ellipsoid("CGCS2000", Cgcs2000.SEMI_MAJOR_AXIS_M, Cgcs2000.FLATTENING);
    /** WGS 84, used only to check against published GeographicLib values. */
    public static final Ellipsoid WGS84 = new Ellipsoid("WGS 84", 6378137.0, 1.0 / 298.257223563);

    public double semiMinorAxisM() {
        return semiMajorAxisM * (1.0 - flattening);
    }

    public double eccentricitySquared() {
        return flattening * (2.0 - flattening);
    }
}
