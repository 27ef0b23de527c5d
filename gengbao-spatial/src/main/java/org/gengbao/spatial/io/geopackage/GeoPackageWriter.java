package org.gengbao.spatial.io.geopackage;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.FeatureWriter;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.FieldValues;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes one feature table into a new or existing GeoPackage, so one file can hold several layers.
 *
 * <p>Guarantees: the table has an integer primary key {@code fid} (1, 2, … in write order), a geometry column
 * {@code geom} of the declared type in the given system (registered in {@code gpkg_spatial_ref_sys} with the WKT GDAL
 * writes, see {@link SrsDefinitions}), and one column per field: STRING as {@code TEXT(length)} (plain {@code TEXT}
 * when the length is 0; the length is declared, not enforced), INTEGER as {@code INTEGER}, DECIMAL as {@code REAL} (a
 * double: the field's scale is not kept), DATE as {@code DATE} holding {@code YYYY-MM-DD} text. Values are checked by
 * {@link FieldValues}; a Boolean in an INTEGER field is stored as 1/0. Geometries must match the declared type
 * (POLYGON, MULTIPOLYGON, POINT, LINESTRING, MULTIPOINT, MULTILINESTRING, GEOMETRYCOLLECTION or GEOMETRY); a single
 * polygon/line/point is promoted to a one-part multi-geometry for a multi type, and a geometry whose SRID names
 * another system is refused. Rows go in with batched inserts committed every {@value #COMMIT_EVERY} features; the
 * R-tree is filled alongside and its triggers are created on {@link #close()}, which also records the extent in
 * {@code gpkg_contents}. If writing fails, the file is incomplete and should be deleted.
 */
public final class GeoPackageWriter implements FeatureWriter {
    static final int COMMIT_EVERY = 10_000;
    private static final Set<String> TYPES = Set.of(
            "GEOMETRY",
            "POINT",
            "LINESTRING",
            "POLYGON",
            "MULTIPOINT",
            "MULTILINESTRING",
            "MULTIPOLYGON",
            "GEOMETRYCOLLECTION");

    private final Path file;
    private final GpkgSchema schema;
    private final Crs crs;
    private final String geometryType;
    private final List<FieldDef> fields;
    private final GpkgGeometryCodec codec;
    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement rtreeInsert;
    private final Envelope extent = new Envelope();
    private long count;
    private int pending;
    private boolean closed;

    /**
     * Creates {@code table} in {@code gpkg}, creating the file if it does not exist.
     *
     * @param geometryType one of the types listed in the class description (case-insensitive)
     * @throws org.gengbao.spatial.SpatialInputException {@code GPKG_INVALID} if the existing file is not a GeoPackage,
     *     {@code GPKG_TABLE_EXISTS} if it already has a table of that name
     */
    public static GeoPackageWriter create(Path gpkg, String table, Crs crs, String geometryType, List<FieldDef> fields)
            throws IOException {
        String type = geometryType == null ? "GEOMETRY" : geometryType.trim().toUpperCase(Locale.ROOT);
        checkArguments(table, type, fields);
        GpkgSchema schema = GpkgSchema.create(gpkg, table, crs, type, fields);
        try {
            return new GeoPackageWriter(gpkg, schema, crs, type, List.copyOf(fields));
        } catch (SQLException e) {
            schema.geoPackage.close();
            throw new IOException("Cannot prepare writing to " + gpkg + ": " + e.getMessage(), e);
        }
    }

    private GeoPackageWriter(Path file, GpkgSchema schema, Crs crs, String geometryType, List<FieldDef> fields)
            throws SQLException {
        this.file = file;
        this.schema = schema;
        this.crs = crs;
        this.geometryType = geometryType;
        this.fields = fields;
        this.codec = new GpkgGeometryCodec(WorkingPrecision.factory(crs));
        this.connection = schema.geoPackage.getConnection().getConnection();
        StringBuilder sql = new StringBuilder("INSERT INTO ")
                .append(GeoPackageReader.quote(schema.table.getTableName()))
                .append(" (")
                .append(GeoPackageReader.quote(GpkgSchema.ID_COLUMN))
                .append(", ")
                .append(GeoPackageReader.quote(GpkgSchema.GEOMETRY_COLUMN));
        for (FieldDef f : fields) {
            sql.append(", ").append(GeoPackageReader.quote(f.name()));
        }
        sql.append(") VALUES (?, ?").append(", ?".repeat(fields.size())).append(")");
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(sql.toString());
        this.rtreeInsert = connection.prepareStatement("INSERT INTO " + GeoPackageReader.quote(schema.rtreeTable())
                + " (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)");
    }

    @Override
    public void write(Geometry geometry, Map<String, Object> attributes) throws IOException {
        if (closed) {
            throw new IllegalStateException("The GeoPackage writer is closed");
        }
        Object[] values = FieldValues.inFieldOrder(fields, attributes);
        Geometry g = conform(geometry);
        long fid = ++count;
        try {
            insert.setLong(1, fid);
            if (g == null) {
                insert.setNull(2, Types.BLOB);
            } else {
                insert.setBytes(2, codec.encode(g, (int) schema.srsId));
                if (!g.isEmpty()) {
                    Envelope e = g.getEnvelopeInternal();
                    extent.expandToInclude(e);
                    rtreeInsert.setLong(1, fid);
                    rtreeInsert.setDouble(2, e.getMinX());
                    rtreeInsert.setDouble(3, e.getMaxX());
                    rtreeInsert.setDouble(4, e.getMinY());
                    rtreeInsert.setDouble(5, e.getMaxY());
                    rtreeInsert.addBatch();
                }
            }
            for (int i = 0; i < values.length; i++) {
                bind(i + 3, values[i]);
            }
            insert.addBatch();
            if (++pending >= COMMIT_EVERY) {
                flush();
            }
        } catch (SQLException e) {
            throw new IOException("Writing feature " + fid + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The number of features written so far. */
    public long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (insert;
                rtreeInsert) {
            flush();
            connection.setAutoCommit(true);
            schema.finish(extent);
        } catch (SQLException e) {
            throw new IOException("Finishing " + file + ": " + e.getMessage(), e);
        } finally {
            schema.geoPackage.close();
        }
    }

    private void flush() throws SQLException {
        insert.executeBatch();
        rtreeInsert.executeBatch();
        connection.commit();
        pending = 0;
    }

    private void bind(int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            insert.setString(index, s);
        } else if (value instanceof Long l) {
            insert.setLong(index, l);
        } else if (value instanceof Boolean b) {
            insert.setLong(index, b ? 1 : 0);
        } else if (value instanceof BigDecimal d) {
            insert.setDouble(index, d.doubleValue());
        } else if (value instanceof LocalDate d) {
            insert.setString(index, d.toString());
        } else {
            throw new IllegalStateException("Unexpected value " + value.getClass());
        }
    }

    private Geometry conform(Geometry g) {
        if (g == null) {
            return null;
        }
        if (g.getSRID() != 0 && g.getSRID() != crs.epsg()) {
            throw new IllegalArgumentException(
                    "Geometry SRID " + g.getSRID() + " differs from the layer's system " + crs.code());
        }
        boolean ok =
                switch (geometryType) {
                    case "POINT" -> g instanceof Point;
                    case "LINESTRING" -> g instanceof LineString;
                    case "POLYGON" -> g instanceof Polygon;
                    case "MULTIPOINT" -> g instanceof MultiPoint || g instanceof Point;
                    case "MULTILINESTRING" -> g instanceof MultiLineString || g instanceof LineString;
                    case "MULTIPOLYGON" -> g instanceof MultiPolygon || g instanceof Polygon;
                    case "GEOMETRYCOLLECTION" -> g instanceof GeometryCollection;
                    default -> true;
                };
        if (!ok) {
            throw new IllegalArgumentException(
                    "A " + g.getGeometryType() + " cannot be written to a " + geometryType + " layer");
        }
        var f = g.getFactory();
        if (g instanceof Point p && geometryType.equals("MULTIPOINT")) {
            return f.createMultiPoint(new Point[] {p});
        }
        if (g instanceof LineString l && geometryType.equals("MULTILINESTRING")) {
            return f.createMultiLineString(new LineString[] {l});
        }
        if (g instanceof Polygon p && geometryType.equals("MULTIPOLYGON")) {
            return f.createMultiPolygon(new Polygon[] {p});
        }
        return g;
    }

    private static void checkArguments(String table, String type, List<FieldDef> fields) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("A GeoPackage table name is required");
        }
        String lower = table.toLowerCase(Locale.ROOT);
        if (lower.startsWith("gpkg_") || lower.startsWith("rtree_") || lower.startsWith("sqlite_")) {
            throw new IllegalArgumentException("Table names starting with gpkg_, rtree_ or sqlite_ are reserved");
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Unsupported geometry type " + type + "; use one of " + TYPES);
        }
        Set<String> names = new HashSet<>(Set.of(GpkgSchema.ID_COLUMN, GpkgSchema.GEOMETRY_COLUMN));
        for (FieldDef f : fields) {
            if (f.name() == null || f.name().isBlank() || !names.add(f.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Field name \"" + f.name()
                        + "\" is blank, repeated (names are case-insensitive) or reserved (fid, geom)");
            }
        }
    }
}
