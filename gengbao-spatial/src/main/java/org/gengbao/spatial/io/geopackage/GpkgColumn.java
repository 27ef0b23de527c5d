package org.gengbao.spatial.io.geopackage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.FieldType;

/**
 * An attribute column of a GeoPackage feature table: how its declared type maps to a {@link FieldDef} and how its values
 * map to {@link org.gengbao.spatial.io.SourceFeature} values.
 *
 * <p>Declared types (GeoPackage 1.x table 1, plus SQLite's affinity rules for other writers):
 *
 * <table>
 *   <caption>Type mapping</caption>
 *   <tr><th>declared</th><th>field</th><th>values</th></tr>
 *   <tr><td>BOOLEAN</td><td>INTEGER, length 1</td><td>Boolean</td></tr>
 *   <tr><td>TINYINT, SMALLINT, MEDIUMINT, INT, INTEGER, anything containing INT</td><td>INTEGER (4/6/8/20)</td>
 *       <td>Long</td></tr>
 *   <tr><td>REAL, DOUBLE, FLOAT, NUMERIC and other numeric</td><td>DECIMAL, length and scale 0 (= not declared)</td>
 *       <td>BigDecimal via {@link BigDecimal#valueOf(double)} (the shortest decimal that is the stored double)</td></tr>
 *   <tr><td>TEXT, TEXT(n), *CHAR*, CLOB</td><td>STRING, length n or 0 (= unbounded)</td><td>String</td></tr>
 *   <tr><td>DATE</td><td>DATE</td><td>LocalDate</td></tr>
 *   <tr><td>DATETIME, TIMESTAMP</td><td>STRING, length 24</td><td>the stored ISO-8601 text, unchanged</td></tr>
 *   <tr><td>BLOB, geometry type names</td><td colspan="2">not an attribute: skipped</td></tr>
 * </table>
 *
 * <p>SQLite does not enforce declared types, so values are converted by what is actually stored: an integer is a Long
 * (a BigDecimal in a REAL column), a real a BigDecimal, text a trimmed String ({@code null} if blank). A DATE column
 * holding an ISO date-time yields its date part; text that is not a date at all is returned as it is, so the importer
 * can report it with the feature.
 */
record GpkgColumn(String name, Kind kind, FieldDef field) {
    enum Kind {
        BOOLEAN,
        INTEGER,
        REAL,
        TEXT,
        DATE,
        DATETIME,
        SKIPPED
    }

    private static final Set<String> GEOMETRY_TYPES = Set.of(
            "GEOMETRY",
            "POINT",
            "LINESTRING",
            "POLYGON",
            "MULTIPOINT",
            "MULTILINESTRING",
            "MULTIPOLYGON",
            "GEOMETRYCOLLECTION",
            "CIRCULARSTRING",
            "COMPOUNDCURVE",
            "CURVEPOLYGON",
            "MULTICURVE",
            "MULTISURFACE",
            "CURVE",
            "SURFACE");
    private static final Pattern LENGTH = Pattern.compile("\\(\\s*(\\d+)");

    /** The column {@code name} declared as {@code declaredType} (may be empty). */
    static GpkgColumn of(String name, String declaredType) {
        String t = declaredType == null ? "" : declaredType.trim().toUpperCase(Locale.ROOT);
        String base = t.replaceAll("\\s*\\(.*", "");
        if (GEOMETRY_TYPES.contains(base) || base.contains("BLOB")) {
            return new GpkgColumn(name, Kind.SKIPPED, null);
        }
        if (base.equals("BOOLEAN")) {
            return new GpkgColumn(name, Kind.BOOLEAN, new FieldDef(name, FieldType.INTEGER, 1, 0));
        }
        if (base.equals("DATE")) {
            return new GpkgColumn(name, Kind.DATE, FieldDef.date(name));
        }
        if (base.equals("DATETIME") || base.startsWith("TIMESTAMP")) {
            return new GpkgColumn(name, Kind.DATETIME, FieldDef.string(name, 24));
        }
        if (base.contains("INT")) {
            int width =
                    switch (base) {
                        case "TINYINT" -> 4;
                        case "SMALLINT" -> 6;
                        case "MEDIUMINT" -> 8;
                        default -> 20;
                    };
            return new GpkgColumn(name, Kind.INTEGER, FieldDef.integer(name, width));
        }
        if (base.isEmpty() || base.contains("CHAR") || base.contains("CLOB") || base.contains("TEXT")) {
            Matcher m = LENGTH.matcher(t);
            int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
            return new GpkgColumn(name, Kind.TEXT, FieldDef.string(name, length));
        }
        return new GpkgColumn(name, Kind.REAL, FieldDef.decimal(name, 0, 0));
    }

    /** The attribute value of a raw JDBC value ({@code Integer}, {@code Long}, {@code Double}, String, byte[], null). */
    Object value(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Integer || raw instanceof Long) {
            long v = ((Number) raw).longValue();
            return switch (kind) {
                case BOOLEAN -> v != 0;
                case REAL -> BigDecimal.valueOf(v);
                default -> v;
            };
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (kind == Kind.BOOLEAN) {
                return d != 0;
            }
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : String.valueOf(d);
        }
        String s = raw instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : raw.toString();
        s = s.trim();
        if (s.isEmpty()) {
            return null;
        }
        if (kind == Kind.DATE) {
            try {
                return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
            } catch (DateTimeParseException e) {
                return s;
            }
        }
        return s;
    }
}
