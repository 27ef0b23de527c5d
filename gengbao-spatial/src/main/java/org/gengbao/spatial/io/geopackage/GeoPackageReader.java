package org.gengbao.spatial.io.geopackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.FeatureSource;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.SourceFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * Reads one feature table of a GeoPackage (OGC 12-128r, versions 1.0–1.4) through a read-only SQLite connection.
 *
 * <p>Guarantees: rows are streamed from one open query in primary-key order (memory does not grow with the table);
 * {@link #size()} is an exact {@code COUNT(*)}; the primary key is not an attribute; attribute types follow
 * {@link GpkgColumn}; geometries are decoded by {@link GpkgGeometryCodec} into the JTS factory of the declared system
 * (SRID = EPSG code), or a plain factory (SRID 0) when the table's system is undefined (srs_id 0 or -1). The declared
 * system is recognised as described in {@link SrsDefinitions}. Every problem with the file is a
 * {@link org.gengbao.spatial.SpatialInputException}: {@code GPKG_INVALID}, {@code GPKG_NO_FEATURES},
 * {@code GPKG_SEVERAL_TABLES}, {@code GPKG_TABLE_NOT_FOUND}, {@code GPKG_GEOMETRY_INVALID}, {@code CRS_UNSUPPORTED},
 * {@code CRS_UNRECOGNISED}; disk failures are {@link IOException}s. After {@code GPKG_GEOMETRY_INVALID} the next call
 * continues with the following row.
 */
public final class GeoPackageReader implements FeatureSource {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final String table;
    private final Connection connection;
    private final Optional<Crs> crs;
    private final List<GpkgColumn> columns;
    private final List<FieldDef> fields;
    private final long size;
    private final GpkgGeometryCodec codec;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private long index;
    private boolean exhausted;

    /**
     * Opens {@code table} of {@code gpkg}, or its only feature table when {@code table} is {@code null}. Table names
     * match case-insensitively, as in SQLite.
     */
    public static GeoPackageReader open(Path gpkg, String table) throws IOException {
        checkSqliteHeader(gpkg);
        Connection c;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            c = config.createConnection("jdbc:sqlite:" + gpkg.toAbsolutePath());
        } catch (SQLException e) {
            throw sqlFailure(gpkg, e);
        }
        try {
            return new GeoPackageReader(gpkg, table, c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof SQLException s) {
                throw sqlFailure(gpkg, s);
            }
            throw (RuntimeException) e;
        }
    }

    private GeoPackageReader(Path file, String requested, Connection c) throws SQLException {
        this.file = file;
        this.connection = c;
        GpkgCatalog.Layer layer = GpkgCatalog.layer(file, c, requested);
        this.table = layer.table();
        this.crs = layer.crs();
        GeometryFactory factory = crs.map(WorkingPrecision::factory).orElseGet(GeometryFactory::new);
        this.codec = new GpkgGeometryCodec(factory);
        this.columns = layer.columns();
        this.fields = columns.stream().map(GpkgColumn::field).toList();
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + quote(table));
                ResultSet r = count.executeQuery()) {
            this.size = r.next() ? r.getLong(1) : 0;
        }
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(layer.primaryKey() == null ? "NULL" : quote(layer.primaryKey()))
                .append(", ")
                .append(quote(layer.geometryColumn()));
        for (GpkgColumn col : columns) {
            sql.append(", ").append(quote(col.name()));
        }
        sql.append(" FROM ").append(quote(table));
        if (layer.primaryKey() != null) {
            sql.append(" ORDER BY ").append(quote(layer.primaryKey()));
        }
        this.statement = c.prepareStatement(sql.toString());
        this.rows = statement.executeQuery();
    }

    /** The name of the table being read, as spelled in the file. */
    public String table() {
        return table;
    }

    @Override
    public Optional<Crs> declaredCrs() {
        return crs;
    }

    @Override
    public List<FieldDef> fields() {
        return fields;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SourceFeature next() throws IOException {
        if (exhausted) {
            return null;
        }
        try {
            if (!rows.next()) {
                exhausted = true;
                return null;
            }
            long featureIndex = index++;
            Object fid = rows.getObject(1);
            byte[] blob = rows.getBytes(2);
            Geometry geometry = null;
            if (blob != null) {
                try {
                    geometry = codec.decode(blob);
                } catch (IllegalArgumentException e) {
                    throw GpkgErrors.badGeometry(
                            table, featureIndex, fid == null ? featureIndex + 1 : fid, e.getMessage());
                }
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                GpkgColumn col = columns.get(i);
                attributes.put(col.name(), col.value(rows.getObject(i + 3)));
            }
            return new SourceFeature(featureIndex, geometry, Collections.unmodifiableMap(attributes));
        } catch (SQLException e) {
            throw sqlFailure(file, e);
        }
    }

    @Override
    public void close() throws IOException {
        try (connection;
                statement;
                rows) {
            exhausted = true;
        } catch (SQLException e) {
            throw new IOException("Closing GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static void checkSqliteHeader(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE_MAGIC.length);
        }
        if (!Arrays.equals(head, SQLITE_MAGIC)) {
            throw GpkgErrors.invalid(
                    file,
                    "它不是 SQLite 数据库（GeoPackage 是 SQLite 数据库文件）。请确认文件类型或重新导出",
                    "it is not an SQLite database, which every GeoPackage is. Check the file type or export it again",
                    null);
        }
    }

    /**
     * Throws {@code GPKG_INVALID} for what SQLite reports about a damaged or foreign file; returns an
     * {@link IOException} (for the caller to throw) when the disk itself failed.
     */
    static IOException sqlFailure(Path file, SQLException e) {
        if (e instanceof SQLiteException s && s.getResultCode() != null) {
            String name = s.getResultCode().name();
            if (name.startsWith("SQLITE_IOERR")
                    || name.startsWith("SQLITE_CANTOPEN")
                    || name.startsWith("SQLITE_FULL")
                    || name.startsWith("SQLITE_PERM")) {
                return new IOException("Reading GeoPackage " + file + ": " + e.getMessage(), e);
            }
        }
        throw GpkgErrors.invalid(
                file,
                "文件已损坏或不是数据库（" + e.getMessage() + "）",
                "the file is damaged or not a database (" + e.getMessage() + ")",
                e);
    }
}
