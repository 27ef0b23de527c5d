package org.gengbao.spatial.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.io.FeatureFiles;
import org.gengbao.spatial.io.FeatureFiles.Format;
import org.gengbao.spatial.io.FeatureSource;
import org.gengbao.spatial.layer.ImportResult;
import org.gengbao.spatial.layer.LayerImporter;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.testing.ExternalTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A generated county written as Shapefile (GBK), GeoPackage and GeoJSON and imported back from each: every layer comes
 * back with the same content hash as the county it was written from — geometry to the millimetre, attributes exactly —
 * and GDAL reads the files too.
 */
class CountyFilesRoundTripTest {
    private static final LocalDate EFFECTIVE = LocalDate.of(2026, 1, 1);

    @TempDir
    static Path dir;

    private static GeneratedCounty county;
    private static List<LayerVersion> expected;
    private static Map<String, Path> files;

    @BeforeAll
    static void write() throws Exception {
        county = CountyGenerator.generate(CountySpec.of(5, 2_000, 0, 120, 120));
        expected = county.toLayerVersions(EFFECTIVE);
        files = CountyWriter.write(county, dir, EnumSet.allOf(Format.class));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyLayerReadsBackWithTheSameContentHash(Format format) throws Exception {
        String ext =
                switch (format) {
                    case SHAPEFILE -> ".shp";
                    case GEOPACKAGE -> ".gpkg";
                    case GEOJSON -> ".geojson";
                };
        LayerImporter importer = new LayerImporter(county.spec().crs());
        for (LayerVersion want : expected) {
            Path file = files.get(want.kind().id() + ext);
            try (FeatureSource source = FeatureFiles.open(file, FeatureFiles.ReadOptions.DEFAULT)) {
                ImportResult got = importer.read(
                        want.kind(), source, FeatureFiles.impliedCrs(file), LayerImporter.Options.effective(EFFECTIVE));
                assertThat(got.report().rejected()).as(file.toString()).isEmpty();
                assertThat(got.report().repaired()).as(file.toString()).isEmpty();
                assertThat(got.report().imported()).isEqualTo(want.featureCount());
                assertThat(got.version().sha256()).as(file.toString()).isEqualTo(want.sha256());
                assertThat(got.version().id()).isEqualTo(want.id());
            }
        }
    }

    @Test
    void gdalReadsTheFiles() {
        String shp = ExternalTool.run(
                List.of("ogrinfo", "-so", "-al", files.get("dltb.shp").toString()), null);
        assertThat(shp).contains("Feature Count: " + county.parcelCount());
        assertThat(shp).contains("CGCS2000").contains("DLBM: String").contains("KCXS: Real");
        String gpkg = ExternalTool.run(
                List.of("ogrinfo", "-so", "-al", files.get("plan.gpkg").toString()), null);
        assertThat(gpkg)
                .contains("Feature Count: " + county.features(LayerKind.PLAN).size());
        String json = ExternalTool.run(
                List.of(
                        "ogrinfo",
                        "-q",
                        "-al",
                        "-fid",
                        "0",
                        files.get("village.geojson").toString()),
                null);
        assertThat(json).contains("XZQMC (String) =").containsPattern("ZLDWDM \\(String\\) = 371399\\d{13}");
        String chinese = ExternalTool.run(
                List.of(
                        "ogrinfo",
                        "-q",
                        "-al",
                        "-fid",
                        "0",
                        files.get("dltb.shp").toString()),
                null);
        assertThat(chinese).containsPattern("DLMC \\(String\\) = \\p{IsHan}+");
    }
}
