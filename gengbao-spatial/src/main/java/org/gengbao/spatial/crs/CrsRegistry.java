package org.gengbao.spatial.crs;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengbao.spatial.SpatialInputException;

/** The coordinate systems Gengbao accepts, by EPSG code (see the package description for the list). */
public final class CrsRegistry {
    public static final GeographicCrs CGCS2000 = new GeographicCrs(4490, "China Geodetic Coordinate System 2000");
    public static final GeographicCrs WGS84 = new GeographicCrs(4326, "WGS 84 (treated as CGCS2000)");

    private static final Map<Integer, Crs> BY_EPSG = build();
    private static final Pattern EPSG_CODE = Pattern.compile(
            "^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/EPSG/[0-9.]+/)?(\\d{4,6})$",
            Pattern.CASE_INSENSITIVE);

    private CrsRegistry() {}

    private static Map<Integer, Crs> build() {
        Map<Integer, Crs> m = new TreeMap<>();
        m.put(4490, CGCS2000);
        m.put(4326, WGS84);
        for (int zone = 25; zone <= 45; zone++) {
            int cm = zone * 3;
            int prefixed = 4513 + zone - 25;
            m.put(
                    prefixed,
                    new GaussKrugerCrs(
                            prefixed,
                            "CGCS2000 / 3-degree Gauss-Kruger zone " + zone,
                            ZoneWidth.THREE_DEGREE,
                            zone,
                            cm,
                            true));
            int plain = 4534 + zone - 25;
            m.put(
                    plain,
                    new GaussKrugerCrs(
                            plain,
                            "CGCS2000 / 3-degree Gauss-Kruger CM " + cm + "E",
                            ZoneWidth.THREE_DEGREE,
                            zone,
                            cm,
                            false));
        }
        for (int zone = 13; zone <= 23; zone++) {
            int cm = zone * 6 - 3;
            int prefixed = 4491 + zone - 13;
            m.put(
                    prefixed,
                    new GaussKrugerCrs(
                            prefixed, "CGCS2000 / Gauss-Kruger zone " + zone, ZoneWidth.SIX_DEGREE, zone, cm, true));
            int plain = 4502 + zone - 13;
            m.put(
                    plain,
                    new GaussKrugerCrs(
                            plain, "CGCS2000 / Gauss-Kruger CM " + cm + "E", ZoneWidth.SIX_DEGREE, zone, cm, false));
        }
        return Map.copyOf(m);
    }

    /** The system with this EPSG code. */
    public static Crs byEpsg(int epsg) {
        Crs crs = BY_EPSG.get(epsg);
        if (crs == null) {
            throw unsupported(String.valueOf(epsg));
        }
        return crs;
    }

    /**
     * Parses "EPSG:4527", "4527", "urn:ogc:def:crs:EPSG::4527", "http://www.opengis.net/def/crs/EPSG/0/4527" or the
     * OGC CRS84 names (→ EPSG:4326).
     */
    public static Crs parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SpatialInputException(
                    "CRS_MISSING",
                    "未指定坐标系，请给出 EPSG 代码（如 EPSG:4490 或 EPSG:4527）",
                    "No coordinate system given; name one by EPSG code (e.g. EPSG:4490 or EPSG:4527)");
        }
        String t = text.trim();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.endsWith("CRS84") || upper.equals("WGS84")) {
            return WGS84;
        }
        if (upper.equals("CGCS2000")) {
            return CGCS2000;
        }
        Matcher m = EPSG_CODE.matcher(t);
        if (!m.matches()) {
            throw unsupported(t);
        }
        return byEpsg(Integer.parseInt(m.group(1)));
    }

    /** The 3-degree zone (with prefixed easting) whose central meridian is nearest to {@code lonDeg}. */
    public static GaussKrugerCrs threeDegreeZoneFor(double lonDeg) {
        int zone = (int) Math.round(lonDeg / 3.0);
        if (zone < 25 || zone > 45) {
            throw new SpatialInputException(
                    "OUTSIDE_CHINA",
                    "经度 " + lonDeg + " 不在中国的高斯-克吕格 3 度带范围内",
                    "Longitude " + lonDeg + " is outside China's 3-degree Gauss-Kruger zones");
        }
        return (GaussKrugerCrs) byEpsg(4513 + zone - 25);
    }

    /** The Gauss-Krüger system of a zone, with or without the zone prefix in the easting. */
    public static GaussKrugerCrs gaussKruger(ZoneWidth width, int zone, boolean prefixed) {
        int epsg = width == ZoneWidth.THREE_DEGREE
                ? (prefixed ? 4513 : 4534) + zone - 25
                : (prefixed ? 4491 : 4502) + zone - 13;
        if (BY_EPSG.get(epsg) instanceof GaussKrugerCrs gk && gk.width() == width && gk.zoneNumber() == zone) {
            return gk;
        }
        throw new SpatialInputException(
                "CRS_UNSUPPORTED",
                "没有第 " + zone + " 带的 " + width.degrees() + " 度带坐标系",
                "There is no " + width.degrees() + "-degree Gauss-Kruger zone " + zone);
    }

    /** All supported systems, ordered by EPSG code. */
    public static Iterable<Crs> all() {
        return new TreeMap<>(BY_EPSG).values();
    }

    private static SpatialInputException unsupported(String given) {
        return new SpatialInputException(
                "CRS_UNSUPPORTED",
                "不支持的坐标系 " + given + "：仅支持 2000 国家大地坐标系（EPSG:4490、4326 及高斯-克吕格投影 EPSG:4491–4554）；"
                        + "北京 54、西安 80 及火星坐标（GCJ-02/BD-09）须先转换",
                "Unsupported coordinate system " + given + ": only CGCS2000 is accepted (EPSG:4490, 4326 and the"
                        + " Gauss-Kruger zones EPSG:4491-4554); convert Beijing 1954, Xian 1980 and shifted map"
                        + " coordinates (GCJ-02/BD-09) first");
    }
}
