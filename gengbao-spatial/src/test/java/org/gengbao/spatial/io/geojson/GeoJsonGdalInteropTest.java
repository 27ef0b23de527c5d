package org.gengbao.spatial.io.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gengbao.spatial.io.SampleFeatures.FIELDS;
import static org.gengbao.spatial.io.SampleFeatures.GK39;
import static org.gengbao.spatial.io.SampleFeatures.MULTIPOLYGON_DEG;
import static org.gengbao.spatial.io.SampleFeatures.MULTIPOLYGON_GK;
import static org.gengbao.spatial.io.SampleFeatures.POLYGON_WITH_HOLE_DEG;
import static org.gengbao.spatial.io.SampleFeatures.POLYGON_WITH_HOLE_GK;
import static org.gengbao.spatial.io.SampleFeatures.geometry;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.crs.GaussKrugerProjection;
import org.gengbao.spatial.io.Gdal;
import org.gengbao.spatial.io.SampleFeatures;
import org.gengbao.spatial.io.SourceFeature;
import org.gengbao.spatial.io.geopackage.GeoPackageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** GDAL ({@code ogrinfo}, {@code ogr2ogr}) as the independent reader and writer of GeoJSON. */
class GeoJsonGdalInteropTest {
    @TempDir
    Path dir;

    @Test
    void gdalReadsOurProjectedGeoJson() throws IOException {
        Path file = dir.resolve("dltb.geojson");
        try (GeoJsonWriter w = GeoJsonWriter.create(file, GK39, FIELDS, 3)) {
            w.write(geometry(POLYGON_WITH_HOLE_GK, GK39), SampleFeatures.dryLand());
            w.write(geometry(MULTIPOLYGON_GK, GK39), SampleFeatures.paddyWithNulls());
            w.write(null, Map.of());
        }
        Gdal.Result summary = Gdal.ogrinfo("-al", "-so", file);
        assertThat(summary.stderr()).isBlank();
        assertThat(summary.ok())
                .contains("Feature Count: 3", "CGCS2000 / 3-degree Gauss-Kruger zone 39", "ID[\"EPSG\",4527]")
                .contains("DLMC: String", "TBBH: Integer", "TBMJ: Real", "BGRQ: Date")
                .contains("Extent: (39500000.125000, 3500000.000000) - (39500350.000000, 3500100.750000)");
        assertThat(Gdal.ogrinfo("-al", "-q", file).ok())
                .contains("DLMC (String) = 旱地", "QSDWMC (String) = 张家村", "TBMJ (Real) = 1234.56")
                .contains("BGRQ (Date) = 2024/03/15", "TBBH (Integer) = (null)")
                .contains("POLYGON ((39500000.125 3500000.5,39500100.25 3500000.5,");
    }

    @Test
    void gdalReadsOurGeographicGeoJsonAsRfc7946() throws IOException {
        Path file = dir.resolve("deg.geojson");
        try (GeoJsonWriter w = GeoJsonWriter.create(file, CrsRegistry.CGCS2000, FIELDS, 9)) {
            w.write(geometry(POLYGON_WITH_HOLE_DEG, CrsRegistry.CGCS2000), SampleFeatures.dryLand());
            w.write(geometry(MULTIPOLYGON_DEG, CrsRegistry.CGCS2000), SampleFeatures.paddyWithNulls());
        }
        Gdal.Result summary = Gdal.ogrinfo("-al", "-so", file);
        assertThat(summary.stderr()).isBlank();
        // without a crs member GDAL assumes RFC 7946's WGS 84 longitude/latitude, which Gengbao equates with CGCS2000
        assertThat(summary.ok()).contains("Feature Count: 2", "WGS 84");
        assertThat(Gdal.ogrinfo("-al", "-q", file).ok())
                .contains("DLMC (String) = 旱地", "POLYGON ((117.001 31.601,117.002 31.601,");
    }

    @Test
    void weReadGdalsProjectedGeoJson() throws IOException {
        Path file = dir.resolve("gdal-4527.geojson");
        Gdal.ogr2ogr(
                        "-f",
                        "GeoJSON",
                        file,
                        SampleFeatures.fixture(dir, "parcels-4490.geojson"),
                        "-s_srs",
                        "EPSG:4490",
                        "-t_srs",
                        "EPSG:4527")
                .ok();
        try (GeoJsonFeatureReader r = GeoJsonFeatureReader.open(file)) {
            assertThat(r.declaredCrs()).contains(GK39);
            SourceFeature first = r.next();
            Coordinate c = first.geometry().getCoordinates()[0];
            double[] expected = new double[2];
            GaussKrugerProjection.of((GaussKrugerCrs) GK39).forwardDegrees(117.001, 31.601, expected);
            assertThat(c.x).isCloseTo(expected[0], within(0.001));
            assertThat(c.y).isCloseTo(expected[1], within(0.001));
            assertThat(first.attributes())
                    .containsEntry("DLMC", "旱地")
                    .containsEntry("QSDWMC", "张家村")
                    .containsEntry("TBBH", 12L)
                    .containsEntry("TBMJ", new BigDecimal("1234.56"))
                    .containsEntry("BGRQ", "2024-03-15");
            assertThat(r.next().attributes()).containsEntry("QSDWMC", null);
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void weReadWhatGdalConvertsFromOurGeoPackage() throws IOException {
        Path gpkg = dir.resolve("dltb.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "DLTB", GK39, "MULTIPOLYGON", FIELDS)) {
            w.write(geometry(POLYGON_WITH_HOLE_GK, GK39), SampleFeatures.dryLand());
        }
        Path projected = dir.resolve("dltb.geojson");
        Gdal.ogr2ogr("-f", "GeoJSON", projected, gpkg, "DLTB").ok();
        try (GeoJsonFeatureReader r = GeoJsonFeatureReader.open(projected)) {
            assertThat(r.declaredCrs()).contains(GK39);
            assertThat(r.next().geometry().getGeometryN(0).equalsExact(geometry(POLYGON_WITH_HOLE_GK, GK39)))
                    .isTrue();
        }
        Path rfc7946 = dir.resolve("dltb-rfc7946.geojson");
        Gdal.ogr2ogr("-f", "GeoJSON", "-lco", "RFC7946=YES", rfc7946, gpkg, "DLTB")
                .ok();
        try (GeoJsonFeatureReader r = GeoJsonFeatureReader.open(rfc7946)) {
            assertThat(r.declaredCrs()).isEmpty();
            SourceFeature f = r.next();
            assertThat(f.geometry().getSRID()).isEqualTo(4490);
            assertThat(f.geometry().getCoordinates()[0].x).isCloseTo(117.0, within(0.01));
            assertThat(f.attributes()).containsEntry("DLMC", "旱地");
        }
    }
}
