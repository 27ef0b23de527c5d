package org.gengbao.spatial.io.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gengbao.spatial.io.SampleFeatures.FIELDS;
import static org.gengbao.spatial.io.SampleFeatures.GK39;
import static org.gengbao.spatial.io.SampleFeatures.MULTIPOLYGON_GK;
import static org.gengbao.spatial.io.SampleFeatures.POLYGON_WITH_HOLE_DEG;
import static org.gengbao.spatial.io.SampleFeatures.POLYGON_WITH_HOLE_GK;
import static org.gengbao.spatial.io.SampleFeatures.geometry;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.crs.GaussKrugerProjection;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.FieldType;
import org.gengbao.spatial.io.Gdal;
import org.gengbao.spatial.io.SampleFeatures;
import org.gengbao.spatial.io.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;

/** GDAL ({@code ogrinfo}, {@code ogr2ogr}, {@code gdalsrsinfo}) as the independent reader and writer. */
class GeoPackageGdalInteropTest {
    @TempDir
    Path dir;

    @Test
    void gdalReadsWhatWeWrite() throws IOException {
        Path file = dir.resolve("export.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "DLTB", GK39, "MULTIPOLYGON", FIELDS)) {
            w.write(geometry(POLYGON_WITH_HOLE_GK, GK39), SampleFeatures.dryLand());
            w.write(geometry(MULTIPOLYGON_GK, GK39), SampleFeatures.paddyWithNulls());
        }
        try (GeoPackageWriter w = GeoPackageWriter.create(
                file, "XZQ", CrsRegistry.CGCS2000, "POLYGON", List.of(FieldDef.string("XZQMC", 20)))) {
            w.write(geometry(POLYGON_WITH_HOLE_DEG, CrsRegistry.CGCS2000), Map.of("XZQMC", "张家村"));
        }

        Gdal.Result summary = Gdal.ogrinfo("-al", "-so", file);
        assertThat(summary.stderr()).as("GDAL warnings").isBlank();
        assertThat(summary.ok())
                .contains("Layer name: DLTB", "Geometry: Multi Polygon", "Feature Count: 2")
                .contains("CGCS2000 / 3-degree Gauss-Kruger zone 39", "ID[\"EPSG\",4527]")
                .contains("Extent: (39500000.125000, 3500000.000000) - (39500350.000000, 3500100.750000)")
                .contains("DLMC: String (20.0)", "QSDWMC: String (40.0)", "TBBH: Integer64", "TBMJ: Real")
                .contains("BGRQ: Date")
                .contains("Layer name: XZQ", "China Geodetic Coordinate System 2000", "ID[\"EPSG\",4490]");

        Gdal.Result features = Gdal.ogrinfo("-al", "-q", file, "DLTB");
        assertThat(features.stderr()).isBlank();
        assertThat(features.ok())
                .contains("DLMC (String) = 旱地", "QSDWMC (String) = 张家村", "TBBH (Integer64) = 12")
                .contains("TBMJ (Real) = 1234.56", "BGRQ (Date) = 2024/03/15", "QSDWMC (String) = (null)")
                .contains("MULTIPOLYGON (((39500000.125 3500000.5,39500100.25 3500000.5,");

        // the R-tree is registered and used by a spatial filter
        assertThat(Gdal.ogrinfo(file, "-q", "-sql", "SELECT HasSpatialIndex('DLTB', 'geom')")
                        .ok())
                .contains("HasSpatialIndex (Integer) = 1");
        assertThat(Gdal.ogrinfo("-q", file, "DLTB", "-spat", 39500190, 3500000, 39500400, 3500100)
                        .ok())
                .contains("OGRFeature(DLTB):2")
                .doesNotContain("OGRFeature(DLTB):1");

        Gdal.validateGeoPackage(file).ifPresent(v -> assertThat(v.exitCode())
                .as("validate_gpkg.py: %s %s", v.stdout(), v.stderr())
                .isZero());
    }

    /** The definitions we register are exactly GDAL's WKT 1 for the EPSG code. */
    @ParameterizedTest
    @ValueSource(ints = {4490, 4491, 4501, 4502, 4513, 4527, 4533, 4534, 4548, 4554})
    void srsDefinitionsAreGdalsOwn(int epsg) {
        String gdal = Gdal.run("gdalsrsinfo", "-o", "wkt1", "EPSG:" + epsg).ok();
        assertThat(SrsDefinitions.wkt(CrsRegistry.byEpsg(epsg))).isEqualTo(gdal.replaceAll("\\s*\\n\\s*", ""));
    }

    @Test
    void weReadWhatGdalWrites() throws IOException {
        Path file = dir.resolve("from-gdal.gpkg");
        Gdal.ogr2ogr("-f", "GPKG", file, SampleFeatures.fixture(dir, "parcels-4527.geojson"), "-nln", "DLTB")
                .ok();

        try (GeoPackageReader r = GeoPackageReader.open(file, null)) {
            assertThat(r.declaredCrs()).contains(GK39);
            assertThat(r.size()).isEqualTo(2);
            assertThat(r.fields())
                    .extracting(FieldDef::name, FieldDef::type)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("DLMC", FieldType.STRING),
                            org.assertj.core.groups.Tuple.tuple("QSDWMC", FieldType.STRING),
                            org.assertj.core.groups.Tuple.tuple("TBBH", FieldType.INTEGER),
                            org.assertj.core.groups.Tuple.tuple("TBMJ", FieldType.DECIMAL),
                            org.assertj.core.groups.Tuple.tuple("BGRQ", FieldType.DATE));
            SourceFeature first = r.next();
            assertThat(first.geometry().equalsExact(geometry(POLYGON_WITH_HOLE_GK, GK39)))
                    .isTrue();
            assertThat(first.attributes())
                    .containsEntry("DLMC", "旱地")
                    .containsEntry("QSDWMC", "张家村")
                    .containsEntry("TBBH", 12L)
                    .containsEntry("TBMJ", new BigDecimal("1234.56"))
                    .containsEntry("BGRQ", LocalDate.of(2024, 3, 15));
            SourceFeature second = r.next();
            assertThat(second.geometry().getNumGeometries()).isEqualTo(2);
            assertThat(second.attributes()).containsEntry("TBBH", null).containsEntry("BGRQ", null);
            assertThat(r.next()).isNull();
        }

        // a layer of ours added to GDAL's file shares its EPSG:4527 row and keeps the file valid
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "JBNTBHTB", GK39, "POLYGON", FIELDS)) {
            w.write(geometry(POLYGON_WITH_HOLE_GK, GK39), SampleFeatures.dryLand());
        }
        Gdal.Result both = Gdal.ogrinfo("-so", file);
        assertThat(both.stderr()).isBlank();
        assertThat(both.ok()).contains("1: DLTB", "2: JBNTBHTB (Polygon)");
        Gdal.validateGeoPackage(file).ifPresent(v -> assertThat(v.exitCode())
                .as("validate_gpkg.py: %s %s", v.stdout(), v.stderr())
                .isZero());
        try (GeoPackageReader r = GeoPackageReader.open(file, "JBNTBHTB")) {
            assertThat(r.declaredCrs()).contains(GK39);
            assertThat(r.next().attributes()).containsEntry("QSDWMC", "张家村");
        }
    }

    @Test
    void weReadWhatGdalReprojectedIntoAZone() throws IOException {
        Path file = dir.resolve("projected.gpkg");
        Gdal.ogr2ogr(
                        "-f",
                        "GPKG",
                        file,
                        SampleFeatures.fixture(dir, "parcels-4490.geojson"),
                        "-s_srs",
                        "EPSG:4490",
                        "-t_srs",
                        "EPSG:4527",
                        "-nln",
                        "DLTB")
                .ok();
        try (GeoPackageReader r = GeoPackageReader.open(file, "DLTB")) {
            assertThat(r.declaredCrs()).contains(GK39);
            Coordinate c = r.next().geometry().getCoordinates()[0];
            double[] expected = new double[2];
            GaussKrugerProjection.of((GaussKrugerCrs) GK39).forwardDegrees(117.001, 31.601, expected);
            assertThat(c.x).isCloseTo(expected[0], within(0.001));
            assertThat(c.y).isCloseTo(expected[1], within(0.001));
        }
    }

    @Test
    void gdalBooleanAndDateTimeColumnsAreReadAsDocumented() throws IOException {
        Path json = Files.writeString(
                dir.resolve("typed.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                        + "{\"SFJBNT\":true,\"GXSJ\":\"2024-03-15T10:20:30Z\"},\"geometry\":"
                        + "{\"type\":\"Point\",\"coordinates\":[117.0,31.6]}}]}");
        Path file = dir.resolve("typed.gpkg");
        Gdal.ogr2ogr("-f", "GPKG", file, json, "-nln", "T").ok();
        try (GeoPackageReader r = GeoPackageReader.open(file, null)) {
            assertThat(r.declaredCrs()).contains(CrsRegistry.WGS84);
            assertThat(r.fields())
                    .containsExactly(new FieldDef("SFJBNT", FieldType.INTEGER, 1, 0), FieldDef.string("GXSJ", 24));
            SourceFeature f = r.next();
            assertThat(f.attributes()).containsEntry("SFJBNT", true);
            assertThat((String) f.attributes().get("GXSJ")).startsWith("2024-03-15T10:20:30");
            assertThat(f.geometry().getSRID()).isEqualTo(4326);
        }
    }
}
