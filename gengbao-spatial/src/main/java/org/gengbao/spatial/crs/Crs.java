package org.gengbao.spatial.crs;

/**
 * A CGCS2000 coordinate reference system: geographic degrees or a Gauss-Krüger zone in metres. Instances come from
 * {@link CrsRegistry}; two instances with the same EPSG code are equal.
 */
public sealed interface Crs permits GeographicCrs, GaussKrugerCrs {

    /** The EPSG code, e.g. 4527. */
    int epsg();

    /** The EPSG name, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 39". */
    String name();

    default boolean isGeographic() {
        return this instanceof GeographicCrs;
    }

    /** "EPSG:4527". */
    default String code() {
        return "EPSG:" + epsg();
    }
}
