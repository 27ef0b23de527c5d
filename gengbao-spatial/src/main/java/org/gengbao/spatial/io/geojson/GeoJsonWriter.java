package org.gengbao.spatial.io.geojson;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.io.FeatureWriter;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.FieldValues;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a GeoJSON FeatureCollection, one feature at a time, in UTF-8 with non-ASCII characters (Chinese names) written
 * as they are.
 *
 * <p>Guarantees: coordinates are 2-D and rounded (half away from zero) to {@code decimals} places, trailing zeros
 * dropped (9 places of a degree are 0.1 mm; 3 places of a metre are 1 mm); polygon shells are counter-clockwise and
 * holes clockwise (RFC 7946 right-hand rule), reversing rings where needed; properties appear for every field in field
 * order, {@code null} when missing — STRING as strings, INTEGER as numbers (Booleans as {@code true}/{@code false}),
 * DECIMAL as numbers written exactly as the BigDecimal's plain text, DATE as {@code "YYYY-MM-DD"} strings. Values are
 * checked by {@link FieldValues}; a geometry whose SRID names another system, or with a non-finite coordinate, is
 * refused with an {@link IllegalArgumentException} before anything of the feature is written. For a geographic system
 * no {@code crs} member is written (RFC 7946 longitude/latitude); for a projected one the legacy
 * {@code "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::NNNN"}}} member precedes
 * {@code features}, as GDAL writes it. Features are written one per line. {@link #close()} completes the document.
 */
public final class GeoJsonWriter implements FeatureWriter {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();

    private final JsonGenerator out;
    private final Crs crs;
    private final List<FieldDef> fields;
    private final int decimals;
    private boolean closed;

    /** Creates (or replaces) {@code file}; {@code decimals} is 0–15. */
    public static GeoJsonWriter create(Path file, Crs crs, List<FieldDef> fields, int decimals) throws IOException {
        checkDecimals(decimals);
        return create(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), crs, fields, decimals);
    }

    /** Writes to {@code stream}, which {@link #close()} closes. */
    public static GeoJsonWriter create(OutputStream stream, Crs crs, List<FieldDef> fields, int decimals)
            throws IOException {
        try {
            checkDecimals(decimals);
        } catch (IllegalArgumentException e) {
            stream.close();
            throw e;
        }
        try {
            JsonGenerator g = MAPPER.writer().with(new FeaturePerLine()).createGenerator(stream, JsonEncoding.UTF8);
            return new GeoJsonWriter(g, crs, fields, decimals);
        } catch (JacksonException e) {
            stream.close();
            throw io(e);
        }
    }

    private GeoJsonWriter(JsonGenerator out, Crs crs, List<FieldDef> fields, int decimals) {
        this.out = out;
        this.crs = crs;
        this.fields = List.copyOf(fields);
        this.decimals = decimals;
        out.writeStartObject();
        out.writeStringProperty("type", "FeatureCollection");
        if (!crs.isGeographic()) {
            out.writeName("crs");
            out.writeStartObject();
            out.writeStringProperty("type", "name");
            out.writeName("properties");
            out.writeStartObject();
            out.writeStringProperty("name", "urn:ogc:def:crs:EPSG::" + crs.epsg());
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeName("features");
        out.writeStartArray();
    }

    @Override
    public void write(Geometry geometry, Map<String, Object> attributes) throws IOException {
        if (closed) {
            throw new IllegalStateException("The GeoJSON writer is closed");
        }
        Object[] values = FieldValues.inFieldOrder(fields, attributes);
        if (geometry != null && geometry.getSRID() != 0 && geometry.getSRID() != crs.epsg()) {
            throw new IllegalArgumentException(
                    "Geometry SRID " + geometry.getSRID() + " differs from the file's system " + crs.code());
        }
        if (geometry != null) {
            geometry.apply((CoordinateFilter) c -> {
                if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                    throw new IllegalArgumentException("Coordinate (" + c.x + ", " + c.y + ") is not finite");
                }
            });
        }
        try {
            out.writeStartObject();
            out.writeStringProperty("type", "Feature");
            out.writeName("properties");
            out.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                out.writeName(fields.get(i).name());
                value(values[i]);
            }
            out.writeEndObject();
            out.writeName("geometry");
            if (geometry == null) {
                out.writeNull();
            } else {
                geometry(geometry);
            }
            out.writeEndObject();
        } catch (JacksonException e) {
            throw io(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.writeEndArray();
            out.writeEndObject();
            out.writeRaw('\n');
            out.close();
        } catch (JacksonException e) {
            throw io(e);
        }
    }

    private void value(Object v) {
        if (v == null) {
            out.writeNull();
        } else if (v instanceof String s) {
            out.writeString(s);
        } else if (v instanceof Long l) {
            out.writeNumber(l);
        } else if (v instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            out.writeNumber(d.toPlainString());
        } else if (v instanceof LocalDate d) {
            out.writeString(d.toString());
        } else {
            throw new IllegalStateException("Unexpected value " + v.getClass());
        }
    }

    private void geometry(Geometry g) {
        out.writeStartObject();
        if (g instanceof GeometryCollection gc
                && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
            out.writeStringProperty("type", "GeometryCollection");
            out.writeName("geometries");
            out.writeStartArray();
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                geometry(gc.getGeometryN(i));
            }
            out.writeEndArray();
            out.writeEndObject();
            return;
        }
        String type = g instanceof LineString ? "LineString" : g.getGeometryType();
        out.writeStringProperty("type", type);
        out.writeName("coordinates");
        if (g instanceof Point p) {
            if (p.isEmpty()) {
                out.writeStartArray();
                out.writeEndArray();
            } else {
                position(p.getCoordinateSequence(), 0);
            }
        } else if (g instanceof LineString l) {
            sequence(l.getCoordinateSequence(), false);
        } else if (g instanceof Polygon p) {
            polygon(p);
        } else {
            out.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof Point p) {
                    position(p.getCoordinateSequence(), 0);
                } else if (part instanceof LineString l) {
                    sequence(l.getCoordinateSequence(), false);
                } else {
                    polygon((Polygon) part);
                }
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private void polygon(Polygon p) {
        out.writeStartArray();
        if (!p.isEmpty()) {
            ring(p.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(p.getInteriorRingN(i).getCoordinateSequence(), false);
            }
        }
        out.writeEndArray();
    }

    private void ring(CoordinateSequence seq, boolean counterClockwise) {
        boolean reverse = seq.size() >= 4 && Orientation.isCCW(seq) != counterClockwise;
        sequence(seq, reverse);
    }

    private void sequence(CoordinateSequence seq, boolean reverse) {
        out.writeStartArray();
        int n = seq.size();
        for (int i = 0; i < n; i++) {
            position(seq, reverse ? n - 1 - i : i);
        }
        out.writeEndArray();
    }

    private void position(CoordinateSequence seq, int i) {
        out.writeStartArray();
        out.writeNumber(CoordinateText.format(seq.getX(i), decimals));
        out.writeNumber(CoordinateText.format(seq.getY(i), decimals));
        out.writeEndArray();
    }

    /** Compact JSON with one feature per line, so that files diff well and error line numbers mean something. */
    private static final class FeaturePerLine extends MinimalPrettyPrinter {
        @Override
        public void beforeArrayValues(JsonGenerator g) {
            if (inFeatures(g)) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(inFeatures(g) ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) {
            g.writeRaw(inFeatures(g) && values > 0 ? "\n]" : "]");
        }

        private static boolean inFeatures(JsonGenerator g) {
            return g.streamWriteContext().getNestingDepth() == 2;
        }
    }

    private static void checkDecimals(int decimals) {
        if (decimals < 0 || decimals > 15) {
            throw new IllegalArgumentException("decimals must be 0-15, not " + decimals);
        }
    }

    private static IOException io(JacksonException e) {
        return e instanceof JacksonIOException io ? io.getCause() : new IOException(e.getMessage(), e);
    }
}
