package org.gengbao.server.patrol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.storage.JsonText;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.geojson.GeoJsonGeometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One layer of an offline package: a table name, its geometry type and columns, and its features in the working system
 * with values already of the column types (String, Long, BigDecimal, LocalDate or null), so that the JSON and the
 * GeoPackage hold the same thing.
 */
record PackageLayer(String name, String geometryType, List<FieldDef> fields, List<PackageLayer.Feature> features) {

    /** A feature: geometry (working system) and values by field name. */
    record Feature(Geometry geometry, Map<String, Object> values) {}

    /** The layer as a GeoJSON FeatureCollection in lon/lat. */
    ObjectNode toGeoJson(Crs crs) {
        ObjectNode fc = JsonText.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        fc.put("name", name);
        ArrayNode list = fc.putArray("features");
        for (Feature f : features) {
            ObjectNode n = list.addObject();
            n.put("type", "Feature");
            ObjectNode props = n.putObject("properties");
            for (FieldDef d : fields) {
                put(props, d.name(), f.values().get(d.name()));
            }
            n.set("geometry", GeoJsonGeometries.lonLat(f.geometry(), crs));
        }
        return fc;
    }

    /** SHA-256 of the canonical content: every feature's values in field order and its WKB, in order. */
    String sha256() {
        ArrayNode rows = JsonText.MAPPER.createArrayNode();
        WKBWriter wkb = new WKBWriter();
        for (Feature f : features) {
            ObjectNode n = rows.addObject();
            for (FieldDef d : fields) {
                put(n, d.name(), f.values().get(d.name()));
            }
            n.put("geom", HexFormat.of().formatHex(wkb.write(f.geometry())));
        }
        return sha256(JsonText.write(rows));
    }

    static void put(ObjectNode n, String name, Object v) {
        if (v == null) {
            n.putNull(name);
        } else if (v instanceof Long l) {
            n.put(name, l);
        } else if (v instanceof BigDecimal d) {
            n.put(name, d);
        } else {
            n.put(name, v.toString());
        }
    }

    /** Values for the columns: the given value coerced to the column's type (null when it cannot be). */
    static Map<String, Object> values(List<FieldDef> fields, Map<String, ?> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDef d : fields) {
            out.put(d.name(), coerce(d, given.get(d.name())));
        }
        return out;
    }

    static Object coerce(FieldDef d, Object v) {
        if (v == null) {
            return null;
        }
        String s = v instanceof BigDecimal b ? b.toPlainString() : v.toString().trim();
        try {
            return switch (d.type()) {
                case STRING -> s;
                case INTEGER -> v instanceof Number n && !(v instanceof BigDecimal) ? n.longValue() : Long.parseLong(s);
                case DECIMAL -> {
                    BigDecimal b = v instanceof Double x ? BigDecimal.valueOf(x) : new BigDecimal(s);
                    yield d.scale() > 0 ? b.setScale(d.scale(), RoundingMode.HALF_EVEN) : b;
                }
                case DATE -> s.isEmpty() ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
