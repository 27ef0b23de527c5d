package org.gengbao.spatial.io.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrjFilesTest {
    static final String GCS_2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";

    /** An ESRI projected system on CGCS2000 as ArcGIS writes it. */
    static String esri(String name, double falseEasting, double cm) {
        return "PROJCS[\"" + name + "\"," + GCS_2000 + ",PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\","
                + falseEasting + "],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\"," + cm
                + "],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    }

    /** GDAL 3.6 {@code gdalsrsinfo -o wkt1 EPSG:4527}. */
    static final String GDAL_WKT1_4527 =
            """
            PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 39",
                GEOGCS["China Geodetic Coordinate System 2000",
                    DATUM["China_2000",
                        SPHEROID["CGCS2000",6378137,298.257222101,
                            AUTHORITY["EPSG","1024"]],
                        AUTHORITY["EPSG","1043"]],
                    PRIMEM["Greenwich",0,
                        AUTHORITY["EPSG","8901"]],
                    UNIT["degree",0.0174532925199433,
                        AUTHORITY["EPSG","9122"]],
                    AUTHORITY["EPSG","4490"]],
                PROJECTION["Transverse_Mercator"],
                PARAMETER["latitude_of_origin",0],
                PARAMETER["central_meridian",117],
                PARAMETER["scale_factor",1],
                PARAMETER["false_easting",39500000],
                PARAMETER["false_northing",0],
                UNIT["metre",1,
                    AUTHORITY["EPSG","9001"]],
                AXIS["Northing",NORTH],
                AXIS["Easting",EAST],
                AUTHORITY["EPSG","4527"]]
            """;

    @TempDir
    Path dir;

    static int recognise(String wkt) {
        return PrjFiles.recognize(wkt).map(Crs::epsg).orElse(-1);
    }

    static SpatialInputException failure(String wkt) {
        try {
            PrjFiles.recognize(wkt);
        } catch (SpatialInputException e) {
            return e;
        }
        throw new AssertionError("No error for " + wkt);
    }

    @ParameterizedTest
    @CsvSource({
        "CGCS2000_3_Degree_GK_Zone_39, 39500000.0, 117.0, 4527",
        "CGCS2000_3_Degree_GK_CM_117E, 500000.0, 117.0, 4548",
        "CGCS2000_GK_Zone_20, 20500000.0, 117.0, 4498",
        "CGCS2000_GK_CM_117E, 500000.0, 117.0, 4509",
        "CGCS2000_3_Degree_GK_Zone_25, 25500000.0, 75.0, 4513",
        "CGCS2000_3_Degree_GK_CM_135E, 500000.0, 135.0, 4554",
        "CGCS2000_GK_Zone_13, 13500000.0, 75.0, 4491",
        "CGCS2000_GK_CM_135E, 500000.0, 135.0, 4512",
        "CGCS2000_GK_CM_75E, 500000.0, 75.0, 4502",
        "CGCS2000_3_Degree_GK_CM_120E, 500000.0, 120.0, 4549",
        // a CM valid only for 3-degree zones wins over a 6-degree-looking name
        "CGCS2000_GK_CM_120E, 500000.0, 120.0, 4549",
        // names do not matter for prefixed systems; generic names give 3-degree codes
        "Gauss_Kruger, 39500000.0, 117.0, 4527",
        "Transverse_Mercator, 500000.0, 117.0, 4548",
        "CGCS2000_6_Degree_GK_CM_117E, 500000.0, 117.0, 4509",
        "自定义6度带, 500000.0, 117.0, 4509",
    })
    void recognisesEsriGaussKruger(String name, double fe, double cm, int epsg) {
        assertThat(recognise(esri(name, fe, cm))).isEqualTo(epsg);
    }

    @Test
    void recognisesGeographicSystems() {
        assertThat(recognise(GCS_2000)).isEqualTo(4490);
        assertThat(recognise("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
                        + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"))
                .isEqualTo(4326);
        // domestic software: unknown datum name on the CGCS2000 spheroid
        assertThat(recognise("GEOGCS[\"CGCS_2000\",DATUM[\"D_2000\",SPHEROID[\"CGCS2000\",6378137.0,"
                        + "298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"))
                .isEqualTo(4490);
    }

    @Test
    void recognisesGdalWkt1AndWkt2() {
        assertThat(recognise(GDAL_WKT1_4527)).isEqualTo(4527);
        assertThat(recognise(Gdal.run(dir, "gdalsrsinfo", "-o", "wkt1", "EPSG:4527")))
                .isEqualTo(4527);
        assertThat(recognise(Gdal.run(dir, "gdalsrsinfo", "-o", "wkt1", "EPSG:4509")))
                .isEqualTo(4509);
        assertThat(recognise(Gdal.run(dir, "gdalsrsinfo", "-o", "wkt2", "EPSG:4498")))
                .isEqualTo(4498);
        assertThat(recognise(Gdal.run(dir, "gdalsrsinfo", "-o", "wkt2", "EPSG:4326")))
                .isEqualTo(4326);
        // without authority codes the parameters decide
        String noIds = GDAL_WKT1_4527.replaceAll(",\\s*AUTHORITY\\[[^\\]]*\\]", "");
        assertThat(noIds).doesNotContain("AUTHORITY");
        assertThat(recognise(noIds)).isEqualTo(4527);
        String wkt2 = Gdal.run(dir, "gdalsrsinfo", "-o", "wkt2", "EPSG:4548");
        assertThat(recognise(wkt2.replaceAll(",\\s*ID\\[[^\\]]*\\]", ""))).isEqualTo(4548);
        // an authority code outside the supported set is ignored in favour of the parameters
        assertThat(recognise(GDAL_WKT1_4527.replace("\"4527\"", "\"99999\""))).isEqualTo(4527);
        // a trailing ESRI vertical system is ignored
        assertThat(recognise(esri("CGCS2000_3_Degree_GK_Zone_39", 39500000.0, 117.0)
                        + ",VERTCS[\"Yellow_Sea_1985\",VDATUM[\"Yellow_Sea_1985\"],PARAMETER[\"Vertical_Shift\",0.0],"
                        + "PARAMETER[\"Direction\",1.0],UNIT[\"Meter\",1.0]]"))
                .isEqualTo(4527);
    }

    @Test
    void blankTextDeclaresNothing() {
        assertThat(PrjFiles.recognize("")).isEqualTo(Optional.empty());
        assertThat(PrjFiles.recognize(" \n\uFEFF")).isEmpty();
        assertThat(PrjFiles.recognize(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // ArcGIS: Xian 1980 3-degree CM 114E, Beijing 1954 3-degree CM 117E, New Beijing, Xian 1980 geographic
                "PROJCS[\"Xian_1980_3_Degree_GK_CM_114E\",GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\","
                        + "SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],"
                        + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],"
                        + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                        + "PARAMETER[\"Central_Meridian\",114.0],PARAMETER[\"Scale_Factor\",1.0],"
                        + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]",
                "PROJCS[\"Beijing_1954_3_Degree_GK_CM_117E\",GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\","
                        + "SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],"
                        + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],"
                        + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                        + "PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",1.0],"
                        + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]",
                "GEOGCS[\"GCS_New_Beijing\",DATUM[\"D_New_Beijing\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],"
                        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]",
                "GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\",SPHEROID[\"Xian_1980\",6378140.0,298.257]],"
                        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]",
            })
    void rejectsOldChineseDatums(String wkt) {
        SpatialInputException e = failure(wkt);
        assertThat(e.code()).isEqualTo("CRS_UNSUPPORTED");
        assertThat(e.messageZh()).containsAnyOf("西安 80", "北京 54").contains("CGCS2000");
        assertThat(e.messageEn()).containsAnyOf("Xi'an 1980", "Beijing").contains("convert");
    }

    @Test
    void rejectsGdalXian1980EvenWithAuthority() {
        SpatialInputException e = failure(Gdal.run(dir, "gdalsrsinfo", "-o", "wkt1", "EPSG:2383"));
        assertThat(e.code()).isEqualTo("CRS_UNSUPPORTED");
        assertThat(e.messageZh()).contains("西安 80");
    }

    @Test
    void rejectsOtherSystems() {
        assertThat(failure(Gdal.run(dir, "gdalsrsinfo", "-o", "wkt1", "EPSG:32650"))
                        .messageEn())
                .contains("WGS 84 projected");
        assertThat(failure(Gdal.run(dir, "gdalsrsinfo", "-o", "wkt1", "EPSG:3857"))
                        .code())
                .isEqualTo("CRS_UNSUPPORTED");
        assertThat(failure(Gdal.run(dir, "gdalsrsinfo", "-o", "wkt1", "EPSG:4258"))
                        .messageEn())
                .contains("European_Terrestrial_Reference_System_1989");
        // a local central meridian, a prefix that contradicts the meridian, UTM-like scale, unknown projection
        assertThat(failure(esri("CGCS2000_Local", 500000.0, 117.5)).messageZh()).contains("任意中央经线");
        assertThat(failure(esri("CGCS2000_3_Degree_GK_Zone_39", 39500000.0, 120.0))
                        .code())
                .isEqualTo("CRS_UNSUPPORTED");
        assertThat(failure(esri("X", 500000.0, 72.0)).code()).isEqualTo("CRS_UNSUPPORTED");
        assertThat(failure(esri("X", 500000.0, 117.0).replace("\"Scale_Factor\",1.0", "\"Scale_Factor\",0.9996"))
                        .messageEn())
                .contains("k=0.9996");
        assertThat(failure(esri("X", 500000.0, 117.0).replace("Gauss_Kruger\"]", "Lambert_Conformal_Conic\"]"))
                        .messageEn())
                .contains("Lambert_Conformal_Conic");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hello world",
                "+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs",
                "PROJCS[\"unterminated\",GEOGCS[",
                "GEOCCS[\"ECEF\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]]]",
            })
    void reportsUnrecognisableText(String text) {
        SpatialInputException e = failure(text);
        assertThat(e.code()).isEqualTo("CRS_UNRECOGNISED");
        assertThat(e.messageEn()).contains(text.substring(0, Math.min(20, text.length())));
        assertThat(e.messageZh()).contains("无法识别");
    }

    @Test
    void quotesOnlyTheStartOfLongText() {
        String longText = "x".repeat(500);
        assertThat(failure(longText).messageEn())
                .contains("x".repeat(100) + "…")
                .doesNotContain("x".repeat(101));
    }

    @Test
    void esriWktOfEverySupportedSystemIsRecognisedAsItself() {
        List<Integer> codes = new ArrayList<>();
        for (Crs crs : CrsRegistry.all()) {
            assertThat(PrjFiles.recognize(PrjFiles.esriWkt(crs))).as(crs.code()).contains(crs);
            codes.add(crs.epsg());
        }
        assertThat(codes).hasSize(2 + 42 + 22);
    }

    @Test
    void esriWktIsWhatGdalWrites() {
        // ogr2ogr -a_srs EPSG:4527 (GDAL 3.6)
        assertThat(PrjFiles.esriWkt(CrsRegistry.byEpsg(4527)))
                .isEqualTo(
                        "PROJCS[\"CGCS2000_3_Degree_GK_Zone_39\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                                + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],"
                                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",39500000.0],"
                                + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",117.0],"
                                + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        assertThat(PrjFiles.esriWkt(CrsRegistry.byEpsg(4509))).startsWith("PROJCS[\"CGCS2000_GK_CM_117E\"");
        assertThat(PrjFiles.esriWkt(CrsRegistry.CGCS2000)).isEqualTo(GCS_2000);
    }
}
