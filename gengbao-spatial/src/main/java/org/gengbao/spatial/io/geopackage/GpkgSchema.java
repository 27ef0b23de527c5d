package org.gengbao.spatial.io.geopackage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageException;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.sf.GeometryType;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.io.FieldDef;
import org.locationtech.jts.geom.Envelope;

/**
 * The GeoPackage bookkeeping of {@link GeoPackageWriter}, done with NGA's GeoPackage library: creating the file (base
 * tables, default systems, application_id {@code GPKG}, user_version 1.3) or opening an existing one, registering the
 * system, creating the feature table with its {@code gpkg_contents} and {@code gpkg_geometry_columns} rows, and the
 * {@code gpkg_rtree_index} extension (virtual table now, maintenance triggers after the bulk load).
 */
final class GpkgSchema {
    static final String GEOMETRY_COLUMN = "geom";
    static final String ID_COLUMN = "fid";
    /** GeoPackage 1.3.0, as {@code PRAGMA user_version}. */
    static final int USER_VERSION = 10300;

    final GeoPackage geoPackage;
    final FeatureTable table;
    final long srsId;

    private GpkgSchema(GeoPackage geoPackage, FeatureTable table, long srsId) {
        this.geoPackage = geoPackage;
        this.table = table;
        this.srsId = srsId;
    }

    static GpkgSchema create(Path file, String table, Crs crs, String geometryType, List<FieldDef> fields)
            throws IOException {
        GeoPackage gp = open(file);
        try {
            Connection c = gp.getConnection().getConnection();
            GpkgCatalog.requireTables(file, c, GpkgCatalog.BASE_TABLES);
            if (GpkgCatalog.hasObject(c, table)) {
                throw GpkgErrors.tableExists(file, table);
            }
            long srsId = registerSrs(gp, crs);
            GeometryColumns gc = new GeometryColumns();
            gc.setTableName(table);
            gc.setColumnName(GEOMETRY_COLUMN);
            gc.setGeometryType(GeometryType.fromName(geometryType));
            gc.setSrs(gp.getSpatialReferenceSystemDao().queryForId(srsId));
            gc.setZ((byte) 0);
            gc.setM((byte) 0);
            List<FeatureColumn> columns = new ArrayList<>();
            for (FieldDef f : fields) {
                columns.add(column(f));
            }
            FeatureTable ft = gp.createFeatureTable(FeatureTableMetadata.create(gc, ID_COLUMN, columns));
            RTreeIndexExtension rtree = new RTreeIndexExtension(gp);
            rtree.getOrCreate(ft);
            rtree.createRTreeIndex(ft);
            return new GpkgSchema(gp, ft, srsId);
        } catch (SQLException | GeoPackageException e) {
            gp.close();
            throw new IOException("Cannot create layer \"" + table + "\" in " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            gp.close();
            throw e;
        }
    }

    /** The name of the R-tree virtual table of the layer. */
    String rtreeTable() {
        return "rtree_" + table.getTableName() + "_" + GEOMETRY_COLUMN;
    }

    /** Adds the R-tree triggers and records the layer's extent (or none) and change time in gpkg_contents. */
    @SuppressWarnings("deprecation") // update1 and update3 are deprecated by GeoPackage 1.4, chosen on purpose
    void finish(Envelope extent) throws SQLException {
        // The triggers of GeoPackage 1.3 (insert, update1-4, delete), matching the declared version; 1.4 replaced
        // update1 by update5-7, which GDAL before 3.7 and its validate_gpkg.py do not know.
        RTreeIndexExtension rtree = new RTreeIndexExtension(geoPackage);
        String t = table.getTableName();
        rtree.createInsertTrigger(t, GEOMETRY_COLUMN, ID_COLUMN);
        rtree.createUpdate1Trigger(t, GEOMETRY_COLUMN, ID_COLUMN);
        rtree.createUpdate2Trigger(t, GEOMETRY_COLUMN, ID_COLUMN);
        rtree.createUpdate3Trigger(t, GEOMETRY_COLUMN, ID_COLUMN);
        rtree.createUpdate4Trigger(t, GEOMETRY_COLUMN, ID_COLUMN);
        rtree.createDeleteTrigger(t, GEOMETRY_COLUMN, ID_COLUMN);
        Connection c = geoPackage.getConnection().getConnection();
        try (PreparedStatement s = c.prepareStatement("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?,"
                + " max_y = ?, last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?")) {
            Double[] box = extent.isNull()
                    ? new Double[4]
                    : new Double[] {extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()};
            for (int i = 0; i < 4; i++) {
                s.setObject(i + 1, box[i]);
            }
            s.setString(5, table.getTableName());
            s.executeUpdate();
        }
    }

    private static GeoPackage open(Path file) throws IOException {
        try {
            boolean created = false;
            if (Files.exists(file) && Files.size(file) > 0) {
                GeoPackageReader.checkSqliteHeader(file);
            } else {
                Files.deleteIfExists(file);
                GeoPackageManager.create(file.toFile(), false);
                created = true;
            }
            GeoPackage gp = GeoPackageManager.open(true, file.toFile(), false);
            if (created) {
                // NGA stamps 1.4 (10400), which GDAL before 3.7 (Debian 12, many QGIS installs) warns about on every
                // open. Nothing written here needs 1.4; the R-tree triggers are 1.3's (see finish).
                gp.execSQL("PRAGMA user_version = " + USER_VERSION);
            }
            return gp;
        } catch (GeoPackageException e) {
            throw new IOException("Cannot open GeoPackage " + file + " for writing: " + e.getMessage(), e);
        }
    }

    /** The srs_id of {@code crs}: the existing EPSG row, else a new row with srs_id = EPSG code (or a free id). */
    private static long registerSrs(GeoPackage gp, Crs crs) throws SQLException {
        SpatialReferenceSystemDao dao = gp.getSpatialReferenceSystemDao();
        SpatialReferenceSystem existing = dao.queryForOrganizationCoordsysId("EPSG", crs.epsg());
        if (existing != null) {
            return existing.getSrsId();
        }
        long id = crs.epsg();
        while (dao.queryForId(id) != null) {
            id = Math.max(id + 1, 100_000);
        }
        SpatialReferenceSystem srs = new SpatialReferenceSystem();
        srs.setSrsName(SrsDefinitions.srsName(crs));
        srs.setSrsId(id);
        srs.setOrganization("EPSG");
        srs.setOrganizationCoordsysId(crs.epsg());
        srs.setDefinition(SrsDefinitions.wkt(crs));
        srs.setDescription(crs.name());
        dao.create(srs);
        return id;
    }

    private static FeatureColumn column(FieldDef f) {
        return switch (f.type()) {
            case STRING ->
                f.length() > 0
                        ? FeatureColumn.createColumn(f.name(), GeoPackageDataType.TEXT, (long) f.length())
                        : FeatureColumn.createColumn(f.name(), GeoPackageDataType.TEXT);
            case INTEGER -> FeatureColumn.createColumn(f.name(), GeoPackageDataType.INTEGER);
            case DECIMAL -> FeatureColumn.createColumn(f.name(), GeoPackageDataType.REAL);
            case DATE -> FeatureColumn.createColumn(f.name(), GeoPackageDataType.DATE);
        };
    }
}
