package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gengbao.server.accounts.Role;
import org.gengbao.spatial.analysis.Analyser;
import org.gengbao.spatial.analysis.AnalysisJson;
import org.gengbao.spatial.generate.PatchGenerator;
import org.gengbao.spatial.geom.GeometryIntake;
import org.gengbao.spatial.overlay.InMemoryOverlayEngine;
import org.gengbao.spatial.verdict.RuleSet;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class AnalysisApiTest extends ServerTestBase {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);

    /** The patch as a GeoJSON polygon in EPSG:4527 metres (exactly its millimetre coordinates). */
    private static String request(Polygon patch) {
        StringBuilder ring = new StringBuilder("[");
        for (var c : patch.getExteriorRing().getCoordinates()) {
            ring.append(ring.length() > 1 ? "," : "")
                    .append(String.format(java.util.Locale.ROOT, "[%.3f,%.3f]", c.x, c.y));
        }
        ring.append("]");
        return "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]},\"crs\":\"EPSG:4527\","
                + "\"asOf\":\"" + AS_OF + "\"}";
    }

    /**
     * The server (layers imported from Shapefile, GeoPackage and GeoJSON into the database and read back) gives the same
     * figures as the spatial core's engine built directly from the generated county.
     */
    @Test
    void storedAnalysesHaveTheFiguresOfTheSpatialCore() throws Exception {
        String token = token(Role.INSPECTOR);
        Analyser core = new Analyser(
                InMemoryOverlayEngine.build(county().spec().crs(), county().toLayerVersions(EFFECTIVE)),
                RuleSet.defaults());
        GeometryIntake intake = new GeometryIntake(county().spec().crs());
        List<Polygon> patches = new PatchGenerator(31, county().spec().crs(), county().extent()).patches(25);
        for (Polygon patch : patches) {
            String body = mvc.perform(post("/api/v1/analyses")
                            .header("Authorization", bearer(token))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(request(patch)))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            JsonNode server = JSON.readTree(body);
            JsonNode expected = AnalysisJson.toJson(
                    core.analyse(intake.accept(patch, county().spec().crs()), AS_OF));
            for (String figure : List.of(
                    "areaM2",
                    "cultivatedM2",
                    "cultivatedNetM2",
                    "basicFarmlandM2",
                    "approvedM2",
                    "suppliedM2",
                    "facilityM2",
                    "temporaryM2",
                    "unapprovedCultivatedM2")) {
                assertThat(server.get(figure).doubleValue())
                        .as(figure)
                        .isCloseTo(expected.get(figure).doubleValue(), within(0.005));
            }
            assertThat(server.at("/verdict/code").asString())
                    .isEqualTo(expected.at("/verdict/code").asString());
            assertThat(server.get("transferToPolice").asBoolean())
                    .isEqualTo(expected.get("transferToPolice").asBoolean());
            assertThat(server.get("landUse").size())
                    .isEqualTo(expected.get("landUse").size());
            String id = server.get("id").asString();
            mvc.perform(get("/api/v1/analyses/" + id).header("Authorization", bearer(token(Role.LEADER))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(id))
                    .andExpect(jsonPath("$.areaM2").value(server.get("areaM2").doubleValue()));
        }
    }

    @Test
    void lonLatIsTheDefaultAndTheResultFollowsTheContract() throws Exception {
        var c = county().extent().centre();
        double[] lonLat = {c.x, c.y};
        org.gengbao.spatial.crs.CrsTransform.between(
                        county().spec().crs(), org.gengbao.spatial.crs.CrsRegistry.CGCS2000)
                .apply(lonLat);
        String polygon = String.format(
                java.util.Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}",
                lonLat[0],
                lonLat[1],
                lonLat[0] + 0.001,
                lonLat[1],
                lonLat[0] + 0.001,
                lonLat[1] + 0.001,
                lonLat[0],
                lonLat[1] + 0.001,
                lonLat[0],
                lonLat[1]);
        mvc.perform(post("/api/v1/analyses")
                        .header("Authorization", bearer(token(Role.OFFICER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"geometry\":" + polygon + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.asOf").isString())
                .andExpect(jsonPath("$.areaM2").isNumber())
                .andExpect(jsonPath("$.verdict.code").isString())
                .andExpect(jsonPath("$.verdict.reasons[0].zh").isString())
                .andExpect(jsonPath("$.layerVersions.dltb").isString())
                .andExpect(jsonPath("$.ruleSetVersion").isString());
    }

    @Test
    void unknownAnalysisIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/analyses/no-such-id").header("Authorization", bearer(token(Role.OFFICER))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ANALYSIS_NOT_FOUND"));
    }
}
