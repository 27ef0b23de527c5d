package org.gengbao.spatial.io.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.junit.jupiter.api.Test;

class SrsDefinitionsTest {
    private static final String GCS_ESRI = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";

    private static Crs resolve(String organization, String definition) {
        return SrsDefinitions.resolve("T", 100000, "x", organization, 100000, definition)
                .orElseThrow();
    }

    @Test
    void theOrganizationCodeDecides() {
        assertThat(SrsDefinitions.resolve("T", 4527, "whatever", "epsg", 4527, "garbage"))
                .contains(CrsRegistry.byEpsg(4527));
    }

    @Test
    void undefinedSystemsDeclareNothing() {
        assertThat(SrsDefinitions.resolve("T", 0, "Undefined geographic SRS", "NONE", 0, "undefined"))
                .isEmpty();
        assertThat(SrsDefinitions.resolve("T", -1, "Undefined cartesian SRS", "NONE", -1, "undefined"))
                .isEmpty();
    }

    @Test
    void anEpsgAuthorityOnTheOutermostNodeIsRecognised() {
        assertThat(resolve("NONE", SrsDefinitions.wkt(CrsRegistry.byEpsg(4548))))
                .isEqualTo(CrsRegistry.byEpsg(4548));
        assertThat(resolve(
                        "OGC",
                        "PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger zone 39\",BASEGEOGCRS[\"x\","
                                + "ID[\"EPSG\",4490]],CS[Cartesian,2],ID[\"EPSG\",4527]]"))
                .isEqualTo(CrsRegistry.byEpsg(4527));
    }

    @Test
    void esriNamesOfCgcs2000SystemsAreRecognised() {
        String zone39 = "PROJCS[\"CGCS2000_3_Degree_GK_Zone_39\"," + GCS_ESRI
                + ",PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",39500000.0],"
                + "PARAMETER[\"Central_Meridian\",117.0],UNIT[\"Meter\",1.0]]";
        assertThat(resolve("ESRI", zone39)).isEqualTo(CrsRegistry.byEpsg(4527));
        assertThat(resolve("ESRI", zone39.replace("Zone_39", "CM_117E"))).isEqualTo(CrsRegistry.byEpsg(4548));
        assertThat(resolve("ESRI", zone39.replace("3_Degree_GK_Zone_39", "GK_Zone_20")))
                .isEqualTo(CrsRegistry.byEpsg(4498));
        assertThat(resolve("ESRI", zone39.replace("3_Degree_GK_Zone_39", "GK_CM_117E")))
                .isEqualTo(CrsRegistry.byEpsg(4509));
        assertThat(resolve("ESRI", GCS_ESRI)).isEqualTo(CrsRegistry.CGCS2000);
    }

    @Test
    void anythingElseIsUnrecognised() {
        assertThatThrownBy(() -> resolve("NONE", "PROJCS[\"Xian 1980 / custom\",GEOGCS[\"Xian 1980\"]]"))
                .isInstanceOfSatisfying(SpatialInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("CRS_UNRECOGNISED");
                    assertThat(e.messageZh()).contains("无法识别");
                });
    }
}
