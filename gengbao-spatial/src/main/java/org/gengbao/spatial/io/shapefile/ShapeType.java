package org.gengbao.spatial.io.shapefile;

/**
 * The shape types {@link ShapefileWriter} writes (ESRI Shapefile Technical Description, 1998). The reader also accepts
 * the Z and M variants of each and the null shape; it drops Z and M values.
 */
public enum ShapeType {
    /** One point per record (ESRI type 1). */
    POINT(1),
    /** Lines, one or several parts per record (ESRI type 3). */
    POLYLINE(3),
    /** Polygons and multipolygons (ESRI type 5). */
    POLYGON(5),
    /** Several points per record (ESRI type 8). */
    MULTIPOINT(8);

    private final int code;

    ShapeType(int code) {
        this.code = code;
    }

    /** The ESRI shape type number written to the file. */
    public int code() {
        return code;
    }
}
