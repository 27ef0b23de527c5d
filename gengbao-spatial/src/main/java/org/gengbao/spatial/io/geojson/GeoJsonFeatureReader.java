package org.gengbao.spatial.io.geojson;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.geom.GeoJsonGeometryParser;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.FeatureSource;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.FieldType;
import org.gengbao.spatial.io.SourceFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a GeoJSON FeatureCollection feature by feature with Jackson's streaming parser: only one Feature is held in
 * memory at a time, so a collection of hundreds of megabytes reads in constant memory. A single Feature, or a bare
 * geometry, at the top level is read as a collection of one.
 *
 * <p><b>Coordinate system.</b> A top-level legacy {@code crs} member (GeoJSON 2008, written by GDAL for projected data)
 * sets {@link #declaredCrs()}; without it the declared system is empty and coordinates are RFC 7946 longitude/latitude,
 * built with SRID 4490. The member must come before {@code features}, as GDAL writes it: features are streamed as soon
 * as the array starts, so a {@code crs} found after it (naming another system than the one they were read in) ends
 * reading with {@code GEOJSON_CRS_AFTER_FEATURES} instead of passing wrong coordinates on silently. A Feature's own
 * {@code crs} naming another system is {@code GEOJSON_MIXED_CRS}.
 *
 * <p><b>Schema.</b> GeoJSON has none: {@link #fields()} describes the properties of the <em>first</em> feature, with
 * types inferred from its values (string, null or JSON object/array → STRING, integer → INTEGER, other number → DECIMAL
 * with its written scale, boolean → INTEGER of length 1; lengths 0 = unknown). Later features may carry other keys;
 * their attribute maps hold exactly the properties each one has. Values follow {@link GeoJsonObject}; dates stay
 * strings.
 *
 * <p><b>Errors.</b> Invalid JSON is {@code GEOJSON_MALFORMED} with line and column, including a breach of Jackson's
 * default read limits (nesting depth, string and number length); a JSON document that is not a FeatureCollection,
 * Feature or geometry, or a {@code features} element that is not a Feature, is {@code GEOJSON_INVALID}; geometry
 * errors are those of {@link GeoJsonGeometryParser}, naming the feature ({@code features[12].geometry…}). After an
 * error in one feature's content, {@link #next()} may be called again and continues with the following feature (with
 * the right index); after {@code GEOJSON_MALFORMED} the stream is over.
 */
public final class GeoJsonFeatureReader implements FeatureSource {
    private static final Set<String> GEOMETRY_TYPES = Set.of(
            "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection");

    private final JsonParser parser;
    private final GeoJsonObject top = new GeoJsonObject();
    private final Optional<Crs> crs;
    private final GeometryFactory factory;
    private final boolean streaming;
    private final List<FieldDef> fields;
    private SourceFeature pending;
    private long index;
    private boolean done;

    /** Opens a GeoJSON file (UTF-8, with or without BOM). */
    public static GeoJsonFeatureReader open(Path file) throws IOException {
        return open(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Reads GeoJSON from {@code in}, which {@link #close()} closes. */
    public static GeoJsonFeatureReader open(InputStream in) throws IOException {
        JsonParser p;
        try {
            p = GeoJsonGeometryParser.MAPPER.createParser(in);
        } catch (JacksonException e) {
            in.close();
            throw GeoJsonErrors.translate(e);
        }
        try {
            return new GeoJsonFeatureReader(p);
        } catch (JacksonException e) {
            p.close();
            throw GeoJsonErrors.translate(e);
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    private GeoJsonFeatureReader(JsonParser p) {
        this.parser = p;
        JsonToken first = p.nextToken();
        if (first == null) {
            throw GeoJsonErrors.empty();
        }
        if (first != JsonToken.START_OBJECT) {
            throw GeoJsonErrors.invalid(
                    "$",
                    "顶层应为 FeatureCollection、Feature 或几何对象",
                    "the top level must be a FeatureCollection, Feature or geometry object");
        }
        this.streaming = top.readMembers(p, "$", true);
        this.crs = Optional.ofNullable(top.crs).map(GeoJsonFeatureReader::crsOf);
        this.factory = WorkingPrecision.factory(effectiveCrs());
        if (streaming) {
            if (top.type != null && !top.type.equals("FeatureCollection")) {
                throw GeoJsonErrors.invalid(
                        "$.type",
                        "含有 features 数组的对象应为 FeatureCollection，而不是 " + top.type,
                        "an object with a features array must be a FeatureCollection, not " + top.type);
            }
            pending = readNext();
        } else {
            pending = single();
            done = true;
        }
        this.fields = pending == null ? List.of() : inferFields(pending.attributes());
    }

    @Override
    public Optional<Crs> declaredCrs() {
        return crs;
    }

    /** The properties of the first feature with inferred types; see the class description. */
    @Override
    public List<FieldDef> fields() {
        return fields;
    }

    /** Always -1: a GeoJSON stream does not say how many features it holds. */
    @Override
    public long size() {
        return -1;
    }

    @Override
    public SourceFeature next() throws IOException {
        SourceFeature f = pending;
        if (f != null) {
            pending = null;
            return f;
        }
        try {
            return done ? null : readNext();
        } catch (JacksonException e) {
            done = true;
            throw GeoJsonErrors.translate(e);
        }
    }

    @Override
    public void close() throws IOException {
        done = true;
        pending = null;
        try {
            parser.close();
        } catch (JacksonException e) {
            throw GeoJsonErrors.translate(e);
        }
    }

    private SourceFeature single() {
        if ("Feature".equals(top.type)) {
            return feature(top, "$");
        }
        if (top.type != null && GEOMETRY_TYPES.contains(top.type)) {
            Geometry g = GeoJsonGeometryParser.toGeometry(top.bareGeometry(), factory, "$");
            expectEndOfInput();
            return new SourceFeature(index++, g, Map.of());
        }
        if ("FeatureCollection".equals(top.type)) {
            throw GeoJsonErrors.invalid(
                    "$", "FeatureCollection 缺少 features 数组", "the FeatureCollection has no features array");
        }
        throw GeoJsonErrors.invalid(
                "$",
                "不是 FeatureCollection、Feature 或几何对象（type：" + top.type + "）",
                "not a FeatureCollection, Feature or geometry (type: " + top.type + ")");
    }

    private SourceFeature readNext() {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY) {
            finishCollection();
            return null;
        }
        String path = "features[" + index + "]";
        if (t != JsonToken.START_OBJECT) {
            index++;
            throw GeoJsonErrors.invalid(path, "数组元素应为 Feature 对象", "the element is not a Feature object");
        }
        GeoJsonObject member = new GeoJsonObject();
        member.readMembers(parser, path, false);
        return feature(member, path);
    }

    private SourceFeature feature(GeoJsonObject f, String path) {
        long featureIndex = index++;
        if (!"Feature".equals(f.type)) {
            throw GeoJsonErrors.invalid(
                    path,
                    "应为 Feature，而不是 " + (f.type == null ? "缺少 type 的对象" : f.type),
                    "expected a Feature, found " + (f.type == null ? "an object without type" : f.type));
        }
        if (f != top && f.crs != null && !crsOf(f.crs).equals(effectiveCrs())) {
            throw GeoJsonErrors.mixedCrs(path);
        }
        Geometry g =
                f.geometry == null ? null : GeoJsonGeometryParser.toGeometry(f.geometry, factory, path + ".geometry");
        if (f == top) {
            expectEndOfInput();
        }
        return new SourceFeature(featureIndex, g, f.properties);
    }

    /** The rest of the top-level object after the features array, then the end of input. */
    private void finishCollection() {
        done = true;
        top.crs = null;
        top.readMembers(parser, "$", false);
        if (top.crs != null && !crsOf(top.crs).equals(effectiveCrs())) {
            throw GeoJsonErrors.crsAfterFeatures();
        }
        if (top.type != null && !top.type.equals("FeatureCollection")) {
            throw GeoJsonErrors.invalid(
                    "$.type",
                    "含有 features 数组的对象应为 FeatureCollection",
                    "an object with a features array must be a FeatureCollection");
        }
        expectEndOfInput();
    }

    private void expectEndOfInput() {
        if (parser.nextToken() != null) {
            throw GeoJsonErrors.extraContent(parser.currentTokenLocation());
        }
    }

    /** The declared system, or CGCS2000 longitude/latitude for RFC 7946 coordinates. */
    private Crs effectiveCrs() {
        return crs.orElse(CrsRegistry.CGCS2000);
    }

    private static Crs crsOf(JsonNode node) {
        ObjectNode holder = GeoJsonGeometryParser.MAPPER.createObjectNode();
        holder.set("crs", node);
        return GeoJsonGeometryParser.crsOf(holder, CrsRegistry.CGCS2000);
    }

    private static List<FieldDef> inferFields(Map<String, Object> attributes) {
        List<FieldDef> defs = new ArrayList<>();
        attributes.forEach((name, v) -> {
            if (v instanceof Long) {
                defs.add(FieldDef.integer(name, 0));
            } else if (v instanceof BigDecimal d) {
                defs.add(FieldDef.decimal(name, 0, Math.max(0, d.scale())));
            } else if (v instanceof Boolean) {
                defs.add(new FieldDef(name, FieldType.INTEGER, 1, 0));
            } else {
                defs.add(FieldDef.string(name, 0));
            }
        });
        return List.copyOf(defs);
    }
}
