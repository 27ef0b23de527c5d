package org.gengbao.spatial.io.geopackage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gengbao.spatial.crs.Crs;

/**
 * What a GeoPackage says about its feature tables: {@code gpkg_contents} rows of data type {@code features} joined
 * with {@code gpkg_geometry_columns}, the table's {@code gpkg_spatial_ref_sys} row and its columns.
 */
final class GpkgCatalog {
    /** The tables every GeoPackage has ({@code gpkg_geometry_columns} only once it has a feature table). */
    static final List<String> BASE_TABLES = List.of("gpkg_spatial_ref_sys", "gpkg_contents");

    private static final List<String> FEATURE_TABLES =
            List.of("gpkg_spatial_ref_sys", "gpkg_contents", "gpkg_geometry_columns");

    /** One feature table; {@code primaryKey} is null when the table (or view) has none. */
    record Layer(String table, String geometryColumn, String primaryKey, Optional<Crs> crs, List<GpkgColumn> columns) {}

    private GpkgCatalog() {}

    /** The layer named {@code requested} (case-insensitively), or the only one when {@code requested} is null. */
    static Layer layer(Path file, Connection c, String requested) throws SQLException {
        requireTables(file, c, FEATURE_TABLES);
        List<String[]> layers = new ArrayList<>();
        try (PreparedStatement s =
                        c.prepareStatement("SELECT g.table_name, g.column_name, g.srs_id FROM gpkg_contents c"
                                + " JOIN gpkg_geometry_columns g ON lower(g.table_name) = lower(c.table_name)"
                                + " WHERE c.data_type = 'features' ORDER BY c.table_name");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                layers.add(new String[] {r.getString(1), r.getString(2), String.valueOf(r.getLong(3))});
            }
        }
        List<String> names = layers.stream().map(l -> l[0]).toList();
        if (layers.isEmpty()) {
            throw GpkgErrors.noFeatures(file);
        }
        String[] chosen;
        if (requested == null) {
            if (layers.size() > 1) {
                throw GpkgErrors.severalTables(file, names);
            }
            chosen = layers.get(0);
        } else {
            chosen = layers.stream()
                    .filter(l -> l[0].equalsIgnoreCase(requested.trim()))
                    .findFirst()
                    .orElseThrow(() -> GpkgErrors.tableNotFound(file, requested, names));
        }
        String table = chosen[0];
        String geometryColumn = chosen[1];
        long srsId = Long.parseLong(chosen[2].trim());
        Optional<Crs> crs = crs(file, c, table, srsId);

        String primaryKey = null;
        boolean geometryFound = false;
        List<GpkgColumn> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String name = r.getString(1);
                    seen.add(name.toLowerCase(Locale.ROOT));
                    if (name.equalsIgnoreCase(geometryColumn)) {
                        geometryFound = true;
                    } else if (r.getInt(3) > 0) {
                        primaryKey = primaryKey == null ? name : primaryKey;
                    } else {
                        GpkgColumn col = GpkgColumn.of(name, r.getString(2));
                        if (col.kind() != GpkgColumn.Kind.SKIPPED) {
                            columns.add(col);
                        }
                    }
                }
            }
        }
        if (seen.isEmpty()) {
            throw GpkgErrors.invalid(
                    file,
                    "目录表登记了图层“" + table + "”，但文件中没有这张表",
                    "gpkg_contents lists layer \"" + table + "\", but the file has no such table",
                    null);
        }
        if (!geometryFound) {
            throw GpkgErrors.invalid(
                    file,
                    "图层“" + table + "”缺少登记的几何字段“" + geometryColumn + "”",
                    "layer \"" + table + "\" lacks its registered geometry column \"" + geometryColumn + "\"",
                    null);
        }
        return new Layer(table, geometryColumn, primaryKey, crs, List.copyOf(columns));
    }

    static void requireTables(Path file, Connection c, List<String> required) throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement s =
                        c.prepareStatement("SELECT lower(name) FROM sqlite_master WHERE type IN ('table', 'view')");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                present.add(r.getString(1));
            }
        }
        for (String table : required) {
            if (!present.contains(table)) {
                throw GpkgErrors.invalid(
                        file,
                        "这是 SQLite 数据库，但缺少 GeoPackage 必需的表 " + table,
                        "it is an SQLite database but lacks the GeoPackage table " + table,
                        null);
            }
        }
    }

    private static Optional<Crs> crs(Path file, Connection c, String table, long srsId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT srs_name, organization, organization_coordsys_id,"
                + " definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            s.setLong(1, srsId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw GpkgErrors.invalid(
                            file,
                            "图层“" + table + "”的坐标系编号 srs_id " + srsId + " 未在 gpkg_spatial_ref_sys 中登记",
                            "layer \"" + table + "\" refers to srs_id " + srsId
                                    + ", which gpkg_spatial_ref_sys does not define",
                            null);
                }
                return SrsDefinitions.resolve(
                        table, srsId, r.getString(1), r.getString(2), r.getLong(3), r.getString(4));
            }
        }
    }

    /** {@code true} if {@code c} already has a table, view or index named {@code name} (case-insensitively). */
    static boolean hasObject(Connection c, String name) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT 1 FROM sqlite_master WHERE lower(name) = lower(?) LIMIT 1")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
