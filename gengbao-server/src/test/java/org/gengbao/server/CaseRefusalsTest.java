package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** What the case API refuses (issue 5): steps out of order, roles, data and places outside the caller's scope. */
class CaseRefusalsTest extends CaseTestSupport {
    @Autowired
    AuditVerifier verifier;

    @Test
    void wrongStepsRolesDataAndPlacesAreRefused() throws Exception {
        String clueId = newClue();
        String id = openCase(clueId).path("id").asString();
        String officer = token(Role.OFFICER);
        problem(act(officer, id, "FILE", data()), 409, "CASE_ACTION_NOT_ALLOWED");
        problem(act(officer, id, "CLOSE", data()), 409, "CASE_ACTION_NOT_ALLOWED");
        problem(act(token(Role.TOWN), id, "VERIFY", data()), 403, "CASE_ACTION_ROLE");
        problem(act(token(Role.INSPECTOR), id, "VERIFY", data()), 403, "FORBIDDEN");
        JsonNode unknown = problem(act(officer, id, "MAKE_TEA", data()), 422, "CASE_DATA_INVALID");
        assertThat(unknown.path("field").asString()).isEqualTo("/action");

        // another town, the court and an unknown id: not found
        String townB = login("t-town-b", "secret-town");
        problem(getJson(townB, "/api/v1/cases/" + id), 404, "CASE_NOT_FOUND");
        problem(act(townB, id, "VERIFY", data()), 404, "CASE_NOT_FOUND");
        problem(getJson(token(Role.COURT), "/api/v1/cases/" + id), 404, "CASE_NOT_FOUND");
        problem(getJson(officer, "/api/v1/cases/" + newId()), 404, "CASE_NOT_FOUND");
        assertThat(json(getJson(townB, "/api/v1/cases?size=200")).path("items").toString())
                .doesNotContain(id);
        assertThat(json(getJson(token(Role.TOWN), "/api/v1/cases?size=200"))
                        .path("items")
                        .toString())
                .contains(id);
        assertThat(available(json(getJson(token(Role.TOWN), "/api/v1/cases/" + id))))
                .isEmpty();

        // invalid data names the failing field
        String[][] cases = {
            {"{\"result\":\"CONFIRMED\",\"verifiedOn\":\"2026-01-01\",\"verifiedBy\":\"张三\"}", "/data/findings"},
            {
                "{\"result\":\"PERHAPS\",\"verifiedOn\":\"2026-01-01\",\"verifiedBy\":\"张三\",\"findings\":\"x\"}",
                "/data/result"
            },
            {
                "{\"result\":\"CONFIRMED\",\"verifiedOn\":\"1.1.2026\",\"verifiedBy\":\"张三\",\"findings\":\"x\"}",
                "/data/verifiedOn"
            },
            {
                "{\"result\":\"CONFIRMED\",\"verifiedOn\":\"2026-01-01\",\"verifiedBy\":\"张三\",\"findings\":\"\"}",
                "/data/findings"
            },
            {
                "{\"result\":\"CONFIRMED\",\"verifiedOn\":\"2026-01-01\",\"verifiedBy\":\"张三\",\"findings\":\"x\",\"extra\":1}",
                "/data/extra"
            },
            {
                "{\"result\":\"CONFIRMED\",\"verifiedOn\":\"" + today().plusDays(3)
                        + "\",\"verifiedBy\":\"张三\",\"findings\":\"x\"}",
                "/data/verifiedOn"
            },
            {"{\"result\":7,\"verifiedOn\":\"2026-01-01\",\"verifiedBy\":\"张三\",\"findings\":\"x\"}", "/data/result"},
            {"[1]", "/data"},
        };
        for (String[] t : cases) {
            JsonNode p = problem(actRaw(officer, id, "VERIFY", t[0]), 422, "CASE_DATA_INVALID");
            assertThat(p.path("field").asString()).as(t[0]).isEqualTo(t[1]);
        }
        // in English the refusal names the field by its English title, in Chinese by its Chinese one
        JsonNode badDate = problem(
                mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                        .header("Authorization", bearer(officer))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"VERIFY\",\"data\":" + cases[2][0] + "}")),
                422,
                "CASE_DATA_INVALID");
        assertThat(badDate.path("detail").asString())
                .isEqualTo("/data/verifiedOn: “Verified on” must be a date YYYY-MM-DD");
        assertThat(badDate.at("/messages/zh").asString()).isEqualTo("/data/verifiedOn：“核查日期”应为日期 YYYY-MM-DD");
        JsonNode missing = problem(
                mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                        .header("Authorization", bearer(officer))
                        .header("Accept-Language", "en-GB,en;q=0.9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"VERIFY\",\"data\":" + cases[0][0] + "}")),
                422,
                "CASE_DATA_INVALID");
        assertThat(missing.path("detail").asString()).isEqualTo("/data/findings: “Findings on site” is required");
        assertThat(json(getJson(officer, "/api/v1/cases/" + id)).path("timeline"))
                .hasSize(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'CASE_VERIFY' AND result = 'REJECTED' AND target = ?",
                        "case/" + id))
                .isGreaterThanOrEqualTo(cases.length);

        // dismissed on verification: the case ends and so does the clue
        JsonNode c = ok(
                officer,
                id,
                "VERIFY",
                data().put("result", "DISMISSED")
                        .put("verifiedOn", ago(0))
                        .put("verifiedBy", "张三")
                        .put("findings", "经核查为设施农用地，已备案"));
        assertThat(c.path("status").asString()).isEqualTo("DISMISSED");
        assertThat(json(getJson(officer, "/api/v1/clues/" + clueId))
                        .path("status")
                        .asString())
                .isEqualTo("DISMISSED");
        assertThat(available(c)).containsExactly("ARCHIVE");
        problem(postJson(officer, "/api/v1/cases", JSON.createObjectNode().put("clueId", clueId)), 409, "CLUE_CLOSED");
        problem(
                postJson(officer, "/api/v1/cases", JSON.createObjectNode().put("clueId", newId())),
                404,
                "CLUE_NOT_FOUND");
        problem(
                postJson(
                        token(Role.TOWN),
                        "/api/v1/cases",
                        JSON.createObjectNode().put("clueId", newClue())),
                403,
                "FORBIDDEN");
        assertThat(verifier.verify().intact()).isTrue();
    }
}
