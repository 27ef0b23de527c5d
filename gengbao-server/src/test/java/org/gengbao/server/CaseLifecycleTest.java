package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditVerifier;
import org.gengbao.server.evidence.EvidenceStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Full case lifecycles through the API (issue 5): voluntary performance, refusal through court-ordered execution by the
 * town and the blacklist, criminal transfer, refused application; the timeline, deadlines, documents and the audit
 * chain afterwards. Refused steps, roles, data and places are in {@link CaseRefusalsTest}.
 */
class CaseLifecycleTest extends CaseTestSupport {
    @Autowired
    AuditVerifier verifier;

    @Autowired
    EvidenceStore evidence;

    private List<String> actions(JsonNode c) {
        List<String> out = new ArrayList<>();
        c.path("timeline").forEach(e -> out.add(e.path("action").asString()));
        return out;
    }

    private JsonNode deadline(JsonNode c, String step) {
        JsonNode found = null;
        for (JsonNode d : c.path("deadlines")) {
            if (d.path("step").asString().equals(step)) {
                found = d;
            }
        }
        assertThat(found).as("deadline %s in %s", step, c.path("deadlines")).isNotNull();
        return found;
    }

    /** Every document the event lists downloads as a PDF. */
    private void documentsOf(JsonNode event, String type) throws Exception {
        assertThat(event.path("documents")).as(event.toString()).hasSize(1);
        JsonNode d = event.at("/documents/0");
        assertThat(d.path("type").asString()).isEqualTo(type);
        assertThat(d.path("number").asString()).contains(String.valueOf(today().getYear()));
        var pdf = mvc.perform(get(d.path("href").asString()).header("Authorization", bearer(token(Role.OFFICER))))
                .andReturn()
                .getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 4, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF");
    }

    private JsonNode last(JsonNode c) {
        return c.path("timeline").get(c.path("timeline").size() - 1);
    }

    @Test
    void voluntaryPerformanceFromClueToArchive() throws Exception {
        String clueId = newClue();
        JsonNode c = openCase(clueId);
        String id = c.path("id").asString();
        assertThat(c.path("status").asString()).isEqualTo("NEW");
        assertThat(c.path("gridCode").asString()).isEqualTo(villageA1);
        assertThat(c.path("number").asString()).contains("〔" + today().getYear() + "〕");
        assertThat(c.path("clueIds").toString()).contains(clueId);
        assertThat(c.path("areaM2").asDouble()).isGreaterThan(300);
        assertThat(c.path("verdict").asString()).isNotBlank();
        assertThat(c.path("criminal").asBoolean()).isFalse();
        assertThat(c.at("/timeline/0/action").asString()).isEqualTo("CREATE");
        assertThat(c.at("/timeline/0/actor").asString()).isEqualTo("t-officer");
        assertThat(c.path("evidence").path("cluePhotos")).hasSize(1);
        JsonNode verifyDue = deadline(c, "VERIFY");
        assertThat(verifyDue.path("dueOn").asString())
                .isEqualTo(today().plusDays(7).toString());
        assertThat(verifyDue.path("state").asString()).isEqualTo("OPEN");
        assertThat(available(c)).containsExactly("VERIFY");
        JsonNode schema = c.at("/availableActions/0/schema");
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("required").toString()).contains("result", "verifiedOn", "findings");
        assertThat(schema.at("/properties/verifiedOn/format").asString()).isEqualTo("date");
        assertThat(schema.at("/properties/result/enum").toString()).contains("CONFIRMED", "DISMISSED");
        schema.path("properties")
                .forEach(p -> assertThat(p.path("title").asString()).containsPattern("\\p{IsHan}"));
        JsonNode clue = json(getJson(token(Role.OFFICER), "/api/v1/clues/" + clueId));
        assertThat(clue.path("status").asString()).isEqualTo("IN_CASE");

        // a second case of the same clue is refused
        problem(
                postJson(
                        token(Role.OFFICER),
                        "/api/v1/cases",
                        JSON.createObjectNode().put("clueId", clueId)),
                409,
                "CLUE_IN_CASE");

        c = verify(id, 2);
        assertThat(c.path("status").asString()).isEqualTo("VERIFIED");
        assertThat(deadline(c, "VERIFY").path("state").asString()).isEqualTo("MET");
        c = ok(
                token(Role.OFFICER),
                id,
                "WARNING_INTERVIEW",
                data().put("interviewedOn", ago(2))
                        .put("interviewee", "王某某")
                        .put("interviewers", "张三、公安驻局民警李警官")
                        .put("content", "告知其行为涉嫌违法，应立即停止"));
        documentsOf(last(c), "WARNING_INTERVIEW_RECORD");
        assertThat(c.path("status").asString()).isEqualTo("VERIFIED");
        c = stopOrder(id, 2);
        documentsOf(last(c), "STOP_ORDER");
        assertThat(deadline(c, "STOP_COMPLIANCE").path("dueOn").asString())
                .isEqualTo(today().plusDays(1).toString());
        String idNo = idNumber("37130219800101123");
        c = file(id, 1, idNo);
        documentsOf(last(c), "FILING_FORM");
        assertThat(c.path("status").asString()).isEqualTo("FILED");
        assertThat(deadline(c, "STOP_COMPLIANCE").path("state").asString()).isEqualTo("MET");
        assertThat(c.at("/party/name").asString()).isEqualTo("王某某");
        assertThat(c.at("/party/idNumber").asString())
                .isEqualTo(idNo.substring(0, 4) + "**********" + idNo.substring(14));
        assertThat(c.toString()).doesNotContain(idNo);
        JsonNode full = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + id + "?purpose=核对当事人身份"));
        assertThat(full.at("/party/idNumber").asString()).isEqualTo(idNo);
        problem(getJson(token(Role.LEADER), "/api/v1/cases/" + id + "?purpose=看看"), 403, "FULL_VIEW_FORBIDDEN");

        // notice before any survey: not yet
        problem(
                act(token(Role.OFFICER), id, "NOTIFY_PENALTY", data().put("notifiedOn", ago(1))),
                409,
                "CASE_ACTION_NOT_ALLOWED");
        // before the survey the fine range rests on the analysed area
        JsonNode analysed = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + id + "/penalty-options"));
        assertThat(analysed.path("areaSource").asString()).isEqualTo("ANALYSIS");
        assertThat(analysed.path("areaM2").asDouble())
                .isCloseTo(c.path("areaM2").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        c = survey(id, 1);
        documentsOf(last(c), "SURVEY_RECORD");
        c = ok(
                token(Role.OFFICER),
                id,
                "RECORD_INQUIRY",
                data().put("inquiredOn", ago(1))
                        .put("interviewee", "王某某")
                        .put("inquirers", "张三、李四")
                        .put("transcript", "问：房屋何时开工？答：上月初。"));
        documentsOf(last(c), "INQUIRY_RECORD");
        assertThat(c.path("status").asString()).isEqualTo("INVESTIGATING");

        // after it, on the area measured on site (398.5 m²), split by kind as the analysis splits the outline
        JsonNode options = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + id + "/penalty-options"));
        assertThat(options.path("areaSource").asString()).isEqualTo("SURVEY");
        assertThat(options.path("areaM2").asDouble()).isEqualTo(398.5);
        assertThat(options.path("analysedAreaM2").asDouble())
                .isEqualTo(c.path("areaM2").asDouble());
        double min = options.at("/fineYuan/min").asDouble();
        double max = options.at("/fineYuan/max").asDouble();
        assertThat(min).isGreaterThan(0).isLessThan(max);
        double area = 0;
        double expectedMin = 0;
        double expectedMax = 0;
        double share = 398.5 / c.path("areaM2").asDouble();
        // the parts' areas are shown to 0.01 m², so a sum recomputed from them may be off by 0.005 m² × rate per part
        double tolerance = 0.01;
        for (JsonNode part : options.path("areas")) {
            area += part.path("m2").asDouble();
            expectedMin +=
                    part.path("m2").asDouble() * part.path("minYuanPerM2").asDouble();
            expectedMax +=
                    part.path("m2").asDouble() * part.path("maxYuanPerM2").asDouble();
            tolerance += 0.005 * part.path("maxYuanPerM2").asDouble();
            if (part.path("kind").asString().equals("BASIC_FARMLAND")) {
                assertThat(part.path("m2").asDouble())
                        .isCloseTo(
                                c.path("basicFarmlandM2").asDouble() * share,
                                org.assertj.core.data.Offset.offset(0.01));
            }
        }
        assertThat(area).isCloseTo(398.5, org.assertj.core.data.Offset.offset(0.05));
        assertThat(min).isCloseTo(expectedMin, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(max).isCloseTo(expectedMax, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(options.path("options").toString())
                .contains("RETURN_LAND", "DEMOLISH_WITHIN_DEADLINE", "CONFISCATE");

        c = notifyPenalty(id, 0, min);
        documentsOf(last(c), "PENALTY_NOTICE");
        assertThat(deadline(c, "PARTY_STATEMENT").path("dueOn").asString())
                .isEqualTo(today().plusDays(5).toString());
        ok(
                token(Role.OFFICER),
                id,
                "HOLD_HEARING",
                data().put("requestedOn", ago(0))
                        .put("heldOn", ago(0))
                        .put("presidedBy", "法制科科长")
                        .put("summary", "当事人对事实无异议"));

        // a fine outside the helper's range is refused, naming the field
        JsonNode tooHigh = problem(
                act(token(Role.OFFICER), id, "DECIDE_PENALTY", decision(0, -15, max + 100)), 422, "CASE_DATA_INVALID");
        assertThat(tooHigh.path("field").asString()).isEqualTo("/data/fineYuan");
        // the form of the decision offers the case's range; the decision records the range it was taken within
        JsonNode fineField = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + id))
                .path("availableActions")
                .valueStream()
                .filter(a -> a.path("action").asString().equals("DECIDE_PENALTY"))
                .findFirst()
                .orElseThrow()
                .at("/schema/properties/fineYuan");
        assertThat(fineField.path("minimum").asDouble()).isEqualTo(min);
        assertThat(fineField.path("maximum").asDouble()).isEqualTo(max);
        c = ok(token(Role.OFFICER), id, "DECIDE_PENALTY", decision(0, -15, (min + max) / 2));
        documentsOf(last(c), "PENALTY_DECISION");
        JsonNode recordedRange = last(c).at("/data/fineRange");
        assertThat(recordedRange.path("areaSource").asString()).isEqualTo("SURVEY");
        assertThat(recordedRange.path("areaM2").asDouble()).isEqualTo(398.5);
        assertThat(recordedRange.path("minYuan").asDouble()).isEqualTo(min);
        assertThat(recordedRange.path("maxYuan").asDouble()).isEqualTo(max);
        assertThat(recordedRange.path("areas")).hasSize(3);
        assertThat(c.path("status").asString()).isEqualTo("DECIDED");
        assertThat(deadline(c, "PERFORMANCE").path("dueOn").asString())
                .isEqualTo(today().plusDays(15).toString());
        assertThat(deadline(c, "APPEAL_WINDOW").path("dueOn").asString())
                .isEqualTo(today().plusMonths(6).toString());
        // the party still has time: no demand, no blacklisting yet
        assertThat(available(c)).contains("RECORD_PERFORMANCE").doesNotContain("SEND_DEMAND", "BLACKLIST");
        problem(
                act(
                        token(Role.OFFICER),
                        id,
                        "SEND_DEMAND",
                        data().put("demandedOn", ago(0)).put("content", "催告")),
                409,
                "CASE_STEP_NOT_DUE");

        c = ok(
                token(Role.OFFICER),
                id,
                "RECORD_PERFORMANCE",
                data().put("performedOn", ago(0))
                        .put("description", "当事人已自行拆除建筑物、退还土地并缴纳罚款")
                        .put("paidYuan", (min + max) / 2));
        assertThat(c.path("status").asString()).isEqualTo("PERFORMED");
        assertThat(deadline(c, "PERFORMANCE").path("state").asString()).isEqualTo("MET");
        c = ok(token(Role.OFFICER), id, "CLOSE", data().put("closedOn", ago(0)).put("summary", "当事人已履行，结案"));
        assertThat(c.path("status").asString()).isEqualTo("CLOSED");
        assertThat(json(getJson(token(Role.OFFICER), "/api/v1/clues/" + clueId))
                        .path("status")
                        .asString())
                .isEqualTo("CLOSED");
        c = ok(
                token(Role.OFFICER),
                id,
                "ARCHIVE",
                data().put("archivedOn", ago(0)).put("archiveNumber", "WS-2026-001"));
        assertThat(c.path("status").asString()).isEqualTo("ARCHIVED");
        assertThat(available(c)).isEmpty();
        for (JsonNode d : c.path("deadlines")) {
            assertThat(d.path("state").asString()).as(d.toString()).isNotEqualTo("OPEN");
        }

        assertThat(actions(c))
                .containsExactly(
                        "CREATE",
                        "VERIFY",
                        "WARNING_INTERVIEW",
                        "STOP_ORDER",
                        "FILE",
                        "RECORD_SURVEY",
                        "RECORD_INQUIRY",
                        "NOTIFY_PENALTY",
                        "HOLD_HEARING",
                        "DECIDE_PENALTY",
                        "RECORD_PERFORMANCE",
                        "CLOSE",
                        "ARCHIVE");
        for (int i = 0; i < c.path("timeline").size(); i++) {
            JsonNode e = c.path("timeline").get(i);
            assertThat(e.path("seq").asInt()).isEqualTo(i + 1);
            assertThat(e.path("actor").asString()).isEqualTo("t-officer");
            assertThat(e.path("role").asString()).isEqualTo("OFFICER");
            assertThat(e.path("at").asString()).isNotBlank();
            if (i > 0) {
                assertThat(e.path("fromStatus").asString())
                        .isEqualTo(
                                c.path("timeline").get(i - 1).path("toStatus").asString());
            }
        }
        assertThat(c.path("documents")).hasSize(7);
        JsonNode listed = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + id + "/documents"));
        assertThat(listed.path("items")).hasSize(7);

        // the timeline cannot be rewritten
        long events = count("SELECT COUNT(*) FROM case_event WHERE case_id = ?", id);
        assertThatThrownBy(() -> jdbc.sql("UPDATE case_event SET actor = 'x' WHERE case_id = ?")
                        .param(id)
                        .update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM case_event WHERE case_id = ?")
                        .param(id)
                        .update())
                .hasStackTraceContaining("append-only");
        if (DB.postgresql) {
            assertThatThrownBy(() -> jdbc.sql("TRUNCATE case_event").update()).hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).hasStackTraceContaining("append-only");
        }
        assertThat(count("SELECT COUNT(*) FROM case_event WHERE case_id = ?", id))
                .isEqualTo(events);
        assertThat(count("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND actor = 'x'", id))
                .isZero();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void refusalCourtTownExecutionBlacklistAndCreditRepair() throws Exception {
        String idNo = idNumber("37130219750505432");
        String id = decidedLongAgo(idNo);
        JsonNode c = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + id));
        assertThat(available(c)).contains("SEND_DEMAND", "BLACKLIST", "RECORD_PERFORMANCE");
        // the court does not see a case before an application
        problem(getJson(token(Role.COURT), "/api/v1/cases/" + id), 404, "CASE_NOT_FOUND");
        // not before the demand period and the appeal windows pass: the demand is needed first
        problem(
                act(token(Role.OFFICER), id, "APPLY_COURT_ENFORCEMENT", data().put("appliedOn", ago(0))),
                409,
                "CASE_ACTION_NOT_ALLOWED");
        c = ok(
                token(Role.OFFICER),
                id,
                "SEND_DEMAND",
                data().put("demandedOn", ago(3)).put("content", "限十日内履行"));
        documentsOf(last(c), "DEMAND");
        assertThat(deadline(c, "DEMAND_RESPONSE").path("dueOn").asString())
                .isEqualTo(today().plusDays(7).toString());
        JsonNode early = problem(
                act(
                        token(Role.OFFICER),
                        id,
                        "APPLY_COURT_ENFORCEMENT",
                        data().put("appliedOn", ago(0)).put("court", "国土资源巡回法庭").put("requests", "强制执行")),
                409,
                "CASE_STEP_NOT_DUE");
        assertThat(early.path("guard").asString()).isEqualTo("DEMAND_PERIOD_PASSED");

        String applied = appliedToCourt(idNumber("37130219750505433"));
        c = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + applied));
        assertThat(c.path("status").asString()).isEqualTo("APPLIED");
        documentsOf(last(c), "ENFORCEMENT_APPLICATION");
        // the court's review is overdue (applied 10 days ago, 7 days to rule)
        JsonNode review = deadline(c, "COURT_REVIEW");
        assertThat(review.path("overdue").asBoolean()).isTrue();
        assertThat(review.path("responsibleRole").asString()).isEqualTo("COURT");
        JsonNode overdue =
                json(getJson(token(Role.OFFICER), "/api/v1/cases/overdue?town=" + townA + "&officer=t-officer"));
        assertThat(overdue.path("items").toString()).contains(applied, "COURT_REVIEW");
        JsonNode overdueTown = json(getJson(token(Role.TOWN), "/api/v1/cases/overdue"));
        assertThat(overdueTown.path("items").toString()).contains(applied);
        JsonNode overdueB = json(getJson(login("t-town-b", "secret-town"), "/api/v1/cases/overdue"));
        assertThat(overdueB.path("items").toString()).doesNotContain(applied);
        assertThat(json(getJson(token(Role.OFFICER), "/api/v1/cases/overdue?officer=someone-else"))
                        .path("items")
                        .toString())
                .doesNotContain(applied);

        // the court sees the application with its evidence and rules; the bureau cannot rule
        JsonNode courtList = json(getJson(token(Role.COURT), "/api/v1/cases?status=APPLIED"));
        assertThat(courtList.path("items").toString()).contains(applied).doesNotContain(id);
        JsonNode forCourt = json(getJson(token(Role.COURT), "/api/v1/cases/" + applied));
        assertThat(available(forCourt)).containsExactlyInAnyOrder("COURT_HEARING", "COURT_RULING");
        assertThat(forCourt.path("documents").size()).isGreaterThanOrEqualTo(4);
        assertThat(forCourt.at("/evidence/cluePhotos")).hasSize(1);
        var photo = mvc.perform(get(forCourt.at("/evidence/cluePhotos/0/href").asString())
                        .header("Authorization", bearer(token(Role.COURT))))
                .andReturn()
                .getResponse();
        assertThat(photo.getStatus()).isEqualTo(200);
        assertThat(sha256(photo.getContentAsByteArray()))
                .isEqualTo(forCourt.at("/evidence/cluePhotos/0/sha256").asString());
        problem(
                act(token(Role.OFFICER), applied, "COURT_RULING", data().put("decision", "ALLOW")),
                403,
                "CASE_ACTION_ROLE");
        // the court hears the parties before it rules; the hearing is on the timeline, the case still awaits the ruling
        JsonNode heard = ok(
                token(Role.COURT),
                applied,
                "COURT_HEARING",
                data().put("heardOn", ago(1))
                        .put("participants", "审判员李某、执法人员、当事人")
                        .put("summary", "听取国土资源局和当事人意见"));
        assertThat(heard.path("status").asString()).isEqualTo("APPLIED");
        JsonNode hearingEvent =
                heard.path("timeline").get(heard.path("timeline").size() - 1);
        assertThat(hearingEvent.path("action").asString()).isEqualTo("COURT_HEARING");
        assertThat(hearingEvent.path("role").asString()).isEqualTo("COURT");
        JsonNode badRuling = problem(
                act(
                        token(Role.COURT),
                        applied,
                        "COURT_RULING",
                        data().put("decision", "MAYBE")
                                .put("ruledOn", ago(1))
                                .put("rulingNumber", "（2026）巡执审1号")
                                .put("reason", "证据充分")),
                422,
                "CASE_DATA_INVALID");
        assertThat(badRuling.path("field").asString()).isEqualTo("/data/decision");
        c = ok(
                token(Role.COURT),
                applied,
                "COURT_RULING",
                data().put("decision", "ALLOW")
                        .put("ruledOn", ago(1))
                        .put("rulingNumber", "（2026）巡执审1号")
                        .put("reason", "行政处罚决定认定事实清楚，准予强制执行，由所在镇人民政府组织实施"));
        assertThat(c.path("status").asString()).isEqualTo("ENFORCEMENT_ALLOWED");
        assertThat(last(c).path("role").asString()).isEqualTo("COURT");
        assertThat(last(c).path("actor").asString()).isEqualTo("t-court");
        JsonNode execution = deadline(c, "EXECUTION");
        assertThat(execution.path("dueOn").asString())
                .isEqualTo(today().plusDays(29).toString());
        assertThat(execution.path("responsibleRole").asString()).isEqualTo("TOWN");

        // the town of the case executes; another town does not see it; the bureau cannot record it
        problem(act(login("t-town-b", "secret-town"), applied, "RECORD_EXECUTION", data()), 404, "CASE_NOT_FOUND");
        problem(act(token(Role.OFFICER), applied, "RECORD_EXECUTION", data()), 403, "CASE_ACTION_ROLE");
        String town = token(Role.TOWN);
        assertThat(available(json(getJson(town, "/api/v1/cases/" + applied)))).containsExactly("RECORD_EXECUTION");
        // photos must be evidence of this case or the town's own upload: not a hash nobody uploaded, not another
        // case's clue photo, not a file that is in the evidence store for some other reason
        String missing = sha256("never uploaded".getBytes(StandardCharsets.UTF_8));
        String otherCasePhoto = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + id))
                .at("/evidence/cluePhotos/0/sha256")
                .asString();
        String stray = evidence.put(new ByteArrayInputStream(ExifJpeg.plain(7902)));
        String otherCaseUpload = uploadCasePhoto(token(Role.OFFICER), id, 7903);
        for (String foreign : List.of(missing, otherCasePhoto, stray, otherCaseUpload)) {
            JsonNode refused =
                    problem(act(town, applied, "RECORD_EXECUTION", executionData(foreign)), 422, "CASE_DATA_INVALID");
            assertThat(refused.path("field").asString()).isEqualTo("/data/photos/0");
            assertThat(refused.path("sha256").asString()).isEqualTo(foreign);
            assertThat(refused.at("/messages/zh").asString()).contains(foreign);
        }
        assertThat(evidence.contains(otherCasePhoto) && evidence.contains(stray))
                .isTrue();
        problem(
                mvc.perform(get("/api/v1/cases/" + applied + "/evidence/" + otherCasePhoto)
                        .header("Authorization", bearer(token(Role.COURT)))),
                404,
                "EVIDENCE_NOT_FOUND");

        // the town uploads the photo of the result for the case; another town cannot, a wrong hash or a non-image is
        // refused, a second upload changes nothing
        byte[] result = ExifJpeg.plain(7901);
        String after = sha256(result);
        problem(putCasePhoto(login("t-town-b", "secret-town"), applied, after, result), 404, "CASE_NOT_FOUND");
        problem(putCasePhoto(token(Role.INSPECTOR), applied, after, result), 403, "FORBIDDEN");
        problem(putCasePhoto(town, applied, missing, result), 422, "PHOTO_HASH_MISMATCH");
        byte[] notAPhoto = "not a photo".getBytes(StandardCharsets.UTF_8);
        problem(putCasePhoto(town, applied, sha256(notAPhoto), notAPhoto), 422, "PHOTO_NOT_AN_IMAGE");
        var stored = putCasePhoto(town, applied, after, result).andReturn().getResponse();
        assertThat(stored.getStatus()).as(stored.getContentAsString()).isEqualTo(201);
        JsonNode again = json(putCasePhoto(town, applied, after, result));
        assertThat(again.path("status").asString()).isEqualTo("UNCHANGED");
        assertThat(again.path("uploadedBy").asString()).isEqualTo("t-town");
        JsonNode uploads = json(getJson(town, "/api/v1/cases/" + applied)).at("/evidence/uploads");
        assertThat(uploads).hasSize(1);
        assertThat(uploads.at("/0/sha256").asString()).isEqualTo(after);
        var served = mvc.perform(
                        get(uploads.at("/0/href").asString()).header("Authorization", bearer(token(Role.COURT))))
                .andReturn()
                .getResponse();
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getContentType()).isEqualTo("image/jpeg");
        assertThat(sha256(served.getContentAsByteArray())).isEqualTo(after);
        c = ok(town, applied, "RECORD_EXECUTION", executionData(after));
        assertThat(c.path("status").asString()).isEqualTo("EXECUTED");
        assertThat(last(c).path("actor").asString()).isEqualTo("t-town");
        documentsOf(last(c), "EXECUTION_REPORT");
        assertThat(deadline(c, "EXECUTION").path("state").asString()).isEqualTo("MET");

        // the party still does not pay the fine: blacklisted
        String officer = token(Role.OFFICER);
        JsonNode badId = problem(
                act(officer, applied, "BLACKLIST", blacklistData("371302197505054330")), 422, "CASE_DATA_INVALID");
        assertThat(badId.path("field").asString()).startsWith("/data/idNumber");
        String listedId = idNumber("37130219750505433");
        c = ok(officer, applied, "BLACKLIST", blacklistData(listedId));
        assertThat(c.path("flags").toString()).contains("BLACKLISTED");
        assertThat(last(c).at("/data/idNumber").asString())
                .isNotEqualTo(listedId)
                .contains("**********");
        problem(act(officer, applied, "BLACKLIST", blacklistData(listedId)), 409, "CASE_ACTION_NOT_ALLOWED");
        JsonNode list = json(getJson(token(Role.LEADER), "/api/v1/blacklist"));
        JsonNode entry = entryOf(list, applied);
        assertThat(entry.path("idNumber").asString())
                .isEqualTo(listedId.substring(0, 4) + "**********" + listedId.substring(14));
        assertThat(entry.path("measures").toString()).contains("LUXURY_SPENDING", "FLIGHTS_AND_HIGH_SPEED_RAIL");
        assertThat(list.toString()).doesNotContain(listedId);
        assertThat(json(getJson(token(Role.POLICE), "/api/v1/blacklist")).toString())
                .as("the police see only the listings of cases transferred to them")
                .doesNotContain(applied);
        long auditsBefore = count("SELECT COUNT(*) FROM audit_entry WHERE action = 'BLACKLIST_FULL_VIEW'");
        JsonNode fullList = json(getJson(officer, "/api/v1/blacklist?purpose=报送信用平台"));
        assertThat(entryOf(fullList, applied).path("idNumber").asString()).isEqualTo(listedId);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'BLACKLIST_FULL_VIEW' AND details LIKE ?",
                        "%报送信用平台%"))
                .isEqualTo(auditsBefore + 1);
        problem(getJson(token(Role.LEADER), "/api/v1/blacklist?purpose=x"), 403, "FULL_VIEW_FORBIDDEN");
        var csv = mvc.perform(get("/api/v1/blacklist/export?format=csv").header("Authorization", bearer(officer)))
                .andReturn()
                .getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        String csvText = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvText).contains("party,idNumber,measures").contains("王某某").doesNotContain(listedId);

        // no credit repair before performance
        problem(
                act(
                        officer,
                        applied,
                        "LIFT_BLACKLIST",
                        data().put("liftedOn", ago(0)).put("reason", "已履行")),
                409,
                "CASE_STEP_NOT_DUE");
        c = ok(
                officer,
                applied,
                "RECORD_PERFORMANCE",
                data().put("performedOn", ago(0))
                        .put("description", "当事人已缴纳全部罚款")
                        .put("paidYuan", 1000));
        assertThat(c.path("status").asString()).isEqualTo("PERFORMED");
        c = ok(
                officer,
                applied,
                "LIFT_BLACKLIST",
                data().put("liftedOn", ago(0)).put("reason", "当事人已履行全部义务，信用修复"));
        assertThat(c.path("flags").toString()).doesNotContain("BLACKLISTED");
        assertThat(json(getJson(officer, "/api/v1/blacklist")).toString()).doesNotContain(applied);
        JsonNode history = entryOf(json(getJson(officer, "/api/v1/blacklist?active=false")), applied);
        assertThat(history.path("active").asBoolean()).isFalse();
        assertThat(history.path("liftReason").asString()).contains("信用修复");
        JsonNode exported =
                JSON.readTree(mvc.perform(get("/api/v1/blacklist/export?format=json&all=true&purpose=报送信用平台")
                                .header("Authorization", bearer(officer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(entryOf(exported, applied).path("idNumber").asString()).isEqualTo(listedId);

        c = ok(officer, applied, "CLOSE", data().put("closedOn", ago(0)).put("summary", "强制执行完毕，罚款已缴纳"));
        assertThat(c.path("status").asString()).isEqualTo("CLOSED");
        assertThat(actions(c))
                .containsSubsequence(
                        "DECIDE_PENALTY",
                        "SEND_DEMAND",
                        "APPLY_COURT_ENFORCEMENT",
                        "COURT_RULING",
                        "RECORD_EXECUTION",
                        "BLACKLIST",
                        "RECORD_PERFORMANCE",
                        "LIFT_BLACKLIST",
                        "CLOSE");
        assertThat(verifier.verify().intact()).isTrue();
    }

    private static JsonNode entryOf(JsonNode list, String caseId) {
        JsonNode items = list.has("items") ? list.get("items") : list;
        for (JsonNode e : items) {
            if (e.path("caseId").asString().equals(caseId)) {
                return e;
            }
        }
        throw new AssertionError("no entry of " + caseId + " in " + list);
    }

    private static tools.jackson.databind.node.ObjectNode executionData(String photoSha) {
        var d = data().put("executedOn", ago(0))
                .put("executedBy", "某镇人民政府，组织人员 20 人、挖掘机 2 台")
                .put("description", "违法建筑已拆除，土地已复垦");
        d.putArray("photos").add(photoSha);
        return d;
    }

    private static tools.jackson.databind.node.ObjectNode blacklistData(String idNumber) {
        var d = data().put("listedOn", ago(0))
                .put("party", "王某某")
                .put("idNumber", idNumber)
                .put("reason", "拒不履行行政处罚决定确定的罚款缴纳义务");
        d.putArray("measures")
                .add("LUXURY_SPENDING")
                .add("FLIGHTS_AND_HIGH_SPEED_RAIL")
                .add("FINANCING_AND_CREDIT");
        return d;
    }

    @Test
    void performanceWhileTheApplicationIsPendingMeetsTheCourtsDeadline() throws Exception {
        String id = appliedToCourt(idNumber("37130219900909871"));
        JsonNode c = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + id));
        assertThat(deadline(c, "COURT_REVIEW").path("overdue").asBoolean()).isTrue();
        c = ok(
                token(Role.OFFICER),
                id,
                "RECORD_PERFORMANCE",
                data().put("performedOn", ago(0)).put("description", "申请执行期间当事人自行拆除并缴清罚款"));
        assertThat(c.path("status").asString()).isEqualTo("PERFORMED");
        // the court no longer needs to rule: its deadline is met, not overdue, and nobody is reminded of it
        JsonNode review = deadline(c, "COURT_REVIEW");
        assertThat(review.path("state").asString()).isEqualTo("MET");
        assertThat(review.path("overdue").asBoolean()).isFalse();
        assertThat(review.path("closedBySeq").asInt())
                .isEqualTo(last(c).path("seq").asInt());
        for (JsonNode d : c.path("deadlines")) {
            assertThat(d.path("state").asString()).as(d.toString()).isNotEqualTo("OPEN");
        }
        assertThat(json(getJson(token(Role.OFFICER), "/api/v1/cases/overdue"))
                        .path("items")
                        .toString())
                .doesNotContain(id);
        assertThat(available(json(getJson(token(Role.COURT), "/api/v1/cases/" + id))))
                .isEmpty();
    }

    @Test
    void courtRefusalEndsInClosing() throws Exception {
        String id = appliedToCourt(idNumber("37130219900909876"));
        JsonNode c = ok(
                token(Role.COURT),
                id,
                "COURT_RULING",
                data().put("decision", "REFUSE")
                        .put("ruledOn", ago(0))
                        .put("rulingNumber", "（2026）巡执审2号")
                        .put("reason", "申请超过法定期限"));
        assertThat(c.path("status").asString()).isEqualTo("ENFORCEMENT_REFUSED");
        assertThat(deadline(c, "COURT_REVIEW").path("state").asString()).isEqualTo("MET");
        for (JsonNode d : c.path("deadlines")) {
            assertThat(d.path("step").asString()).isNotEqualTo("EXECUTION");
        }
        problem(
                act(token(Role.TOWN), id, "RECORD_EXECUTION", executionData("0".repeat(64))),
                409,
                "CASE_ACTION_NOT_ALLOWED");
        c = ok(token(Role.OFFICER), id, "CLOSE", data().put("closedOn", ago(0)).put("summary", "法院裁定不准予执行，结案"));
        assertThat(c.path("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aCaseOverTheCriminalThresholdGoesToThePolice() throws Exception {
        Place big = wholeParcel(4200);
        String clueId = clueAt(
                (org.locationtech.jts.geom.Polygon) big.parcel().buffer(-0.5).getGeometryN(0));
        JsonNode c = openCase(clueId);
        String id = c.path("id").asString();
        assertThat(c.path("criminal").asBoolean()).as(c.toString()).isTrue();
        String ordinary = openCase(newClue()).path("id").asString();

        String police = token(Role.POLICE);
        JsonNode listed = json(getJson(police, "/api/v1/cases"));
        assertThat(listed.path("items").toString()).contains(id).doesNotContain(ordinary);
        problem(getJson(police, "/api/v1/cases/" + ordinary), 404, "CASE_NOT_FOUND");
        assertThat(available(json(getJson(police, "/api/v1/cases/" + id)))).isEmpty();
        problem(
                act(
                        police,
                        id,
                        "POLICE_ACCEPT",
                        data().put("acceptedOn", ago(0)).put("policeCaseNumber", "X")),
                409,
                "CASE_ACTION_NOT_ALLOWED");
        // the police do not take bureau steps
        problem(act(police, id, "VERIFY", data()), 403, "CASE_ACTION_ROLE");

        verify(id, 1);
        c = ok(
                token(Role.OFFICER),
                id,
                "TRANSFER_TO_POLICE",
                data().put("transferredOn", ago(1))
                        .put("receivingUnit", "县公安局")
                        .put("reason", "非法占用永久基本农田超过五亩，涉嫌非法占用农用地罪"));
        assertThat(c.path("flags").toString()).contains("TRANSFERRED");
        assertThat(deadline(c, "POLICE_REVIEW").path("dueOn").asString())
                .isEqualTo(today().plusDays(2).toString());
        JsonNode forPolice = json(getJson(police, "/api/v1/cases/" + id));
        assertThat(available(forPolice)).containsExactlyInAnyOrder("POLICE_ACCEPT", "JOINT_ACTION");
        c = ok(police, id, "POLICE_ACCEPT", data().put("acceptedOn", ago(0)).put("policeCaseNumber", "公（2026）刑字第88号"));
        assertThat(c.path("flags").toString()).contains("POLICE_ACCEPTED");
        assertThat(deadline(c, "POLICE_REVIEW").path("state").asString()).isEqualTo("MET");
        c = ok(
                police,
                id,
                "JOINT_ACTION",
                data().put("actedOn", ago(0)).put("participants", "县公安局、县自然资源局").put("description", "联合对违法现场进行查封"));
        assertThat(last(c).path("role").asString()).isEqualTo("POLICE");
        assertThat(last(c).path("actor").asString()).isEqualTo("t-police");
        assertThat(c.path("status").asString()).isEqualTo("VERIFIED");
        problem(
                act(
                        police,
                        id,
                        "POLICE_ACCEPT",
                        data().put("acceptedOn", ago(0)).put("policeCaseNumber", "X")),
                409,
                "CASE_ACTION_NOT_ALLOWED");
        assertThat(verifier.verify().intact()).isTrue();
    }
}
