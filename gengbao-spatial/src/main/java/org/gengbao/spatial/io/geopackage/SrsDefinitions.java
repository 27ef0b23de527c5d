package org.gengbao.spatial.io.geopackage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.crs.ZoneWidth;

/**
 * Rows of {@code gpkg_spatial_ref_sys}: the WKT 1 definition written for each supported system, and the recognition of
 * the system a row describes.
 *
 * <p>Written definitions are the OGC WKT 1 that GDAL itself writes for these EPSG codes (same names, parameters, axes
 * and AUTHORITY nodes), so GDAL and QGIS identify them as the EPSG systems. Recognition prefers the row's organization
 * ({@code EPSG} + code); otherwise it accepts a definition whose outermost node carries an EPSG authority/identifier, or
 * whose name is the EPSG or Esri name of a supported CGCS2000 system. Anything else is {@code CRS_UNRECOGNISED}: the
 * importer must not guess a coordinate system.
 */
final class SrsDefinitions {
    private static final String CGCS2000_GEOGCS =
            "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,"
                    + "298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,"
                    + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";
    private static final String WGS84_GEOGCS = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,"
            + "298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
            + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    /** The EPSG authority of the outermost WKT 1 node, or the identifier of the outermost WKT 2 node. */
    private static final Pattern OUTER_EPSG = Pattern.compile(
            "(?:AUTHORITY\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*\\]|ID\\[\\s*\"EPSG\"\\s*,\\s*(\\d+)[^\\[\\]]*\\])"
                    + "\\s*\\]\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern OUTER_NAME =
            Pattern.compile("^\\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\\s*\\[\\s*\"([^\"]*)\"");
    private static final Pattern ESRI_GK = Pattern.compile("cgcs2000_(3_degree_)?gk_(zone_(\\d+)|cm_(\\d+)e)");
    private static final Map<String, Crs> BY_NAME = byName();

    private SrsDefinitions() {}

    /** The WKT 1 definition of {@code crs}, as GDAL writes it. */
    static String wkt(Crs crs) {
        if (crs instanceof GaussKrugerCrs gk) {
            return "PROJCS[\"" + gk.name() + "\"," + CGCS2000_GEOGCS + ",AUTHORITY[\"EPSG\",\"4490\"]],"
                    + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                    + "PARAMETER[\"central_meridian\"," + (long) gk.centralMeridianDeg() + "],"
                    + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\"," + (long) gk.falseEastingM() + "],"
                    + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                    + "AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"" + gk.epsg() + "\"]]";
        }
        if (crs.epsg() == 4326) {
            return WGS84_GEOGCS;
        }
        return CGCS2000_GEOGCS + ",AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"" + crs.epsg()
                + "\"]]";
    }

    /** The EPSG name as GeoPackage {@code srs_name}; EPSG:4326 keeps its own name. */
    static String srsName(Crs crs) {
        return crs.epsg() == 4326 ? "WGS 84 geodetic" : crs.name();
    }

    /**
     * The system of one {@code gpkg_spatial_ref_sys} row; empty for the undefined systems (srs_id 0 and -1, or the
     * definition {@code undefined}).
     */
    static Optional<Crs> resolve(
            String table, long srsId, String srsName, String organization, long orgId, String definition) {
        String org = organization == null ? "" : organization.trim();
        String wkt = definition == null ? "" : definition.trim();
        if (!org.equalsIgnoreCase("EPSG") && (srsId == 0 || srsId == -1 || wkt.equalsIgnoreCase("undefined"))) {
            return Optional.empty();
        }
        if (org.equalsIgnoreCase("EPSG")) {
            return Optional.of(byEpsg(table, orgId, srsName));
        }
        Matcher m = OUTER_EPSG.matcher(wkt);
        if (m.find()) {
            String code = m.group(1) != null ? m.group(1) : m.group(2);
            return Optional.of(byEpsg(table, Long.parseLong(code), srsName));
        }
        Matcher n = OUTER_NAME.matcher(wkt);
        if (n.find()) {
            Crs named = byWktName(n.group(1));
            if (named != null) {
                return Optional.of(named);
            }
        }
        throw new SpatialInputException(
                "CRS_UNRECOGNISED",
                "无法识别 GeoPackage 图层“" + table + "”的坐标系（srs_id " + srsId + "，“" + srsName + "”，组织 " + org
                        + "）。请在 GIS 软件中将其指定为 EPSG 代码（如 EPSG:4527）后重新导出",
                "The coordinate system of GeoPackage layer \"" + table + "\" (srs_id " + srsId + ", \"" + srsName
                        + "\", organization " + org + ") is not recognised. Assign it an EPSG code (e.g. EPSG:4527) in"
                        + " your GIS and export again");
    }

    private static Crs byEpsg(String table, long code, String srsName) {
        try {
            return CrsRegistry.parse("EPSG:" + code);
        } catch (SpatialInputException e) {
            String what = "EPSG:" + code + (srsName == null || srsName.isBlank() ? "" : " (" + srsName + ")");
            throw new SpatialInputException(
                    "CRS_UNSUPPORTED",
                    "GeoPackage 图层“" + table + "”使用坐标系 " + what + "。" + e.messageZh(),
                    "GeoPackage layer \"" + table + "\" uses coordinate system " + what + ". " + e.messageEn(),
                    null,
                    e);
        }
    }

    private static Crs byWktName(String name) {
        String key = normalise(name);
        Crs crs = BY_NAME.get(key);
        if (crs != null) {
            return crs;
        }
        Matcher m = ESRI_GK.matcher(key);
        if (!m.matches()) {
            return null;
        }
        ZoneWidth width = m.group(1) != null ? ZoneWidth.THREE_DEGREE : ZoneWidth.SIX_DEGREE;
        try {
            if (m.group(3) != null) {
                return CrsRegistry.gaussKruger(width, Integer.parseInt(m.group(3)), true);
            }
            int cm = Integer.parseInt(m.group(4));
            int zone = width == ZoneWidth.THREE_DEGREE ? cm / 3 : (cm + 3) / 6;
            return CrsRegistry.gaussKruger(width, zone, false);
        } catch (SpatialInputException e) {
            return null;
        }
    }

    private static Map<String, Crs> byName() {
        Map<String, Crs> m = new HashMap<>();
        for (Crs crs : CrsRegistry.all()) {
            m.put(normalise(crs.name()), crs);
        }
        m.put(normalise("China Geodetic Coordinate System 2000"), CrsRegistry.CGCS2000);
        m.put(normalise("GCS_China_Geodetic_Coordinate_System_2000"), CrsRegistry.CGCS2000);
        m.put(normalise("CGCS2000"), CrsRegistry.CGCS2000);
        m.put(normalise("WGS 84"), CrsRegistry.WGS84);
        m.put(normalise("GCS_WGS_1984"), CrsRegistry.WGS84);
        return Map.copyOf(m);
    }

    /** Lower case, every run of other characters than letters and digits replaced by one underscore. */
    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
