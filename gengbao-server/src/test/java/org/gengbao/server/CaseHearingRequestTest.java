package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.gengbao.server.accounts.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The party's hearing request after the notice of the proposed penalty (Administrative Penalty Law art. 63–65): it is
 * recorded only when the notice offered a hearing and only dated within the period for it; while it is pending
 * (neither held, nor withdrawn, nor waived in writing) the decision is refused; a held or withdrawn request lets the
 * decision follow (after a withdrawal, once the statement period is over); the available actions follow these rules.
 */
class CaseHearingRequestTest extends CaseTestSupport {

    private static JsonNode deadline(JsonNode c, String step) {
        JsonNode found = null;
        for (JsonNode d : c.path("deadlines")) {
            if (d.path("step").asString().equals(step)) {
                found = d;
            }
        }
        assertThat(found).as("deadline %s in %s", step, c.path("deadlines")).isNotNull();
        return found;
    }

    /** A new case taken to the notice of the proposed penalty {@code notifiedAgo} days ago. */
    private String notified(int notifiedAgo, boolean hearingOffered) throws Exception {
        String id = openCase(newClue()).path("id").asString();
        verify(id, notifiedAgo + 4);
        file(id, notifiedAgo + 3, idNumber("37130219800505123"));
        survey(id, notifiedAgo + 2);
        notifyPenalty(id, notifiedAgo, Math.ceil(fineRange(id)[0]), hearingOffered);
        return id;
    }

    private JsonNode view(String id) throws Exception {
        return json(getJson(token(Role.OFFICER), "/api/v1/cases/" + id));
    }

    private static ObjectNode request(int daysAgo) {
        return data().put("requestedOn", ago(daysAgo)).put("requestedBy", "王某某").put("note", "当事人书面申请听证");
    }

    private static ObjectNode withdrawal(int daysAgo) {
        return data().put("withdrawnOn", ago(daysAgo)).put("party", "王某某").put("statement", "本人撤回听证申请");
    }

    private static ObjectNode hearing(int requestedAgo, int heldAgo) {
        return data().put("requestedOn", ago(requestedAgo))
                .put("heldOn", ago(heldAgo))
                .put("presidedBy", "法制科科长")
                .put("summary", "当事人对事实无异议");
    }

    private ObjectNode decisionToday(String id) throws Exception {
        return decision(0, -15, Math.ceil(fineRange(id)[0]));
    }

    private long events(String caseId, String action) {
        return count("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND action = ?", caseId, action);
    }

    @Test
    void aRequestedHearingIsHeldBeforeTheDecision() throws Exception {
        String officer = token(Role.OFFICER);
        // notified 12 days ago with the right to a hearing: the five days for a request ended a week ago
        String id = notified(12, true);
        JsonNode c = view(id);
        assertThat(available(c))
                .contains("RECORD_HEARING_REQUEST", "HOLD_HEARING", "DECIDE_PENALTY")
                .doesNotContain("RECORD_HEARING_WITHDRAWAL");

        // the party asked in time (the request arrived by post and is recorded now)
        c = ok(officer, id, "RECORD_HEARING_REQUEST", request(9));
        assertThat(c.path("status").asString()).isEqualTo("NOTIFIED");
        assertThat(deadline(c, "HEARING").path("state").asString()).isEqualTo("OPEN");
        assertThat(deadline(c, "HEARING").path("dueOn").asString())
                .isEqualTo(today().minusDays(9).plusDays(20).toString());
        assertThat(available(c))
                .contains("HOLD_HEARING", "RECORD_HEARING_WITHDRAWAL")
                .doesNotContain("RECORD_HEARING_REQUEST", "DECIDE_PENALTY");

        // the statement period is over, but the requested hearing was not held: no decision
        JsonNode refused = problem(act(officer, id, "DECIDE_PENALTY", decisionToday(id)), 409, "CASE_STEP_NOT_DUE");
        assertThat(refused.path("guard").asString()).isEqualTo("NO_HEARING_PENDING");
        assertThat(refused.at("/messages/zh").asString()).contains("应当先举行听证");
        assertThat(refused.at("/messages/en").asString()).contains("must be held first");
        // one request at a time
        JsonNode again = problem(act(officer, id, "RECORD_HEARING_REQUEST", request(8)), 409, "CASE_STEP_NOT_DUE");
        assertThat(again.path("guard").asString()).isEqualTo("NO_HEARING_PENDING");
        assertThat(events(id, "RECORD_HEARING_REQUEST")).isEqualTo(1);
        assertThat(events(id, "DECIDE_PENALTY")).isZero();

        // the hearing answers the recorded request: its requestedOn must be that request's date
        JsonNode mismatch = problem(act(officer, id, "HOLD_HEARING", hearing(10, 1)), 422, "CASE_DATA_INVALID");
        assertThat(mismatch.path("field").asString()).isEqualTo("/data/requestedOn");
        assertThat(mismatch.path("expected").asString()).isEqualTo(ago(9));
        c = ok(officer, id, "HOLD_HEARING", hearing(9, 1));
        assertThat(deadline(c, "HEARING").path("state").asString()).isEqualTo("MET");
        assertThat(available(c))
                .contains("DECIDE_PENALTY")
                .doesNotContain("RECORD_HEARING_REQUEST", "RECORD_HEARING_WITHDRAWAL");

        c = ok(officer, id, "DECIDE_PENALTY", decisionToday(id));
        assertThat(c.path("status").asString()).isEqualTo("DECIDED");
    }

    @Test
    void aWithdrawnRequestOwesNoHearingButTheStatementPeriodStillRuns() throws Exception {
        String officer = token(Role.OFFICER);
        // notified 10 days ago: the period for a request ended 5 days ago
        String lapsed = notified(10, true);
        ok(officer, lapsed, "RECORD_HEARING_REQUEST", request(8));
        JsonNode c = ok(officer, lapsed, "RECORD_HEARING_WITHDRAWAL", withdrawal(6));
        assertThat(deadline(c, "HEARING").path("state").asString()).isEqualTo("MET");
        assertThat(available(c)).contains("DECIDE_PENALTY").doesNotContain("RECORD_HEARING_WITHDRAWAL");
        c = ok(officer, lapsed, "DECIDE_PENALTY", decisionToday(lapsed));
        assertThat(c.path("status").asString()).isEqualTo("DECIDED");

        // notified today: after the withdrawal the decision still waits for the party's period
        String running = notified(0, true);
        ok(officer, running, "RECORD_HEARING_REQUEST", request(0));
        c = ok(officer, running, "RECORD_HEARING_WITHDRAWAL", withdrawal(0));
        assertThat(available(c)).contains("RECORD_HEARING_REQUEST").doesNotContain("DECIDE_PENALTY");
        JsonNode early =
                problem(act(officer, running, "DECIDE_PENALTY", decisionToday(running)), 409, "CASE_STEP_NOT_DUE");
        assertThat(early.path("guard").asString()).isEqualTo("STATEMENT_PERIOD_ENDED");
        // a withdrawal needs a pending request
        JsonNode nothing =
                problem(act(officer, running, "RECORD_HEARING_WITHDRAWAL", withdrawal(0)), 409, "CASE_STEP_NOT_DUE");
        assertThat(nothing.path("guard").asString()).isEqualTo("HEARING_PENDING");
    }

    @Test
    void aWrittenWaiverGivesUpAPendingRequest() throws Exception {
        String officer = token(Role.OFFICER);
        String id = notified(0, true);
        ok(officer, id, "RECORD_HEARING_REQUEST", request(0));
        JsonNode c = ok(
                officer,
                id,
                "RECORD_WAIVER",
                data().put("waivedOn", ago(0)).put("party", "王某某").put("statement", "本人放弃陈述、申辩和听证"));
        assertThat(deadline(c, "HEARING").path("state").asString()).isEqualTo("MET");
        assertThat(available(c))
                .contains("DECIDE_PENALTY")
                .doesNotContain("RECORD_HEARING_REQUEST", "RECORD_HEARING_WITHDRAWAL");
        ok(officer, id, "DECIDE_PENALTY", decisionToday(id));
    }

    @Test
    void aLateRequestIsRefused() throws Exception {
        String officer = token(Role.OFFICER);
        // notified 10 days ago: a request could be made until 5 days ago
        String id = notified(10, true);
        JsonNode late = problem(act(officer, id, "RECORD_HEARING_REQUEST", request(4)), 422, "CASE_DATA_INVALID");
        assertThat(late.path("field").asString()).isEqualTo("/data/requestedOn");
        assertThat(late.path("latest").asString()).isEqualTo(ago(5));
        assertThat(late.at("/messages/zh").asString()).contains("已超过申请听证的期限", "视为放弃听证");
        assertThat(late.at("/messages/en").asString()).contains("is late");
        assertThat(events(id, "RECORD_HEARING_REQUEST")).isZero();
        // a hearing for a late request is refused alike
        JsonNode lateHearing = problem(act(officer, id, "HOLD_HEARING", hearing(4, 1)), 422, "CASE_DATA_INVALID");
        assertThat(lateHearing.path("latest").asString()).isEqualTo(ago(5));
        // the last day of the period is still in time
        JsonNode c = ok(officer, id, "RECORD_HEARING_REQUEST", request(5));
        assertThat(available(c)).doesNotContain("DECIDE_PENALTY");
    }

    @Test
    void noRequestWhenTheNoticeOfferedNoHearing() throws Exception {
        String officer = token(Role.OFFICER);
        String id = notified(1, false);
        JsonNode c = view(id);
        assertThat(available(c))
                .contains("RECORD_WAIVER")
                .doesNotContain("RECORD_HEARING_REQUEST", "RECORD_HEARING_WITHDRAWAL", "HOLD_HEARING");
        JsonNode refused = problem(act(officer, id, "RECORD_HEARING_REQUEST", request(0)), 409, "CASE_STEP_NOT_DUE");
        assertThat(refused.path("guard").asString()).isEqualTo("HEARING_OFFERED");
        assertThat(events(id, "RECORD_HEARING_REQUEST")).isZero();
    }

    @Test
    void theWorkflowListsTheNewActionsWithTheirSchemas() throws Exception {
        JsonNode w = json(getJson(token(Role.OFFICER), "/api/v1/cases/workflow"));
        JsonNode request = null;
        JsonNode withdrawal = null;
        for (JsonNode a : w.path("actions")) {
            switch (a.path("action").asString()) {
                case "RECORD_HEARING_REQUEST" -> request = a;
                case "RECORD_HEARING_WITHDRAWAL" -> withdrawal = a;
                default -> {}
            }
        }
        assertThat(request).as(w.toString()).isNotNull();
        assertThat(withdrawal).as(w.toString()).isNotNull();
        assertThat(request.path("titleZh").asString()).isEqualTo("当事人申请听证");
        assertThat(request.at("/schema/required").toString()).contains("requestedOn", "requestedBy");
        assertThat(request.at("/schema/properties/requestedOn/format").asString())
                .isEqualTo("date");
        assertThat(request.at("/schema/properties/note/title").asString()).isEqualTo("备注");
        assertThat(withdrawal.at("/schema/required").toString()).contains("withdrawnOn", "party", "statement");
        assertThat(request.path("roles").toString()).contains("OFFICER").doesNotContain("COURT");
    }
}
