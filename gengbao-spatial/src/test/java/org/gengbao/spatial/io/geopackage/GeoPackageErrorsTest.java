package org.gengbao.spatial.io.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gengbao.spatial.io.SampleFeatures.FIELDS;
import static org.gengbao.spatial.io.SampleFeatures.GK39;
import static org.gengbao.spatial.io.SampleFeatures.POLYGON_WITH_HOLE_GK;
import static org.gengbao.spatial.io.SampleFeatures.geometry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.io.Gdal;
import org.gengbao.spatial.io.SampleFeatures;
import org.gengbao.spatial.io.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoPackageErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotSqliteIsNotAGeoPackage() throws IOException {
        Path file = dir.resolve("parcels.gpkg");
        Files.writeString(file, "PK\u0003\u0004 this is a zip, not a GeoPackage");
        assertThatThrownBy(() -> GeoPackageReader.open(file, null))
                .isInstanceOfSatisfying(SpatialInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("GPKG_INVALID");
                    assertThat(e.messageZh()).contains("parcels.gpkg", "不是有效的 GeoPackage");
                    assertThat(e.getMessage()).contains("not an SQLite database");
                });
        Path empty = Files.createFile(dir.resolve("empty.gpkg"));
        assertThatThrownBy(() -> GeoPackageReader.open(empty, null))
                .isInstanceOfSatisfying(
                        SpatialInputException.class, e -> assertThat(e.code()).isEqualTo("GPKG_INVALID"));
        // writing into it is refused the same way, and leaves it alone
        assertThatThrownBy(() -> GeoPackageWriter.create(file, "DLTB", GK39, "POLYGON", FIELDS))
                .isInstanceOfSatisfying(
                        SpatialInputException.class, e -> assertThat(e.code()).isEqualTo("GPKG_INVALID"));
        assertThat(Files.readString(file)).startsWith("PK");
    }

    @Test
    void anSqliteDatabaseWithoutGeoPackageTablesIsNotAGeoPackage() throws SQLException {
        Path file = dir.resolve("plain.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parcels (id INTEGER PRIMARY KEY, name TEXT)");
        }
        assertThatThrownBy(() -> GeoPackageReader.open(file, null))
                .isInstanceOfSatisfying(SpatialInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("GPKG_INVALID");
                    assertThat(e.getMessage()).contains("gpkg_spatial_ref_sys");
                });
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> GeoPackageReader.open(dir.resolve("nowhere.gpkg"), null))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aGeoPackageWithOnlyAnAttributeTableHasNoFeatures() throws IOException {
        Path csv = Files.writeString(dir.resolve("attr.csv"), "DLMC,TBBH\n旱地,1\n");
        Path file = dir.resolve("attr.gpkg");
        Gdal.ogr2ogr("-f", "GPKG", file, csv).ok();
        assertThatThrownBy(() -> GeoPackageReader.open(file, null))
                .isInstanceOfSatisfying(
                        SpatialInputException.class, e -> assertThat(e.code()).isEqualTo("GPKG_NO_FEATURES"));
    }

    @Test
    void aCoordinateSystemOutsideCgcs2000IsRefusedByName() throws IOException {
        Path file = dltbWithSrs("beijing54.gpkg", "EPSG:4214");
        assertThatThrownBy(() -> GeoPackageReader.open(file, null))
                .isInstanceOfSatisfying(SpatialInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("CRS_UNSUPPORTED");
                    assertThat(e.getMessage()).contains("DLTB", "EPSG:4214 (Beijing 1954)", "only CGCS2000");
                    assertThat(e.messageZh()).contains("EPSG:4214", "北京 54");
                });
    }

    @Test
    void aCustomCoordinateSystemWithoutCodeIsUnrecognised() throws IOException {
        Path file = dltbWithSrs(
                "custom.gpkg",
                "+proj=tmerc +lat_0=0 +lon_0=117.5 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs");
        assertThatThrownBy(() -> GeoPackageReader.open(file, null))
                .isInstanceOfSatisfying(SpatialInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("CRS_UNRECOGNISED");
                    assertThat(e.getMessage()).contains("DLTB", "EPSG");
                });
    }

    @Test
    void anUndecodableGeometryNamesTheFeature() throws IOException, SQLException {
        Path file = dir.resolve("broken.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "DLTB", GK39, "POLYGON", FIELDS)) {
            w.write(geometry(POLYGON_WITH_HOLE_GK, GK39), SampleFeatures.dryLand());
            w.write(geometry(POLYGON_WITH_HOLE_GK, GK39), SampleFeatures.dryLand());
            w.write(geometry(POLYGON_WITH_HOLE_GK, GK39), SampleFeatures.paddyWithNulls());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            // the R-tree triggers need GeoPackage SQL functions this bare connection lacks
            List<String> triggers = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (r.next()) {
                    triggers.add(r.getString(1));
                }
            }
            for (String t : triggers) {
                s.execute("DROP TRIGGER \"" + t + "\"");
            }
            s.execute("UPDATE DLTB SET geom = X'47500001E61100000103' WHERE fid = 2");
        }
        try (GeoPackageReader r = GeoPackageReader.open(file, null)) {
            assertThat(r.next()).isNotNull();
            assertThatThrownBy(r::next).isInstanceOfSatisfying(SpatialInputException.class, e -> {
                assertThat(e.code()).isEqualTo("GPKG_GEOMETRY_INVALID");
                assertThat(e.getMessage()).contains("feature 2 (fid 2)", "DLTB");
            });
            // reading may go on past the broken row
            SourceFeature third = r.next();
            assertThat(third.index()).isEqualTo(2);
            assertThat(third.attributes()).containsEntry("DLMC", "水田");
            assertThat(r.next()).isNull();
        }
    }

    /** The sample parcels as a GeoPackage layer "DLTB" that declares {@code srs} (GDAL's -a_srs). */
    private Path dltbWithSrs(String name, String srs) throws IOException {
        Path file = dir.resolve(name);
        Gdal.ogr2ogr(
                        "-f",
                        "GPKG",
                        file,
                        SampleFeatures.fixture(dir, "parcels-4490.geojson"),
                        "-a_srs",
                        srs,
                        "-nln",
                        "DLTB")
                .ok();
        return file;
    }
}
