package org.gengbao.server.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The bounding-box condition of map reads, the same SQL for both databases: {@code column && ST_MakeEnvelope(…)} is
 * answered from the spatial index by PostGIS (GiST) and by H2 (its spatial index serves {@code &&}, while {@code
 * ST_Intersects} alone makes it scan).
 */
public final class Boxes {
    private Boxes() {}

    /** "{@code column} meets the box": uses the named parameters of {@link #params}. */
    public static String meets(String column) {
        return column + " && ST_MakeEnvelope(:x0, :y0, :x1, :y1, :srid)";
    }

    /** The named parameters of {@link #meets}: the box's corners and the SRID of the column. */
    public static Map<String, Object> params(Envelope box, int srid) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("x0", box.getMinX());
        p.put("y0", box.getMinY());
        p.put("x1", box.getMaxX());
        p.put("y1", box.getMaxY());
        p.put("srid", srid);
        return p;
    }
}
