package org.gengbao.spatial.io.geojson;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gengbao.spatial.geom.GeoJsonGeometryParser;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The members of one GeoJSON object (a Feature, a geometry, or the top level of a FeatureCollection), read from a
 * streaming parser. Only the members Gengbao uses are kept — {@code type}, {@code crs}, {@code geometry} and the
 * members of a bare geometry as small trees, {@code properties} converted value by value — and all others are skipped
 * without building anything. Reading stops at the end of the object, or, when asked, at the start of a
 * {@code features} array so that its elements can be streamed one by one.
 *
 * <p>Property values: JSON strings → {@link String} (trimmed, blank → {@code null}); integers → {@link Long}
 * ({@link BigDecimal} beyond the long range); other numbers → {@link BigDecimal} exactly as written in the file (the
 * parser's decimal text, not a double); {@code true}/{@code false} → {@link Boolean}; {@code null} → {@code null};
 * objects and arrays → their compact JSON text; {@code NaN}/{@code Infinity} literals → their text.
 */
final class GeoJsonObject {
    String type;
    JsonNode crs;
    boolean hasGeometryMember;
    JsonNode geometry;
    Map<String, Object> properties = Map.of();
    private JsonNode coordinates;
    private JsonNode geometries;

    /**
     * Reads members of the object whose {@code START_OBJECT} (or last member) the parser is at.
     *
     * @param stopAtFeatures stop when a {@code features} member holds an array, leaving the parser at its
     *     {@code START_ARRAY}
     * @return {@code true} if it stopped at a features array, {@code false} at the end of the object
     */
    boolean readMembers(JsonParser p, String path, boolean stopAtFeatures) {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw GeoJsonErrors.invalid(path, "type 应为字符串", "type must be a string");
                    }
                    type = p.getString();
                }
                case "crs" -> {
                    JsonNode c = p.readValueAsTree();
                    crs = c == null || c.isNull() ? null : c;
                }
                case "geometry" -> {
                    hasGeometryMember = true;
                    JsonNode g = p.readValueAsTree();
                    geometry = g == null || g.isNull() ? null : g;
                }
                case "properties" -> properties = properties(p, value, path + ".properties");
                case "coordinates" -> coordinates = p.readValueAsTree();
                case "geometries" -> geometries = p.readValueAsTree();
                case "features" -> {
                    if (!stopAtFeatures) {
                        p.skipChildren(); // a foreign member of a Feature
                    } else if (value == JsonToken.START_ARRAY) {
                        return true;
                    } else {
                        throw GeoJsonErrors.invalid(path + ".features", "features 应为数组", "features must be an array");
                    }
                }
                default -> p.skipChildren();
            }
        }
        return false;
    }

    /** The bare geometry object made of the {@code type}, {@code coordinates} and {@code geometries} members. */
    ObjectNode bareGeometry() {
        ObjectNode node = GeoJsonGeometryParser.MAPPER.createObjectNode();
        node.put("type", type);
        if (coordinates != null) {
            node.set("coordinates", coordinates);
        }
        if (geometries != null) {
            node.set("geometries", geometries);
        }
        return node;
    }

    private static Map<String, Object> properties(JsonParser p, JsonToken start, String path) {
        if (start == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (start != JsonToken.START_OBJECT) {
            throw GeoJsonErrors.invalid(path, "properties 应为对象或 null", "properties must be an object or null");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            values.put(name, value(p, p.nextToken()));
        }
        return Collections.unmodifiableMap(values);
    }

    private static Object value(JsonParser p, JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> {
                String s = p.getString().trim();
                yield s.isEmpty() ? null : s;
            }
            case VALUE_NUMBER_INT ->
                p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new BigDecimal(p.getBigIntegerValue())
                        : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.isNaN() ? p.getString() : p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_OBJECT, START_ARRAY -> p.readValueAsTree().toString();
            default -> null;
        };
    }
}
