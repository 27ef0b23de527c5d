package org.gengbao.spatial.crs;

/**
 * Longitude/latitude in degrees on the CGCS2000 ellipsoid. EPSG:4326 (WGS 84) is accepted as an alias: phone GPS
 * positions are WGS 84, which equals CGCS2000 to centimetres.
 */
public record GeographicCrs(int epsg, String name) implements Crs {}
