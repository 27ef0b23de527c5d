package org.gengbao.postgis;

import org.gengbao.spatial.area.AreaMethod;

/**
 * The SQL of the PostGIS engine. The formulation, chosen after trying the obvious ones:
 *
 * <ul>
 *   <li>candidates through the GiST index ({@code &&}), then {@code ST_Intersects};
 *   <li>containment shortcuts as in the in-memory engine: a feature covered by the patch contributes its stored area
 *       (no overlay), a feature covering the patch contributes the patch; only the rest are intersected;
 *   <li>the covering layers (basic farmland, approvals, supply, facility, temporary) are each unioned once per patch
 *       ({@code ST_Union} aggregate), and the derived regions (approved ∩ supplied, …) are computed from those unions in
 *       the same statement;
 *   <li>areas either in SQL — {@code ST_Area(ST_Transform(g, 4490)::geography)}, GeographicLib's geodesic area on the
 *       CGCS2000 spheroid, with the feature's area precomputed at load — or, for the national ellipsoidal formula that
 *       PostGIS does not have, by returning the regions as WKB and measuring them in Java with the same code as the
 *       in-memory engine.
 * </ul>
 *
 * Three statements per patch: regions, land-use pieces, planning zones.
 */
final class OverlaySql {
    private final String schema;
    private final int srid;
    private final boolean sqlArea;

    OverlaySql(String schema, int srid, AreaMethod method) {
        this.schema = schema;
        this.srid = srid;
        this.sqlArea = method == AreaMethod.GEODESIC;
    }

    private String empty() {
        return "ST_GeomFromText('POLYGON EMPTY', " + srid + ")";
    }

    /** The value returned for a region: its geodesic area, or its WKB for measurement in Java. */
    private String out(String region) {
        return sqlArea ? "ST_Area(ST_Transform(" + region + ", 4490)::geography)" : "ST_AsBinary(" + region + ")";
    }

    private String piece(String stored) {
        return "CASE WHEN ST_CoveredBy(p.g, f.geom) THEN p.g WHEN ST_CoveredBy(f.geom, p.g) THEN f.geom"
                + " ELSE ST_CollectionExtract(ST_Intersection(f.geom, p.g), 3) END";
    }

    private String union(String table, String filter) {
        return "SELECT COALESCE(ST_Union(" + piece("f.geom") + "), " + empty() + ") AS g FROM " + schema + "." + table
                + " f, p WHERE f.version_id = ? AND f.geom && p.g AND ST_Intersects(f.geom, p.g)" + filter;
    }

    private static String diff(String a, String b) {
        return "ST_CollectionExtract(ST_Difference(" + a + ", " + b + "), 3)";
    }

    /**
     * The parts of the cultivated pieces outside {@code b}, each piece differenced on its own and the results collected,
     * not unioned — as the in-memory engine does, so that both engines measure the same polygons (the national area
     * formula is additive only to about 10⁻⁷, see EllipsoidalTrapezoidArea).
     */
    private static String perPiece(String pieces, String b) {
        return "(SELECT ST_Collect(CASE WHEN ST_IsEmpty(" + b + ") THEN d.geom WHEN ST_CoveredBy(d.geom, " + b + ")"
                + " THEN NULL WHEN NOT ST_Intersects(d.geom, " + b + ") THEN d.geom"
                + " ELSE ST_CollectionExtract(ST_Difference(d.geom, " + b + "), 3) END) FROM ST_Dump(" + pieces
                + ") d)";
    }

    private static String inter(String a, String b) {
        return "ST_CollectionExtract(ST_Intersection(" + a + ", " + b + "), 3)";
    }

    private static String uni(String a, String b) {
        return "ST_CollectionExtract(ST_Union(" + a + ", " + b + "), 3)";
    }

    /**
     * Regions. Parameters: patch WKB; jbnt version; dltb version; approval version, date; supply version, date;
     * facility version, date; temporary version, date, date; temporary version, date.
     */
    String regions() {
        return "WITH p AS (SELECT ST_GeomFromWKB(?, " + srid + ") AS g),"
                + " jb AS (" + union("jbnt", "") + "),"
                + " cu AS (SELECT COALESCE(ST_Collect(" + piece("f.geom") + "), " + empty() + ") AS g FROM " + schema
                + ".dltb f, p WHERE f.version_id = ? AND f.geom && p.g AND ST_Intersects(f.geom, p.g)"
                + " AND f.cultivated),"
                + " a AS (" + union("approval", " AND f.valid_from <= ?") + "),"
                + " s AS (" + union("supply", " AND f.valid_from <= ?") + "),"
                + " fa AS (" + union("facility", " AND f.valid_from <= ?") + "),"
                + " t AS (" + union("temporary", " AND f.valid_from <= ? AND f.valid_to >= ?") + "),"
                + " tx AS (" + union("temporary", " AND f.valid_to < ?") + "),"
                + " r AS (SELECT jb.g AS jb, cu.g AS cu, a.g AS a, s.g AS s, fa.g AS fa, t.g AS t, tx.g AS tx,"
                + " " + inter("a.g", "s.g") + " AS a_s,"
                + " " + uni(uni("a.g", "t.g"), "fa.g") + " AS permitted FROM jb, cu, a, s, fa, t, tx),"
                + " r2 AS (SELECT r.*, " + uni("a_s", "t") + " AS legal, " + uni("jb", "permitted")
                + " AS jb_permitted FROM r)"
                + " SELECT " + out("(SELECT g FROM p)") + ", " + out("jb") + ", " + out("a") + ", " + out("s") + ", "
                + out("fa") + ", " + out("t") + ", " + out("a_s") + ", " + out("legal") + ", "
                + out(uni("legal", "fa")) + ", " + out(diff("a", "s")) + ", " + out(perPiece("cu", "a")) + ", "
                + out(diff("jb", "permitted")) + ", " + out(perPiece("cu", "jb_permitted")) + ", "
                + out(diff("tx", "permitted")) + " FROM r2";
    }

    /**
     * Land-use pieces: code, name, KCXS, and the piece's area (SQL) or WKB (Java); a covered feature returns its stored
     * area and no WKB, a covering one the patch's. Parameters: patch WKB, dltb version.
     */
    String landUse() {
        String stored = sqlArea ? "f.area_geodesic" : "f.area_national";
        return "WITH p AS (SELECT ST_GeomFromWKB(?, " + srid + ") AS g)"
                + " SELECT f.dlbm, f.dlmc, f.kcxs, CASE WHEN ST_CoveredBy(f.geom, p.g) THEN " + stored + " END,"
                + " ST_CoveredBy(p.g, f.geom),"
                + " CASE WHEN NOT ST_CoveredBy(f.geom, p.g) AND NOT ST_CoveredBy(p.g, f.geom) THEN "
                + out("ST_CollectionExtract(ST_Intersection(f.geom, p.g), 3)") + " END"
                + " FROM " + schema + ".dltb f, p WHERE f.version_id = ? AND f.geom && p.g"
                + " AND ST_Intersects(f.geom, p.g)";
    }

    /** Planning zones: scheme, code, name and the union of the pieces per code. Parameters: patch WKB, plan version. */
    String planning() {
        return "WITH p AS (SELECT ST_GeomFromWKB(?, " + srid + ") AS g)"
                + " SELECT f.scheme, f.code, min(f.name), " + out("ST_Union(" + piece("f.geom") + ")")
                + " FROM " + schema + ".plan f, p WHERE f.version_id = ? AND f.geom && p.g"
                + " AND ST_Intersects(f.geom, p.g) GROUP BY f.scheme, f.code";
    }
}
