package org.gengbao.server.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.ServerTestBase;
import org.gengbao.server.accounts.Role;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.geojson.GeoJsonGeometries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * The tasks API: who sees which task (an inspector only their own, a village or town its cells, the bureau all; 404
 * outside), manual tasks by officers within their scope, and the guarded status transitions.
 */
class PatrolTaskApiTest extends ServerTestBase {
    private static final String DAY = "2030-05-01";
    private static Map<String, String> planned;

    @BeforeEach
    void planOnce() throws Exception {
        synchronized (PatrolTaskApiTest.class) {
            if (planned == null) {
                var r = mvc.perform(post("/api/v1/patrol/plans")
                                .header("Authorization", bearer(token(Role.ADMIN)))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"date\":\"" + DAY + "\"}"))
                        .andReturn()
                        .getResponse();
                assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
                Map<String, String> ids = new LinkedHashMap<>();
                for (String cell : List.of(villageA1, villageA2, villageB1)) {
                    ids.put(
                            cell,
                            jdbc.sql("SELECT id FROM patrol_task WHERE grid_code = ? AND task_date = ?"
                                            + " AND kind <> 'MANUAL'")
                                    .params(cell, java.time.LocalDate.parse(DAY))
                                    .query(String.class)
                                    .single());
                }
                planned = ids;
            }
        }
    }

    @Test
    void anInspectorSeesOnlyTheTasksAssignedToThem() throws Exception {
        String mine = planned.get(villageA1);
        JsonNode list = ok(get("/api/v1/patrol/tasks?date=" + DAY + "&assignee=me"), token(Role.INSPECTOR));
        assertThat(ids(list)).contains(mine).doesNotContain(planned.get(villageA2), planned.get(villageB1));
        list.forEach(t -> assertThat(t.path("assignee").asString()).isEqualTo("t-inspector"));
        // without assignee=me it is the same, and naming someone else gives nothing
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=" + DAY), token(Role.INSPECTOR))))
                .containsExactlyInAnyOrderElementsOf(ids(list));
        assertThat(ok(get("/api/v1/patrol/tasks?assignee=t-inspector-a2"), token(Role.INSPECTOR)))
                .isEmpty();
        JsonNode task = ok(get("/api/v1/patrol/tasks/" + mine), token(Role.INSPECTOR));
        assertThat(task.path("gridCode").asString()).isEqualTo(villageA1);
        assertThat(task.path("area").path("type").asString()).isIn("Polygon", "MultiPolygon");
        assertThat(task.path("targets").size()).isPositive();
        JsonNode first = task.path("targets").get(0);
        assertThat(first.path("reason").path("zh").asString()).containsPattern("\\p{IsHan}");
        assertThat(first.path("location").path("lon").asDouble()).isBetween(73.0, 136.0);

        String other = login("t-inspector-b", "secret-inspector");
        problem(perform(get("/api/v1/patrol/tasks/" + mine), other), 404, "TASK_NOT_FOUND");
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=" + DAY), other)))
                .contains(planned.get(villageB1))
                .doesNotContain(mine, planned.get(villageA2));
        problem(
                perform(get("/api/v1/patrol/tasks/" + planned.get(villageA2)), token(Role.INSPECTOR)),
                404,
                "TASK_NOT_FOUND");
        problem(perform(get("/api/v1/patrol/tasks/no-such-task"), token(Role.OFFICER)), 404, "TASK_NOT_FOUND");
    }

    @Test
    void townsAndVillagesSeeTheirCellsAndTheBureauSeesAll() throws Exception {
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=" + DAY), token(Role.TOWN))))
                .contains(planned.get(villageA1), planned.get(villageA2))
                .doesNotContain(planned.get(villageB1));
        String townB = login("t-town-b", "secret-town");
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=" + DAY), townB)))
                .contains(planned.get(villageB1))
                .doesNotContain(planned.get(villageA1), planned.get(villageA2));
        problem(perform(get("/api/v1/patrol/tasks/" + planned.get(villageA1)), townB), 404, "TASK_NOT_FOUND");
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=" + DAY), token(Role.VILLAGE))))
                .contains(planned.get(villageA1))
                .doesNotContain(planned.get(villageA2), planned.get(villageB1));
        problem(
                perform(get("/api/v1/patrol/tasks/" + planned.get(villageA2)), token(Role.VILLAGE)),
                404,
                "TASK_NOT_FOUND");
        for (Role bureau : List.of(Role.OFFICER, Role.ADMIN, Role.LEADER)) {
            assertThat(ids(ok(get("/api/v1/patrol/tasks?date=" + DAY), token(bureau))))
                    .containsAll(planned.values());
        }
        // filters: a cell (a town's prefix works too), a status
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=" + DAY + "&cell=" + townA), token(Role.OFFICER))))
                .contains(planned.get(villageA1), planned.get(villageA2))
                .doesNotContain(planned.get(villageB1));
        JsonNode open =
                ok(get("/api/v1/patrol/tasks?date=" + DAY + "&status=OPEN&cell=" + villageB1), token(Role.OFFICER));
        open.forEach(t -> assertThat(t.path("status").asString()).isEqualTo("OPEN"));
        problem(perform(get("/api/v1/patrol/tasks"), token(Role.POLICE)), 403, "FORBIDDEN");
        problem(perform(get("/api/v1/patrol/tasks?date=2030-02-30"), token(Role.OFFICER)), 400, "DATE_INVALID");
        problem(perform(get("/api/v1/patrol/tasks?status=LATE"), token(Role.OFFICER)), 400, "STATUS_UNKNOWN");
        problem(perform(get("/api/v1/patrol/tasks?cell=abc"), token(Role.OFFICER)), 400, "PARAMETER_INVALID");
    }

    @Test
    void officersAndTownsAddManualTasksInTheirScope() throws Exception {
        String parcel = jdbc.sql("SELECT id FROM farmland_parcel WHERE grid_code = ? ORDER BY id")
                .param(villageA1)
                .query(String.class)
                .list()
                .get(0);
        Geometry g = geometry("farmland_parcel", parcel);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gridCode", villageA1);
        body.put("date", "2030-05-02");
        body.put("assignee", "t-inspector");
        body.put(
                "area",
                GeoJsonGeometries.lonLat(
                        g.buffer(30).getEnvelope(), counties.require().crs()));
        body.put(
                "targets",
                List.of(
                        Map.of("type", "PARCEL", "id", parcel),
                        Map.of("type", "APPROVAL", "location", Map.of("lon", 117.1, "lat", 36.2), "priority", 5)));
        body.put("note", "群众举报后复核");
        var created = mvc.perform(post("/api/v1/patrol/tasks")
                        .header("Authorization", bearer(token(Role.OFFICER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode task = JSON.readTree(created.getContentAsString(StandardCharsets.UTF_8));
        assertThat(created.getHeader("Location")).endsWith(task.path("id").asString());
        assertThat(task.path("kind").asString()).isEqualTo("MANUAL");
        assertThat(task.path("status").asString()).isEqualTo("OPEN");
        assertThat(task.path("dueDate").asString()).isEqualTo("2030-05-02");
        assertThat(task.path("note").asString()).isEqualTo("群众举报后复核");
        assertThat(task.path("targets").get(0).path("id").asString()).isEqualTo(parcel);
        assertThat(task.path("targets").get(0).path("location").path("lon").asDouble())
                .isBetween(73.0, 136.0);
        // the area is the given one, clipped to the cell: it holds the parcel
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patrol_task t, farmland_parcel p WHERE t.id = ? AND p.id = ?"
                                + " AND ST_Intersects(t.area, p.geom)")
                        .params(task.path("id").asString(), parcel)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // the inspector sees it
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=2030-05-02&assignee=me"), token(Role.INSPECTOR))))
                .contains(task.path("id").asString());

        // a town officer in another town's village: not found; an inspector may not create tasks at all
        Map<String, Object> inB = Map.of("gridCode", villageB1, "date", "2030-05-02");
        problem(postJson("/api/v1/patrol/tasks", inB, token(Role.TOWN)), 404, "CELL_NOT_FOUND");
        problem(
                postJson(
                        "/api/v1/patrol/tasks",
                        Map.of("gridCode", villageA1, "date", "2030-05-02"),
                        token(Role.INSPECTOR)),
                403,
                "FORBIDDEN");
        // the town may in its own villages, default assignee and area
        var townTask = postJson(
                        "/api/v1/patrol/tasks", Map.of("gridCode", villageA2, "date", "2030-05-02"), token(Role.TOWN))
                .andReturn()
                .getResponse();
        assertThat(townTask.getStatus()).as(townTask.getContentAsString()).isEqualTo(201);
        assertThat(JSON.readTree(townTask.getContentAsString()).path("assignee").asString())
                .isEqualTo("t-inspector-a2");
        // assignee not an inspector of the cell
        for (String who : List.of("t-inspector-b", "t-officer", "nobody")) {
            problem(
                    postJson(
                            "/api/v1/patrol/tasks",
                            Map.of("gridCode", villageA1, "date", "2030-05-02", "assignee", who),
                            token(Role.OFFICER)),
                    422,
                    "ASSIGNEE_NOT_INSPECTOR");
        }
        problem(
                postJson(
                        "/api/v1/patrol/tasks",
                        Map.of("gridCode", villageA1, "date", "02/05/2030"),
                        token(Role.OFFICER)),
                400,
                "DATE_INVALID");
        problem(
                postJson("/api/v1/patrol/tasks", Map.of("gridCode", villageA1), token(Role.OFFICER)),
                400,
                "PARAMETER_MISSING");
        problem(
                postJson(
                        "/api/v1/patrol/tasks",
                        Map.of("gridCode", villageA1, "date", "2030-05-02", "dueDate", "2030-05-01"),
                        token(Role.OFFICER)),
                422,
                "DUE_BEFORE_DATE");
        problem(
                postJson("/api/v1/patrol/tasks", Map.of("gridCode", townA, "date", "2030-05-02"), token(Role.OFFICER)),
                422,
                "CELL_NOT_VILLAGE");
        problem(
                postJson(
                        "/api/v1/patrol/tasks",
                        Map.of("gridCode", "999999999999", "date", "2030-05-02"),
                        token(Role.OFFICER)),
                404,
                "CELL_NOT_FOUND");
        // an area in another village does not overlap the cell
        String parcelB = jdbc.sql("SELECT p.id FROM farmland_parcel p, grid_cell c WHERE p.grid_code = ? AND c.code = ?"
                        + " ORDER BY ST_Distance(p.geom, c.geom) DESC, p.id")
                .params(villageB1, villageA1)
                .query(String.class)
                .list()
                .get(0);
        Map<String, Object> outside = new LinkedHashMap<>(Map.of("gridCode", villageA1, "date", "2030-05-02"));
        outside.put(
                "area",
                GeoJsonGeometries.lonLat(
                        geometry("farmland_parcel", parcelB), counties.require().crs()));
        problem(postJson("/api/v1/patrol/tasks", outside, token(Role.OFFICER)), 422, "AREA_OUTSIDE_CELL");
        Map<String, Object> badTarget = new LinkedHashMap<>(Map.of("gridCode", villageA1, "date", "2030-05-02"));
        badTarget.put("targets", List.of(Map.of("type", "TREE", "id", "x")));
        problem(postJson("/api/v1/patrol/tasks", badTarget, token(Role.OFFICER)), 422, "TARGET_INVALID");
        badTarget.put("targets", List.of(Map.of("type", "PARCEL", "id", parcelB)));
        problem(postJson("/api/v1/patrol/tasks", badTarget, token(Role.OFFICER)), 422, "TARGET_NOT_FOUND");
    }

    @Test
    void statusMovesOnlyAlongTheAllowedTransitions() throws Exception {
        String inspector = token(Role.INSPECTOR);
        var created = postJson(
                        "/api/v1/patrol/tasks",
                        Map.of("gridCode", villageA1, "date", "2030-05-03", "assignee", "t-inspector"),
                        token(Role.OFFICER))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String id = JSON.readTree(created.getContentAsString()).path("id").asString();
        String path = "/api/v1/patrol/tasks/" + id + "/status";

        problem(postJson(path, Map.of("status", "IN_PROGRESS"), token(Role.OFFICER)), 403, "NOT_ASSIGNEE");
        problem(
                postJson(path, Map.of("status", "IN_PROGRESS"), login("t-inspector-a2", "secret-inspector")),
                404,
                "TASK_NOT_FOUND");
        problem(postJson(path, Map.of("status", "CANCELLED"), inspector), 403, "FORBIDDEN");
        problem(postJson(path, Map.of("status", "PAUSED"), inspector), 400, "STATUS_UNKNOWN");
        problem(postJson(path, Map.of("status", "OPEN"), inspector), 409, "STATUS_TRANSITION_INVALID");
        assertThat(status(postJson(path, Map.of("status", "IN_PROGRESS"), inspector)))
                .isEqualTo("IN_PROGRESS");
        // a repeated request (a phone retrying) changes nothing
        assertThat(status(postJson(path, Map.of("status", "IN_PROGRESS"), inspector)))
                .isEqualTo("IN_PROGRESS");
        assertThat(status(postJson(path, Map.of("status", "DONE"), inspector))).isEqualTo("DONE");
        problem(postJson(path, Map.of("status", "IN_PROGRESS"), inspector), 409, "STATUS_TRANSITION_INVALID");
        problem(postJson(path, Map.of("status", "CANCELLED"), token(Role.OFFICER)), 409, "STATUS_TRANSITION_INVALID");
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=2030-05-03&status=DONE"), inspector)))
                .contains(id);
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=2030-05-03&status=OPEN"), inspector)))
                .doesNotContain(id);

        // an officer cancels an open task; then nothing moves it
        var second = postJson(
                        "/api/v1/patrol/tasks",
                        Map.of("gridCode", villageA1, "date", "2030-05-03"),
                        token(Role.OFFICER))
                .andReturn()
                .getResponse();
        String other = JSON.readTree(second.getContentAsString()).path("id").asString();
        String otherPath = "/api/v1/patrol/tasks/" + other + "/status";
        assertThat(status(postJson(otherPath, Map.of("status", "CANCELLED"), token(Role.OFFICER))))
                .isEqualTo("CANCELLED");
        problem(postJson(otherPath, Map.of("status", "DONE"), inspector), 409, "STATUS_TRANSITION_INVALID");
        problem(
                postJson(otherPath, Map.of("status", "CANCELLED"), login("t-town-b", "secret-town")),
                404,
                "TASK_NOT_FOUND");
    }

    private Geometry geometry(String table, String id) throws Exception {
        byte[] wkb = jdbc.sql("SELECT ST_AsBinary(geom) FROM " + table + " WHERE id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        Geometry g = new WKBReader(WorkingPrecision.factory(counties.require().crs())).read(wkb);
        g.setSRID(counties.require().crs().epsg());
        return g;
    }

    private String status(ResultActions r) throws Exception {
        MockHttpServletResponse response = r.andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString()).path("status").asString();
    }

    private ResultActions postJson(String path, Object body, String token) throws Exception {
        return mvc.perform(post(path)
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }
}
