package org.gengbao.server.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengbao.server.ServerTestBase;
import org.gengbao.server.accounts.Role;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.Gdal;
import org.gengbao.spatial.io.geojson.GeoJsonGeometries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Offline packages: the JSON and the GeoPackage hold the same layers with the same counts (read back by GDAL's
 * ogrinfo, in the county's Gauss-Krüger system); the version is the same for both, stable, an ETag honoured by
 * If-None-Match, and it changes when a marker or clue inside the task area changes — not outside.
 */
class TaskPackageTest extends ServerTestBase {
    private static final List<String> LAYERS = List.of(
            "dltb", "plan", "approval", "supply", "farmland", "clues", "signs", "markers", "task_area", "targets");
    private static String taskId;

    @BeforeEach
    void createTask() throws Exception {
        synchronized (TaskPackageTest.class) {
            if (taskId != null) {
                return;
            }
            List<String> parcels = jdbc.sql("SELECT id FROM farmland_parcel WHERE grid_code = ? ORDER BY id")
                    .param(villageA1)
                    .query(String.class)
                    .list();
            Geometry g = geometry("farmland_parcel", parcels.get(parcels.size() / 2));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("gridCode", villageA1);
            body.put("date", "2030-06-01");
            body.put("assignee", "t-inspector");
            body.put(
                    "area",
                    GeoJsonGeometries.lonLat(
                            g.buffer(80).getEnvelope(), counties.require().crs()));
            body.put("targets", List.of(Map.of("type", "PARCEL", "id", parcels.get(parcels.size() / 2))));
            MockHttpServletResponse r = mvc.perform(post("/api/v1/patrol/tasks")
                            .header("Authorization", bearer(token(Role.OFFICER)))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(JSON.writeValueAsString(body)))
                    .andReturn()
                    .getResponse();
            assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
            taskId = JSON.readTree(r.getContentAsString()).path("id").asString();
        }
    }

    @Test
    void theGeoPackageHoldsTheSameLayersAsTheJsonInTheCountysSystem() throws Exception {
        MockHttpServletResponse json = download("json", null, token(Role.INSPECTOR));
        assertThat(json.getStatus()).as(json.getContentAsString()).isEqualTo(200);
        JsonNode pkg = JSON.readTree(json.getContentAsString(StandardCharsets.UTF_8));
        String version = pkg.path("version").asString();
        assertThat(version).matches("[0-9a-f]{64}");
        assertThat(json.getHeader("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(json.getHeader("X-Package-Version")).isEqualTo(version);
        assertThat(pkg.path("layers").propertyNames()).containsExactlyElementsOf(LAYERS);
        assertThat(pkg.at("/task/id").asString()).isEqualTo(taskId);
        for (String layer : List.of("dltb", "farmland", "signs", "markers", "task_area", "targets")) {
            assertThat(pkg.at("/layers/" + layer + "/features").size())
                    .as(layer)
                    .isPositive();
        }
        JsonNode parcel = pkg.at("/layers/farmland/features/0/properties");
        assertThat(parcel.path("household").asString()).isNotBlank();
        assertThat(parcel.path("householdPhone").asString()).matches("\\d{3}\\*+\\d{4}");
        assertThat(json.getContentAsString(StandardCharsets.UTF_8))
                .doesNotContainPattern("\"householdPhone\":\"\\d{11}\"");
        assertThat(pkg.at("/layers/dltb/features/0/properties/DLBM").asString()).isNotBlank();
        JsonNode c = pkg.at("/layers/dltb/features/0/geometry/coordinates");
        while (c.isArray()) {
            c = c.get(0);
        }
        assertThat(c.asDouble()).as("a longitude").isBetween(73.0, 136.0);

        MockHttpServletResponse gpkg = download("gpkg", null, token(Role.INSPECTOR));
        assertThat(gpkg.getStatus()).isEqualTo(200);
        assertThat(gpkg.getContentType()).startsWith("application/geopackage+sqlite3");
        assertThat(gpkg.getHeader("X-Package-Version")).isEqualTo(version);
        assertThat(gpkg.getHeader("ETag")).isEqualTo("\"" + version + "\"");
        Path file = Files.createTempFile("gengbao-package-test-", ".gpkg");
        Files.write(file, gpkg.getContentAsByteArray());
        String info = Gdal.ogrinfo("-ro", "-so", "-al", file).ok();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = Pattern.compile("Layer name: (\\S+)[\\s\\S]*?Feature Count: (\\d+)")
                .matcher(info);
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(LAYERS);
        for (String layer : LAYERS) {
            assertThat(counts.get(layer))
                    .as("features of %s", layer)
                    .isEqualTo(pkg.at("/layers/" + layer + "/features").size());
        }
        String[] blocks = info.split("Layer name: ");
        for (int i = 1; i < blocks.length; i++) {
            assertThat(blocks[i])
                    .as("CRS of %s", blocks[i].lines().findFirst().orElse(""))
                    .contains("ID[\"EPSG\",4527]");
        }
        Files.deleteIfExists(file);

        // the cheap check gives the same version, and asking again changes nothing
        MockHttpServletResponse v = mvc.perform(get("/api/v1/patrol/tasks/" + taskId + "/package/version")
                        .header("Authorization", bearer(token(Role.INSPECTOR))))
                .andReturn()
                .getResponse();
        JsonNode vn = JSON.readTree(v.getContentAsString());
        assertThat(vn.path("version").asString()).isEqualTo(version);
        assertThat(vn.at("/generatedFrom/layerVersions/dltb/id").asString()).isNotBlank();
        assertThat(vn.at("/generatedFrom/content/farmland/count").asInt())
                .isEqualTo(pkg.at("/layers/farmland/features").size());
        assertThat(JSON.readTree(download("json", null, token(Role.OFFICER)).getContentAsString())
                        .path("version")
                        .asString())
                .isEqualTo(version);
    }

    @Test
    void ifNoneMatchWithTheCurrentVersionAnswersNotModified() throws Exception {
        String version = version();
        MockHttpServletResponse same = download("json", "\"" + version + "\"", token(Role.INSPECTOR));
        assertThat(same.getStatus()).isEqualTo(304);
        assertThat(same.getContentAsByteArray()).isEmpty();
        assertThat(same.getHeader("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(download("gpkg", "\"" + version + "\"", token(Role.INSPECTOR))
                        .getStatus())
                .isEqualTo(304);
        assertThat(download("json", "\"0000\"", token(Role.INSPECTOR)).getStatus())
                .isEqualTo(200);
    }

    @Test
    void theVersionFollowsChangesInsideTheAreaOnly() throws Exception {
        String before = version();
        String inside = jdbc.sql("SELECT m.id FROM boundary_marker m, patrol_task t WHERE t.id = ?"
                        + " AND ST_Intersects(m.geom, t.area) ORDER BY m.id")
                .param(taskId)
                .query(String.class)
                .list()
                .get(0);
        String outside = jdbc.sql("SELECT m.id FROM boundary_marker m, patrol_task t WHERE t.id = ?"
                        + " AND NOT ST_Intersects(m.geom, t.area) ORDER BY m.id")
                .param(taskId)
                .query(String.class)
                .list()
                .get(0);
        String outsideCondition = condition(outside);
        setCondition(outside, outsideCondition.equals("DAMAGED") ? "GOOD" : "DAMAGED");
        assertThat(version()).isEqualTo(before);
        setCondition(outside, outsideCondition);

        String insideCondition = condition(inside);
        setCondition(inside, insideCondition.equals("DAMAGED") ? "GOOD" : "DAMAGED");
        String afterMarker = version();
        assertThat(afterMarker).isNotEqualTo(before);
        setCondition(inside, insideCondition);
        assertThat(version()).isEqualTo(before);

        // a clue far away changes nothing; a new open clue in the area does
        Geometry area = geometry("patrol_task", taskId, "area");
        String far = insertClue(area.getCentroid()
                .buffer(1)
                .getEnvelope()
                .getFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(
                        area.getCentroid().getX() + 50_000, area.getCentroid().getY())));
        assertThat(version()).isEqualTo(before);
        String near = insertClue(area.getInteriorPoint());
        String afterClue = version();
        assertThat(afterClue).isNotEqualTo(before);
        JsonNode pkg =
                JSON.readTree(download("json", null, token(Role.INSPECTOR)).getContentAsString());
        assertThat(pkg.path("version").asString()).isEqualTo(afterClue);
        assertThat(pkg.at("/layers/clues").toString()).contains(near).doesNotContain(far);
        // closing the clue takes it out of the package again
        jdbc.sql("UPDATE clue SET status = 'CLOSED' WHERE id = ?").param(near).update();
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void badFormatsAndOtherCellsAreRefused() throws Exception {
        assertThat(problem(
                                mvc.perform(get("/api/v1/patrol/tasks/" + taskId + "/package?format=kml")
                                        .header("Authorization", bearer(token(Role.INSPECTOR)))),
                                400,
                                "FORMAT_UNKNOWN")
                        .at("/messages/en")
                        .asString())
                .contains("json", "gpkg");
        String other = login("t-inspector-b", "secret-inspector");
        problem(
                mvc.perform(get("/api/v1/patrol/tasks/" + taskId + "/package").header("Authorization", bearer(other))),
                404,
                "TASK_NOT_FOUND");
        problem(
                mvc.perform(get("/api/v1/patrol/tasks/" + taskId + "/package/version")
                        .header("Authorization", bearer(login("t-town-b", "secret-town")))),
                404,
                "TASK_NOT_FOUND");
        problem(
                mvc.perform(get("/api/v1/patrol/tasks/" + taskId + "/package")
                        .header("Authorization", bearer(token(Role.COURT)))),
                403,
                "FORBIDDEN");
    }

    private String version() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/patrol/tasks/" + taskId + "/package/version")
                        .header("Authorization", bearer(token(Role.INSPECTOR))))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        String v = JSON.readTree(r.getContentAsString()).path("version").asString();
        assertThat(r.getHeader("X-Package-Version")).isEqualTo(v);
        return v;
    }

    private MockHttpServletResponse download(String format, String ifNoneMatch, String token) throws Exception {
        var request = get("/api/v1/patrol/tasks/" + taskId + "/package?format=" + format)
                .header("Authorization", bearer(token));
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String condition(String marker) {
        return jdbc.sql("SELECT condition_code FROM boundary_marker WHERE id = ?")
                .param(marker)
                .query(String.class)
                .single();
    }

    private void setCondition(String marker, String condition) {
        jdbc.sql("UPDATE boundary_marker SET condition_code = ? WHERE id = ?")
                .params(condition, marker)
                .update();
    }

    private String insertClue(Geometry at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO clue (id, source, status, grid_code, geom, needs_outline, verdict, first_evidence_at,"
                        + " created_at, created_by) VALUES (?, 'PATROL', 'NEW', ?, ST_GeomFromWKB(?, ?), TRUE,"
                        + " 'NEEDS_SITE_CHECK', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 't-inspector')")
                .params(
                        id,
                        villageA1,
                        new WKBWriter().write(at),
                        counties.require().crs().epsg())
                .update();
        return id;
    }

    private Geometry geometry(String table, String id) throws Exception {
        return geometry(table, id, "geom");
    }

    private Geometry geometry(String table, String id, String column) throws Exception {
        byte[] wkb = jdbc.sql("SELECT ST_AsBinary(" + column + ") FROM " + table + " WHERE id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        Geometry g = new WKBReader(WorkingPrecision.factory(counties.require().crs())).read(wkb);
        g.setSRID(counties.require().crs().epsg());
        return g;
    }
}
