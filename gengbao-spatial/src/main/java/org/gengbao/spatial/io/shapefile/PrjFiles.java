package org.gengbao.spatial.io.shapefile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.crs.ZoneWidth;

/**
 * Reads and writes the coordinate-system text of a shapefile (.prj).
 *
 * <p>{@link #recognize} accepts ESRI WKT as ArcGIS and GDAL write it ("CGCS2000_3_Degree_GK_Zone_39", …) and OGC WKT1
 * or WKT2 as GDAL writes it. It decides by content, not by name:
 *
 * <ol>
 *   <li>the datum must be CGCS2000 ("D_China_2000", "China_2000", "CGCS2000", …; an unknown datum name on the CGCS2000
 *       spheroid is accepted too) or WGS 84; Beijing 1954, New Beijing, Xi'an 1980 and every other datum are
 *       {@code CRS_UNSUPPORTED};
 *   <li>an EPSG authority code of the whole system (AUTHORITY or ID) that Gengbao supports is trusted;
 *   <li>geographic: CGCS2000 → EPSG:4490, WGS 84 → EPSG:4326;
 *   <li>projected: Gauss_Kruger or Transverse_Mercator with scale factor 1, latitude of origin 0, false northing 0,
 *       metres, a whole-degree central meridian and a false easting of 500 000 m (unprefixed) or zone × 10⁶ + 500 000
 *       m (prefixed, and then the central meridian must be that zone's). An unprefixed central meridian valid for both
 *       a 3-degree and a 6-degree zone (75°E, 81°E, … 135°E) describes the same mapping under two EPSG codes: the
 *       3-degree code is chosen unless the name says 6-degree ("6_Degree", or "GK_CM"/"Gauss-Kruger CM" without
 *       "3_Degree").
 * </ol>
 *
 * Text that is not WKT of a geographic or projected system is {@code CRS_UNRECOGNISED}.
 */
public final class PrjFiles {
    private static final String GEOGCS_CGCS2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    private static final String GEOGCS_WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
            + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";

    private enum Datum {
        CGCS2000,
        WGS84
    }

    private PrjFiles() {}

    /**
     * The system {@code wkt} describes; empty if the text is blank.
     *
     * @throws SpatialInputException {@code CRS_UNSUPPORTED} or {@code CRS_UNRECOGNISED}
     */
    public static Optional<Crs> recognize(String wkt) {
        return recognize(wkt, null);
    }

    static Optional<Crs> recognize(String wkt, ShapefileErrors.Where where) {
        String t = wkt == null ? "" : wkt.replace("\uFEFF", "").strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String fileZh = where == null ? "该 .prj 文件" : "文件" + where.zh(".prj");
        String fileEn = where == null ? "the .prj file" : where.en(".prj");
        if (t.toUpperCase(Locale.ROOT).matches("EPSG:\\d+")) {
            return Optional.of(CrsRegistry.parse(t));
        }
        Wkt.Node root;
        try {
            root = Wkt.parse(t);
        } catch (IllegalArgumentException e) {
            throw ShapefileErrors.crsUnrecognised(t, fileZh, fileEn);
        }
        if (root.is("COMPD_CS", "COMPOUNDCRS")) {
            root = root.children("PROJCS", "GEOGCS", "PROJCRS", "GEOGCRS", "GEODCRS").stream()
                    .findFirst()
                    .orElseThrow(() -> ShapefileErrors.crsUnrecognised(t, fileZh, fileEn));
        }
        if (root.is("LOCAL_CS", "ENGCRS", "ENGINEERINGCRS")) {
            throw ShapefileErrors.crsUnsupported(
                    "是独立（地方）坐标系“" + root.name() + "”", "is the local system \"" + root.name() + "\"", fileZh, fileEn);
        }
        boolean projected = root.is("PROJCS", "PROJCRS", "PROJECTEDCRS");
        if (!projected && !root.is("GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS")) {
            throw ShapefileErrors.crsUnrecognised(t, fileZh, fileEn);
        }
        Datum datum = datum(root, t, fileZh, fileEn);
        Optional<Crs> byAuthority = authority(root)
                .filter(c -> (c.epsg() == 4326) == (datum == Datum.WGS84))
                .filter(c -> c.isGeographic() != projected);
        if (byAuthority.isPresent()) {
            return byAuthority;
        }
        root.find("PRIMEM").map(p -> p.number(1)).filter(v -> v != 0).ifPresent(v -> {
            throw ShapefileErrors.crsUnsupported(
                    "的本初子午线不是格林尼治", "has a prime meridian other than Greenwich", fileZh, fileEn);
        });
        if (!projected) {
            return Optional.of(datum == Datum.WGS84 ? CrsRegistry.WGS84 : CrsRegistry.CGCS2000);
        }
        if (datum == Datum.WGS84) {
            throw ShapefileErrors.crsUnsupported(
                    "是基于 WGS 84 的投影坐标系“" + root.name() + "”（如 UTM）",
                    "is the WGS 84 projected system \"" + root.name() + "\" (e.g. UTM)",
                    fileZh,
                    fileEn);
        }
        return Optional.of(gaussKruger(root, t, fileZh, fileEn));
    }

    private static Datum datum(Wkt.Node root, String t, String fileZh, String fileEn) {
        Wkt.Node datum = root.find("DATUM", "GEODETICDATUM", "TRF", "ENSEMBLE", "DATUMENSEMBLE")
                .orElseThrow(() -> ShapefileErrors.crsUnrecognised(t, fileZh, fileEn));
        String n = norm(datum.name());
        if (n.contains("china2000")
                || n.contains("cgcs2000")
                || n.contains("chinageodeticcoordinatesystem2000")
                || n.contains("2000国家大地坐标系")
                || n.contains("国家大地坐标系2000")) {
            return Datum.CGCS2000;
        }
        if (n.contains("wgs1984") || n.contains("wgs84") || n.contains("worldgeodeticsystem1984")) {
            return Datum.WGS84;
        }
        String spheroid =
                root.find("SPHEROID", "ELLIPSOID").map(s -> norm(s.name())).orElse("");
        if (spheroid.contains("cgcs2000") && !n.contains("beijing") && !n.contains("xian")) {
            return Datum.CGCS2000;
        }
        String known = n.contains("newbeijing") || n.contains("新北京")
                ? "新北京 54"
                : n.contains("beijing") || n.contains("北京")
                        ? "北京 54"
                        : n.contains("xian") || n.contains("西安") ? "西安 80" : null;
        String knownEn = known == null
                ? null
                : known.replace("新北京 54", "New Beijing")
                        .replace("北京 54", "Beijing 1954")
                        .replace("西安 80", "Xi'an 1980");
        throw ShapefileErrors.crsUnsupported(
                "使用" + (known != null ? known + " 坐标系" : "大地基准“" + datum.name() + "”") + "，不是 2000 国家大地坐标系",
                "uses " + (known != null ? knownEn : "the datum \"" + datum.name() + "\"") + ", not CGCS2000",
                fileZh,
                fileEn);
    }

    private static Optional<Crs> authority(Wkt.Node root) {
        for (Wkt.Node a : root.children("AUTHORITY", "ID")) {
            if (a.name().equalsIgnoreCase("EPSG") && a.values().size() > 1) {
                Object code = a.values().get(1);
                try {
                    int epsg = code instanceof Double d
                            ? d.intValue()
                            : Integer.parseInt(code.toString().strip());
                    return Optional.of(CrsRegistry.byEpsg(epsg));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static GaussKrugerCrs gaussKruger(Wkt.Node root, String t, String fileZh, String fileEn) {
        String method = root.find("PROJECTION", "METHOD").map(Wkt.Node::name).orElse("");
        String m = norm(method);
        if (!m.contains("gausskruger") && !m.contains("transversemercator")) {
            throw ShapefileErrors.crsUnsupported(
                    "使用“" + method + "”投影，不是高斯-克吕格投影",
                    "uses the projection \"" + method + "\", not Gauss-Kruger",
                    fileZh,
                    fileEn);
        }
        Map<String, Double> p = new HashMap<>();
        List<Wkt.Node> params = new ArrayList<>();
        root.findAll(params, "PARAMETER");
        for (Wkt.Node n : params) {
            if (n.number(1) != null) {
                p.put(norm(n.name()), n.number(1));
            }
        }
        Double cm = param(p, "centralmeridian", "longitudeofnaturalorigin", "longitudeofcenter", "longitudeoforigin");
        if (cm == null) {
            throw ShapefileErrors.crsUnrecognised(t, fileZh, fileEn);
        }
        double fe = orElse(param(p, "falseeasting", "eastingatfalseorigin"), 0);
        double fn = orElse(param(p, "falsenorthing", "northingatfalseorigin"), 0);
        double k = orElse(param(p, "scalefactor", "scalefactoratnaturalorigin"), 1);
        double lat0 = orElse(param(p, "latitudeoforigin", "latitudeofnaturalorigin", "latitudeofcenter"), 0);
        double unit = root.child("UNIT")
                .map(u -> u.number(1))
                .map(v -> v == null ? 1.0 : v)
                .orElse(1.0);
        String params0 =
                String.format(Locale.ROOT, "k=%s, lat0=%s, FN=%s, unit=%s m", num(k), num(lat0), num(fn), num(unit));
        if (Math.abs(k - 1) > 1e-9 || Math.abs(lat0) > 1e-9 || Math.abs(fn) > 1e-6 || Math.abs(unit - 1) > 1e-9) {
            throw ShapefileErrors.crsUnsupported(
                    "不是标准的高斯-克吕格分带（" + params0 + "）",
                    "is not a standard Gauss-Kruger zone (" + params0 + ")",
                    fileZh,
                    fileEn);
        }
        int cmDeg = (int) Math.round(cm);
        String where = "中央经线 " + num(cm) + "°、东偏移 " + num(fe) + " 米";
        String whereEn = "central meridian " + num(cm) + "°, false easting " + num(fe) + " m";
        if (Math.abs(cm - cmDeg) > 1e-9) {
            throw nonStandardZone(where, whereEn, fileZh, fileEn);
        }
        if (Math.abs(fe - 500_000) < 1e-3) {
            boolean three = cmDeg % 3 == 0 && cmDeg / 3 >= 25 && cmDeg / 3 <= 45;
            boolean six = (cmDeg + 3) % 6 == 0 && (cmDeg + 3) / 6 >= 13 && (cmDeg + 3) / 6 <= 23;
            if (six && (!three || namesSixDegree(root.name()))) {
                return CrsRegistry.gaussKruger(ZoneWidth.SIX_DEGREE, (cmDeg + 3) / 6, false);
            }
            if (three) {
                return CrsRegistry.gaussKruger(ZoneWidth.THREE_DEGREE, cmDeg / 3, false);
            }
            throw nonStandardZone(where, whereEn, fileZh, fileEn);
        }
        double zoneD = (fe - 500_000) / 1_000_000;
        int zone = (int) Math.round(zoneD);
        if (Math.abs(zoneD - zone) < 1e-9) {
            if (zone >= 25 && zone <= 45 && cmDeg == 3 * zone) {
                return CrsRegistry.gaussKruger(ZoneWidth.THREE_DEGREE, zone, true);
            }
            if (zone >= 13 && zone <= 23 && cmDeg == 6 * zone - 3) {
                return CrsRegistry.gaussKruger(ZoneWidth.SIX_DEGREE, zone, true);
            }
        }
        throw nonStandardZone(where, whereEn, fileZh, fileEn);
    }

    /** Whether a system's name says 6-degree zone: "6_Degree", or "GK_CM"/"Gauss-Kruger CM" without "3_Degree". */
    static boolean namesSixDegree(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
        if (n.contains("6_degree") || n.contains("6度")) {
            return true;
        }
        if (n.contains("3_degree") || n.contains("3度")) {
            return false;
        }
        return n.contains("gk_cm") || n.contains("gauss_kruger_cm");
    }

    /** The ESRI WKT of {@code crs}, byte for byte as GDAL writes it to a .prj. */
    public static String esriWkt(Crs crs) {
        if (crs instanceof GaussKrugerCrs gk) {
            String zone =
                    gk.zonePrefixedEasting() ? "Zone_" + gk.zoneNumber() : "CM_" + (int) gk.centralMeridianDeg() + "E";
            String name = gk.width() == ZoneWidth.THREE_DEGREE ? "CGCS2000_3_Degree_GK_" + zone : "CGCS2000_GK_" + zone;
            return "PROJCS[\"" + name + "\"," + GEOGCS_CGCS2000 + ",PROJECTION[\"Gauss_Kruger\"],"
                    + "PARAMETER[\"False_Easting\"," + num(gk.falseEastingM()) + "],"
                    + "PARAMETER[\"False_Northing\",0.0],"
                    + "PARAMETER[\"Central_Meridian\"," + num(gk.centralMeridianDeg()) + "],"
                    + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        }
        return crs.epsg() == 4326 ? GEOGCS_WGS84 : GEOGCS_CGCS2000;
    }

    private static Double param(Map<String, Double> p, String... names) {
        for (String n : names) {
            if (p.containsKey(n)) {
                return p.get(n);
            }
        }
        return null;
    }

    private static double orElse(Double v, double fallback) {
        return v == null ? fallback : v;
    }

    /** Lower case, letters and digits only: "D_China_2000" → "dchina2000". */
    private static String norm(String s) {
        StringBuilder sb = new StringBuilder();
        s.toLowerCase(Locale.ROOT)
                .codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** "117.0", "39500000.0", "0.9996": whole numbers with one decimal, as ESRI writes them. */
    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? (long) v + ".0"
                : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static SpatialInputException nonStandardZone(String zh, String en, String fileZh, String fileEn) {
        return ShapefileErrors.crsUnsupported(
                "不是 CGCS2000 的标准 3 度或 6 度分带（" + zh + "），可能是任意中央经线的地方投影",
                "is not a standard CGCS2000 3- or 6-degree zone (" + en + "); it may be a local projection with its own"
                        + " central meridian",
                fileZh,
                fileEn);
    }
}
