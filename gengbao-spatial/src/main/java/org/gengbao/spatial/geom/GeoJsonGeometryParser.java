package org.gengbao.spatial.geom;

import java.util.ArrayList;
import java.util.List;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds JTS geometries from GeoJSON geometry objects (RFC 7946). Positions are [x, y] or [x, y, z] (z is ignored);
 * rings must be closed and have at least four positions. A legacy {@code "crs"} member (GeoJSON 2008, still written
 * by GDAL for projected data) is honoured; otherwise coordinates are longitude/latitude (EPSG:4490 — RFC 7946's WGS 84
 * is treated as CGCS2000).
 *
 * <p>Errors are {@link SpatialInputException}s naming the JSON path of the offending part.
 */
public final class GeoJsonGeometryParser {
    /**
     * Reads JSON leniently about NaN/Infinity literals, so that they can be reported as bad coordinates, and writes
     * them back as literals (not as strings), so that a node read and written again (see {@link #text}) still reports
     * them as such.
     */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private GeoJsonGeometryParser() {}

    /** A parsed geometry with the system its coordinates are in. */
    public record Parsed(Geometry geometry, Crs crs) {}

    /**
     * The JSON text of a node read with {@link #MAPPER}, for {@link #parse}; unlike {@code node.toString()} it keeps
     * NaN and Infinity as numbers, so they are reported as {@code NON_FINITE_COORDINATE}.
     */
    public static String text(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** Parses a GeoJSON text holding a geometry or a Feature. */
    public static Parsed parse(String json, Crs defaultCrs) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw malformed(e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new SpatialInputException("GEOJSON_MALFORMED", "GeoJSON 为空", "The GeoJSON is empty");
        }
        if ("Feature".equals(node.path("type").asString(""))) {
            Crs crs = crsOf(node, defaultCrs);
            JsonNode g = node.get("geometry");
            if (g == null || g.isNull()) {
                throw new SpatialInputException("EMPTY_GEOMETRY", "要素没有几何图形", "The Feature has no geometry", null);
            }
            return new Parsed(toGeometry(g, WorkingPrecision.factory(crs), "geometry"), crs);
        }
        Crs crs = crsOf(node, defaultCrs);
        return new Parsed(toGeometry(node, WorkingPrecision.factory(crs), "$"), crs);
    }

    /** {@code GEOJSON_MALFORMED}: the GeoJSON text is not JSON; the message says where and why, for people. */
    public static SpatialInputException malformed(JacksonException e) {
        return malformed(e, "GEOJSON_MALFORMED", "GeoJSON ", "The GeoJSON");
    }

    /**
     * A JSON syntax error as {@code code}, naming the text ({@code whatZh}, {@code whatEn}: "GeoJSON " (a Latin word
     * takes a space before the Chinese) and "The GeoJSON", or "请求正文" and "The request body") with line and column,
     * and the reason without the parser's internals (source descriptions, class names).
     */
    public static SpatialInputException malformed(JacksonException e, String code, String whatZh, String whatEn) {
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        String whereZh = e.getLocation() == null
                ? ""
                : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
        String reasonZh;
        String reasonEn;
        if (e instanceof UnexpectedEndOfInputException) {
            reasonZh = "内容提前结束，有括号或引号没有闭合（内容可能被截断）";
            reasonEn = "it ends too early; a bracket, brace or quote is not closed (the text may be cut off)";
        } else {
            reasonEn = reasonZh = parserReason(e);
        }
        return new SpatialInputException(
                code,
                whatZh + "不是有效的 JSON" + whereZh + "：" + reasonZh,
                whatEn + " is not valid JSON" + where + ": " + reasonEn,
                null,
                e);
    }

    /** The parser's reason without its location suffix ("(start marker at [Source: …])", "at [Source: …]"). */
    private static String parserReason(JacksonException e) {
        String m = String.valueOf(e.getOriginalMessage());
        int cut = m.indexOf("[Source:");
        if (cut >= 0) {
            int open = m.lastIndexOf('(', cut);
            m = m.substring(0, open >= 0 && m.substring(open, cut).startsWith("(start marker") ? open : cut);
            m = m.replaceAll("(\\s+at)?\\s*$", "");
        }
        return m.strip();
    }

    /** The CRS named by a legacy {@code "crs"} member of {@code node}, or {@code fallback}. */
    public static Crs crsOf(JsonNode node, Crs fallback) {
        JsonNode crs = node.get("crs");
        if (crs == null || crs.isNull()) {
            return fallback;
        }
        String name = crs.path("properties").path("name").asString("");
        if (name.isEmpty()) {
            throw new SpatialInputException(
                    "CRS_UNSUPPORTED",
                    "GeoJSON 的 crs 成员缺少 properties.name",
                    "The GeoJSON crs member has no properties.name");
        }
        return CrsRegistry.parse(name);
    }

    /** Builds the geometry of a GeoJSON geometry object; {@code path} names it in error messages. */
    public static Geometry toGeometry(JsonNode node, GeometryFactory factory, String path) {
        if (!node.isObject()) {
            throw structure(path, "应为 GeoJSON 几何对象", "expected a GeoJSON geometry object");
        }
        String type = node.path("type").asString("");
        if (type.equals("GeometryCollection")) {
            JsonNode members = node.get("geometries");
            if (members == null || !members.isArray()) {
                throw structure(path, "缺少 geometries 数组", "missing the geometries array");
            }
            List<Geometry> parts = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                parts.add(toGeometry(members.get(i), factory, path + ".geometries[" + i + "]"));
            }
            return factory.createGeometryCollection(parts.toArray(Geometry[]::new));
        }
        JsonNode coords = node.get("coordinates");
        if (coords == null || !coords.isArray()) {
            if (type.isEmpty()) {
                throw structure(path, "缺少 type 成员", "missing the type member");
            }
            throw structure(path, "缺少 coordinates 数组", "missing the coordinates array");
        }
        String at = path + ".coordinates";
        return switch (type) {
            case "Point" -> coords.isEmpty() ? factory.createPoint() : factory.createPoint(position(coords, at));
            case "MultiPoint" ->
                factory.createMultiPoint(
                        positions(coords, at).stream().map(factory::createPoint).toArray(Point[]::new));
            case "LineString" -> lineString(coords, factory, at);
            case "MultiLineString" -> {
                LineString[] lines = new LineString[coords.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = lineString(coords.get(i), factory, at + "[" + i + "]");
                }
                yield factory.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(coords, factory, at);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[coords.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coords.get(i), factory, at + "[" + i + "]");
                }
                yield factory.createMultiPolygon(polygons);
            }
            default ->
                throw new SpatialInputException(
                        "GEOMETRY_TYPE_UNSUPPORTED",
                        "不支持的 GeoJSON 几何类型“" + type + "”（" + path + "）",
                        "Unsupported GeoJSON geometry type \"" + type + "\" at " + path);
        };
    }

    private static LineString lineString(JsonNode coords, GeometryFactory factory, String at) {
        List<Coordinate> pts = positions(coords, at);
        if (pts.size() == 1) {
            throw structure(at, "线至少需要两个点", "a line needs at least two positions");
        }
        return factory.createLineString(pts.toArray(Coordinate[]::new));
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory, String at) {
        if (!rings.isArray()) {
            throw structure(at, "应为环的数组", "expected an array of rings");
        }
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), factory, at + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory, at + "[" + i + "]");
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode coords, GeometryFactory factory, String at) {
        List<Coordinate> pts = positions(coords, at);
        if (pts.size() < 4) {
            throw new SpatialInputException(
                    "TOO_FEW_POINTS",
                    "环 " + at + " 只有 " + pts.size() + " 个点，闭合的环至少需要 4 个点（首尾相同）",
                    "Ring " + at + " has " + pts.size()
                            + " positions; a closed ring needs at least 4 (the last repeating the first)");
        }
        Coordinate first = pts.get(0);
        Coordinate last = pts.get(pts.size() - 1);
        if (!first.equals2D(last)) {
            throw new SpatialInputException(
                    "UNCLOSED_RING",
                    "环 " + at + " 未闭合：最后一个点 " + fmt(last) + " 与第一个点 " + fmt(first) + " 不同",
                    "Ring " + at + " is not closed: its last position " + fmt(last) + " differs from its first "
                            + fmt(first),
                    new SpatialInputException.Location(last.x, last.y, "input"));
        }
        return factory.createLinearRing(pts.toArray(Coordinate[]::new));
    }

    private static List<Coordinate> positions(JsonNode array, String at) {
        if (!array.isArray()) {
            throw structure(at, "应为坐标数组", "expected an array of positions");
        }
        List<Coordinate> pts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            pts.add(position(array.get(i), at + "[" + i + "]"));
        }
        return pts;
    }

    private static Coordinate position(JsonNode pos, String at) {
        if (!pos.isArray()
                || pos.size() < 2
                || !pos.get(0).isNumber()
                || !pos.get(1).isNumber()) {
            throw structure(at, "坐标应为 [x, y] 数字数组", "a position must be an array of numbers [x, y]");
        }
        double x = pos.get(0).doubleValue();
        double y = pos.get(1).doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new SpatialInputException(
                    "NON_FINITE_COORDINATE",
                    "坐标 " + at + " 不是有限数值（" + x + ", " + y + "）",
                    "Position " + at + " is not a finite number (" + x + ", " + y + ")");
        }
        return new Coordinate(x, y);
    }

    private static String fmt(Coordinate c) {
        return "[" + c.x + ", " + c.y + "]";
    }

    private static SpatialInputException structure(String path, String zh, String en) {
        return new SpatialInputException(
                "GEOJSON_INVALID", "GeoJSON 结构错误（" + path + "）：" + zh, "Invalid GeoJSON at " + path + ": " + en);
    }
}
