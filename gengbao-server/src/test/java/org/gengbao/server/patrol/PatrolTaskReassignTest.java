package org.gengbao.server.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.PatrolTestSupport;
import org.gengbao.server.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reassigning a task ({@code POST /api/v1/patrol/tasks/{id}/assignee}): officers and the town move an open or started
 * task to another inspector of its village, who then sees it (and its package) while the former one does not; the
 * checks (role, scope, eligibility, status, the guard against concurrent changes), the audit entry, and the former
 * inspector's records made before the handover. Every test makes its own tasks (dates of 2031-07 no other test uses)
 * and its own extra inspector.
 */
class PatrolTaskReassignTest extends PatrolTestSupport {
    @Autowired
    PatrolTasks tasks;

    @Test
    void anOfficerHandsAStartedTaskToAnotherInspectorWhoThenSeesItAndTheFormerOneDoesNot() throws Exception {
        String date = "2031-07-01";
        String stand = extraInspector(villageA1, "t-stand");
        String standToken = login(stand, "secret-inspector");
        String inspector = token(Role.INSPECTOR);
        String id = task(date);
        assertThat(status(post("/api/v1/patrol/tasks/" + id + "/status"), Map.of("status", "IN_PROGRESS"), inspector))
                .isEqualTo(200);
        JsonNode before = ok(get("/api/v1/patrol/tasks/" + id), token(Role.OFFICER));
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=" + date + "&assignee=me"), standToken)))
                .doesNotContain(id);

        // whom it may be given to: the current inspector (marked) and the stand-in, not an inspector of another cell
        JsonNode candidates = ok(get("/api/v1/patrol/tasks/" + id + "/inspectors"), token(Role.OFFICER));
        List<String> names = new java.util.ArrayList<>();
        candidates.forEach(c -> names.add(c.path("username").asString()));
        assertThat(names).contains("t-inspector", stand).doesNotContain("t-inspector-a2", "t-inspector-b");
        candidates.forEach(c -> assertThat(c.path("current").asBoolean())
                .as(c.toString())
                .isEqualTo(c.path("username").asString().equals("t-inspector")));
        problem(
                perform(get("/api/v1/patrol/tasks/" + id + "/inspectors"), login("t-town-b", "secret-town")),
                404,
                "TASK_NOT_FOUND");
        assertThat(perform(get("/api/v1/patrol/tasks/" + id + "/inspectors"), inspector)
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        JsonNode moved = reassign(id, Map.of("assignee", stand, "reason", "原巡查员生病"), token(Role.OFFICER));
        assertThat(moved.path("id").asString()).isEqualTo(id);
        assertThat(moved.path("assignee").asString()).isEqualTo(stand);
        assertThat(moved.path("status").asString()).as("the status stays").isEqualTo("IN_PROGRESS");
        assertThat(OffsetDateTime.parse(moved.path("updatedAt").asString()))
                .isAfter(OffsetDateTime.parse(before.path("updatedAt").asString()));

        // the new inspector sees it, its package, and may finish it; the former one sees none of it
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=" + date + "&assignee=me"), standToken)))
                .containsExactly(id);
        assertThat(ids(ok(get("/api/v1/patrol/tasks?date=" + date + "&assignee=me"), inspector)))
                .doesNotContain(id);
        problem(perform(get("/api/v1/patrol/tasks/" + id), inspector), 404, "TASK_NOT_FOUND");
        problem(perform(get("/api/v1/patrol/tasks/" + id + "/package"), inspector), 404, "TASK_NOT_FOUND");
        problem(perform(get("/api/v1/patrol/tasks/" + id + "/package/version"), inspector), 404, "TASK_NOT_FOUND");
        MockHttpServletResponse pkg = perform(get("/api/v1/patrol/tasks/" + id + "/package"), standToken)
                .andReturn()
                .getResponse();
        assertThat(pkg.getStatus()).as(pkg.getContentAsString()).isEqualTo(200);
        assertThat(pkg.getContentAsString(StandardCharsets.UTF_8)).contains(stand);
        problem(
                perform(post("/api/v1/patrol/tasks/" + id + "/status"), Map.of("status", "DONE"), inspector),
                404,
                "TASK_NOT_FOUND");
        assertThat(status(post("/api/v1/patrol/tasks/" + id + "/status"), Map.of("status", "DONE"), standToken))
                .isEqualTo(200);

        // audited with who, from whom to whom and why, and the handover noted
        List<Map<String, String>> audit = audit(id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor")).isEqualTo("t-officer");
        assertThat(audit.get(0).get("details")).isEqualTo("t-inspector -> " + stand + ": 原巡查员生病");
        assertThat(count(
                        "SELECT COUNT(*) FROM patrol_task_handover WHERE task_id = ? AND from_assignee = ?"
                                + " AND to_assignee = ? AND handed_by = 't-officer' AND reason = '原巡查员生病'",
                        id,
                        "t-inspector",
                        stand))
                .isEqualTo(1);
    }

    @Test
    void theTownReassignsInItsVillagesOnlyAndInspectorsNever() throws Exception {
        String stand = extraInspector(villageA1, "t-stand");
        String id = task("2031-07-02");
        problem(perform(post(path(id)), Map.of("assignee", stand), token(Role.INSPECTOR)), 403, "FORBIDDEN");
        problem(perform(post(path(id)), Map.of("assignee", stand), token(Role.VILLAGE)), 403, "FORBIDDEN");
        problem(perform(post(path(id)), Map.of("assignee", stand), login(stand, "secret-inspector")), 403, "FORBIDDEN");
        problem(
                perform(post(path(id)), Map.of("assignee", stand), login("t-town-b", "secret-town")),
                404,
                "TASK_NOT_FOUND");
        problem(
                perform(post(path("no-such-task")), Map.of("assignee", stand), token(Role.OFFICER)),
                404,
                "TASK_NOT_FOUND");
        assertThat(assignee(id)).isEqualTo("t-inspector");
        assertThat(audit(id)).isEmpty();

        // the town of the village may, without a reason
        JsonNode moved = reassign(id, Map.of("assignee", stand), token(Role.TOWN));
        assertThat(moved.path("assignee").asString()).isEqualTo(stand);
        assertThat(moved.path("status").asString()).isEqualTo("OPEN");
        assertThat(audit(id)).hasSize(1);
        assertThat(audit(id).get(0).get("details")).isEqualTo("t-inspector -> " + stand);
        assertThat(audit(id).get(0).get("actor")).isEqualTo("t-town");
        // and back again
        assertThat(reassign(id, Map.of("assignee", "t-inspector", "reason", "已康复"), token(Role.ADMIN))
                        .path("assignee")
                        .asString())
                .isEqualTo("t-inspector");
    }

    @Test
    void onlyAnEligibleInspectorOfTheCellMayTakeATaskOver() throws Exception {
        String id = task("2031-07-03");
        String officer = token(Role.OFFICER);
        String disabled = extraInspector(villageA1, "t-gone");
        org.gengbao.server.audit.AuditLog.asCommandLine("test", () -> accounts.setDisabled(disabled, true));
        // an inspector of another village, of another town, an officer, an unknown name, a disabled account
        for (String who : List.of("t-inspector-a2", "t-inspector-b", "t-officer", "nobody", disabled)) {
            problem(perform(post(path(id)), Map.of("assignee", who), officer), 422, "ASSIGNEE_NOT_INSPECTOR");
        }
        problem(perform(post(path(id)), Map.of("reason", "x"), officer), 400, "PARAMETER_MISSING");
        problem(perform(post(path(id)), Map.of("assignee", " "), officer), 400, "PARAMETER_MISSING");
        problem(
                perform(
                        post(path(id)),
                        Map.of("assignee", extraInspector(villageA1, "t-stand"), "reason", "长".repeat(501)),
                        officer),
                422,
                "REASON_TOO_LONG");
        assertThat(assignee(id)).isEqualTo("t-inspector");
        assertThat(audit(id)).isEmpty();
    }

    @Test
    void theSameAssigneeAgainChangesNothing() throws Exception {
        String id = task("2031-07-04");
        JsonNode before = ok(get("/api/v1/patrol/tasks/" + id), token(Role.OFFICER));
        JsonNode same = reassign(id, Map.of("assignee", "t-inspector", "reason", "重复提交"), token(Role.OFFICER));
        assertThat(same.path("assignee").asString()).isEqualTo("t-inspector");
        assertThat(same.path("updatedAt").asString())
                .isEqualTo(before.path("updatedAt").asString());
        assertThat(audit(id)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM patrol_task_handover WHERE task_id = ?", id))
                .isZero();
    }

    @Test
    void doneAndCancelledTasksStayWithTheirInspector() throws Exception {
        String stand = extraInspector(villageA1, "t-stand");
        String done = task("2031-07-05");
        assertThat(status(
                        post("/api/v1/patrol/tasks/" + done + "/status"),
                        Map.of("status", "DONE"),
                        token(Role.INSPECTOR)))
                .isEqualTo(200);
        String cancelled = task("2031-07-05");
        assertThat(status(
                        post("/api/v1/patrol/tasks/" + cancelled + "/status"),
                        Map.of("status", "CANCELLED"),
                        token(Role.OFFICER)))
                .isEqualTo(200);
        for (String id : List.of(done, cancelled)) {
            JsonNode p = problem(
                    perform(post(path(id)), Map.of("assignee", stand), token(Role.OFFICER)),
                    409,
                    "TASK_NOT_REASSIGNABLE");
            assertThat(p.at("/messages/en").asString()).contains("OPEN and IN_PROGRESS");
            problem(
                    perform(post(path(id)), Map.of("assignee", "t-inspector"), token(Role.OFFICER)),
                    409,
                    "TASK_NOT_REASSIGNABLE");
            assertThat(assignee(id)).isEqualTo("t-inspector");
            assertThat(audit(id)).isEmpty();
        }
    }

    /** The store's guard: a reassignment read against an assignee or status that changed meanwhile writes nothing. */
    @Test
    void aReassignmentBasedOnAStaleReadWritesNothing() throws Exception {
        String stand = extraInspector(villageA1, "t-stand");
        String id = task("2031-07-06");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(tasks.reassign(id, "t-someone-else", stand, null, "t-officer", now))
                .isFalse();
        assertThat(assignee(id)).isEqualTo("t-inspector");
        assertThat(status(
                        post("/api/v1/patrol/tasks/" + id + "/status"),
                        Map.of("status", "DONE"),
                        token(Role.INSPECTOR)))
                .isEqualTo(200);
        assertThat(tasks.reassign(id, "t-inspector", stand, null, "t-officer", now))
                .isFalse();
        assertThat(assignee(id)).isEqualTo("t-inspector");
        assertThat(count("SELECT COUNT(*) FROM patrol_task_handover WHERE task_id = ?", id))
                .isZero();
    }

    /**
     * The former inspector's record of the task, started before the handover (made without signal, uploaded later), is
     * accepted and belongs to the task but does not complete it; one started after the handover is refused; the new
     * inspector's record completes it as usual.
     */
    @Test
    void theFormerInspectorsRecordMadeBeforeTheHandoverIsAccepted() throws Exception {
        String stand = extraInspector(villageA1, "t-stand");
        String id = task("2031-07-07");
        reassign(id, Map.of("assignee", stand, "reason", "原巡查员请假"), token(Role.OFFICER));
        // as if the handover had been four hours ago
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("UPDATE patrol_task_handover SET handed_at = ? WHERE task_id = ?")
                .params(now.minusHours(4), id)
                .update();
        String former = token(Role.INSPECTOR);

        Place place = nextPlace();
        ObjectNode before = record(now.minusHours(5), place.centre());
        before.put("taskId", id);
        String beforeId = newId();
        MockHttpServletResponse accepted = putRecord(former, beforeId, JSON.writeValueAsString(before))
                .andReturn()
                .getResponse();
        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(201);
        assertThat(count(
                        "SELECT COUNT(*) FROM patrol_record WHERE client_id = ? AND task_id = ? AND inspector = ?",
                        beforeId,
                        id,
                        "t-inspector"))
                .isEqualTo(1);
        assertThat(statusOf(id)).as("the task is the new inspector's to finish").isEqualTo("OPEN");
        // a retry answers from the stored record; the record stays the former inspector's to see
        assertThat(putRecord(former, beforeId, JSON.writeValueAsString(before))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        JsonNode view = ok(get("/api/v1/patrol/records/" + beforeId), former);
        assertThat(view.path("taskId").asString()).isEqualTo(id);

        ObjectNode after = record(now.minusHours(3), place.centre());
        after.put("taskId", id);
        problem(putRecord(former, newId(), JSON.writeValueAsString(after)), 409, "TASK_REASSIGNED");
        // an inspector who never had the task learns nothing about it
        problem(
                putRecord(login("t-inspector-a2", "secret-inspector"), newId(), JSON.writeValueAsString(before)),
                404,
                "TASK_NOT_FOUND");
        assertThat(statusOf(id)).isEqualTo("OPEN");

        // the new inspector's record completes it
        ObjectNode own = record(now.minusHours(2), place.centre());
        own.put("taskId", id);
        assertThat(putRecord(login(stand, "secret-inspector"), newId(), JSON.writeValueAsString(own))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        assertThat(statusOf(id)).isEqualTo("DONE");
    }

    /** A manual task of villageA1 on {@code date} for t-inspector, by the officer. */
    private String task(String date) throws Exception {
        MockHttpServletResponse r = perform(
                        post("/api/v1/patrol/tasks"),
                        Map.of("gridCode", villageA1, "date", date, "assignee", "t-inspector", "note", "改派测试"),
                        token(Role.OFFICER))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return JSON.readTree(r.getContentAsString()).path("id").asString();
    }

    private JsonNode reassign(String id, Map<String, String> body, String token) throws Exception {
        MockHttpServletResponse r =
                perform(post(path(id)), body, token).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private static String path(String id) {
        return "/api/v1/patrol/tasks/" + id + "/assignee";
    }

    private String assignee(String id) {
        return jdbc.sql("SELECT assignee FROM patrol_task WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String statusOf(String id) {
        return jdbc.sql("SELECT status FROM patrol_task WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private List<Map<String, String>> audit(String id) {
        return jdbc.sql("SELECT actor, details FROM audit_entry WHERE action = 'PATROL_TASK_REASSIGNED' AND target = ?"
                        + " ORDER BY seq")
                .param(id)
                .query((rs, i) -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("actor", rs.getString("actor"));
                    m.put("details", rs.getString("details"));
                    return m;
                })
                .list();
    }

    private int status(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            Object body,
            String token)
            throws Exception {
        MockHttpServletResponse r = perform(request, body, token).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isIn(200, 201);
        return r.getStatus();
    }

    private ResultActions perform(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            Object body,
            String token)
            throws Exception {
        return mvc.perform(request.header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }
}
