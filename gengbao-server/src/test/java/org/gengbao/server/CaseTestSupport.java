package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.gengbao.server.accounts.Role;
import org.locationtech.jts.geom.Polygon;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Helpers for case tests: clues from real patrol uploads (with a received photo), cases, transitions, dates. */
public abstract class CaseTestSupport extends PatrolTestSupport {
    private static final AtomicInteger PHOTO_SEED = new AtomicInteger(7100);
    protected static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    protected static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** The date {@code days} days ago, as text. */
    protected static String ago(int days) {
        return today().minusDays(days).toString();
    }

    /** A clue made by t-inspector's upload of this patch with one photo whose bytes arrive; returns the clue id. */
    protected String clueAt(Polygon patch) throws Exception {
        return clueAt(patch, token(Role.INSPECTOR));
    }

    /** A clue made by this inspector's upload of this patch (in their village) with one photo; returns the clue id. */
    protected String clueAt(Polygon patch, String token) throws Exception {
        byte[] photo = ExifJpeg.plain(PHOTO_SEED.getAndIncrement());
        String sha = sha256(photo);
        OffsetDateTime at = OffsetDateTime.now(CHINA).minusHours(3).withNano(0);
        ObjectNode obs = observation("SUSPECTED_VIOLATION", geoJson(patch), at.plusMinutes(10), sha);
        String recordId = newId();
        JsonNode r = json(putRecord(
                token,
                recordId,
                JSON.writeValueAsString(record(at, patch.getInteriorPoint().getCoordinate(), obs))));
        assertThat(r.path("status").asString()).as(r.toString()).isEqualTo("CREATED");
        var upload = mvc.perform(put("/api/v1/patrol/records/" + recordId + "/photos/" + sha)
                        .header("Authorization", bearer(token))
                        .contentType("image/jpeg")
                        .content(photo))
                .andReturn()
                .getResponse();
        assertThat(upload.getStatus()).as(upload.getContentAsString()).isBetween(200, 201);
        return r.at("/clues/0/id").asString();
    }

    protected String newClue() throws Exception {
        return clueAt(nextPlace().patch());
    }

    protected ResultActions postJson(String token, String path, Object body) throws Exception {
        return mvc.perform(post(path)
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }

    /** Opens a case from the clue as t-officer; returns the case. */
    protected JsonNode openCase(String clueId) throws Exception {
        var result = postJson(
                token(Role.OFFICER), "/api/v1/cases", JSON.createObjectNode().put("clueId", clueId));
        JsonNode c = json(result);
        assertThat(result.andReturn().getResponse().getStatus())
                .as(c.toString())
                .isEqualTo(201);
        return c;
    }

    /** The due date of the verification, the first deadline of a case just opened. */
    protected static LocalDate verifyDue(JsonNode openedCase) {
        assertThat(openedCase.at("/deadlines/0/step").asString()).isEqualTo("VERIFY");
        return LocalDate.parse(openedCase.at("/deadlines/0/dueOn").asString());
    }

    protected ResultActions act(String token, String caseId, String action, ObjectNode data) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("action", action);
        body.set("data", data);
        return postJson(token, "/api/v1/cases/" + caseId + "/transitions", body);
    }

    /** A transition with an {@code Idempotency-Key} header. */
    protected ResultActions actWithKey(String token, String caseId, String key, String action, ObjectNode data)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("action", action);
        body.set("data", data);
        return mvc.perform(post("/api/v1/cases/" + caseId + "/transitions")
                .header("Authorization", bearer(token))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }

    /** Uploads a photo for the case through the API; returns the answer. */
    protected ResultActions putCasePhoto(String token, String caseId, String sha, byte[] photo) throws Exception {
        return mvc.perform(put("/api/v1/cases/" + caseId + "/evidence/" + sha)
                .header("Authorization", bearer(token))
                .contentType("image/jpeg")
                .content(photo));
    }

    /** Uploads a new photo for the case as this account and expects it stored; returns its SHA-256. */
    protected String uploadCasePhoto(String token, String caseId, int seed) throws Exception {
        byte[] photo = ExifJpeg.plain(seed);
        String sha = sha256(photo);
        var r = putCasePhoto(token, caseId, sha, photo).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return sha;
    }

    protected ResultActions actRaw(String token, String caseId, String action, String dataJson) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + caseId + "/transitions")
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"" + action + "\",\"data\":" + dataJson + "}"));
    }

    /** Takes the action and expects it to succeed; returns the case after it. */
    protected JsonNode ok(String token, String caseId, String action, ObjectNode data) throws Exception {
        ResultActions r = act(token, caseId, action, data);
        JsonNode c = json(r);
        assertThat(r.andReturn().getResponse().getStatus())
                .as("%s: %s", action, c)
                .isEqualTo(200);
        assertThat(c.at("/timeline")
                        .get(c.at("/timeline").size() - 1)
                        .path("action")
                        .asString())
                .isEqualTo(action);
        return c;
    }

    protected static ObjectNode data() {
        return JSON.createObjectNode();
    }

    /** An 18-digit ID number with the right check character for these 17 digits. */
    protected static String idNumber(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    // the steps, with plausible data; dates in days before today

    protected JsonNode verify(String caseId, int daysAgo) throws Exception {
        return ok(
                token(Role.OFFICER),
                caseId,
                "VERIFY",
                data().put("result", "CONFIRMED")
                        .put("verifiedOn", ago(daysAgo))
                        .put("verifiedBy", "张三、李四")
                        .put("findings", "现场在永久基本农田上新建砖混结构房屋一处，正在施工"));
    }

    protected JsonNode stopOrder(String caseId, int daysAgo) throws Exception {
        return ok(
                token(Role.OFFICER),
                caseId,
                "STOP_ORDER",
                data().put("orderedOn", ago(daysAgo))
                        .put("party", "王某某")
                        .put("facts", "未经批准擅自占用耕地建房")
                        .put("requirements", "立即停止施工，听候处理"));
    }

    protected JsonNode file(String caseId, int daysAgo, String idNumber) throws Exception {
        return ok(
                token(Role.OFFICER),
                caseId,
                "FILE",
                data().put("filedOn", ago(daysAgo))
                        .put("partyName", "王某某")
                        .put("partyIdNumber", idNumber)
                        .put("partyPhone", "13800138000")
                        .put("cause", "王某某非法占用耕地建房案")
                        .put("approvedBy", "赵局长"));
    }

    protected JsonNode survey(String caseId, int daysAgo) throws Exception {
        return ok(
                token(Role.OFFICER),
                caseId,
                "RECORD_SURVEY",
                data().put("surveyedOn", ago(daysAgo))
                        .put("surveyors", "张三、李四")
                        .put("measuredAreaM2", 398.5)
                        .put("description", "经实地测量，违法占地范围如附图所示，地上建有房屋一处"));
    }

    protected JsonNode notifyPenalty(String caseId, int daysAgo, double fine) throws Exception {
        return notifyPenalty(caseId, daysAgo, fine, true);
    }

    /** The notice of the proposed penalty, naming the right to a hearing or not. */
    protected JsonNode notifyPenalty(String caseId, int daysAgo, double fine, boolean hearingRight) throws Exception {
        ObjectNode d = data().put("notifiedOn", ago(daysAgo))
                .put("proposedFineYuan", fine)
                .put("hearingRight", hearingRight)
                .put("facts", "当事人未经批准占用耕地建房，违反《土地管理法》第四十四条");
        d.putArray("proposedMeasures").add("RETURN_LAND").add("DEMOLISH_WITHIN_DEADLINE");
        return ok(token(Role.OFFICER), caseId, "NOTIFY_PENALTY", d);
    }

    protected ObjectNode decision(int decidedAgo, int performByAgo, double fine) {
        ObjectNode d = data().put("decidedOn", ago(decidedAgo))
                .put("fineYuan", fine)
                .put("performBy", ago(performByAgo))
                .put("reasons", "依据《土地管理法》第七十七条作出处罚");
        d.putArray("measures").add("RETURN_LAND").add("DEMOLISH_WITHIN_DEADLINE");
        return d;
    }

    /** Fine range of the case from the penalty helper: [min, max]. */
    protected double[] fineRange(String caseId) throws Exception {
        JsonNode p = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + caseId + "/penalty-options"));
        return new double[] {
            p.at("/fineYuan/min").asDouble(), p.at("/fineYuan/max").asDouble()
        };
    }

    /** A case of a new clue taken to a decided penalty long ago (decided 250 days ago, to perform 220 days ago). */
    protected String decidedLongAgo(String idNumber) throws Exception {
        String caseId = openCase(newClue()).path("id").asString();
        verify(caseId, 300);
        stopOrder(caseId, 299);
        file(caseId, 295, idNumber);
        survey(caseId, 294);
        double[] range = fineRange(caseId);
        notifyPenalty(caseId, 280, range[0]);
        ok(token(Role.OFFICER), caseId, "DECIDE_PENALTY", decision(250, 220, range[0]));
        return caseId;
    }

    /** A case applied to the court: decided long ago, demand 30 days ago, application 10 days ago. */
    protected String appliedToCourt(String idNumber) throws Exception {
        String caseId = decidedLongAgo(idNumber);
        ok(
                token(Role.OFFICER),
                caseId,
                "SEND_DEMAND",
                data().put("demandedOn", ago(30)).put("content", "限十日内履行处罚决定"));
        ok(
                token(Role.OFFICER),
                caseId,
                "APPLY_COURT_ENFORCEMENT",
                data().put("appliedOn", ago(10)).put("court", "国土资源巡回法庭").put("requests", "请求强制执行拆除违法建筑、退还土地"));
        return caseId;
    }

    /** The actions the case's view offers the caller now, in order. */
    protected static java.util.List<String> available(JsonNode c) {
        java.util.List<String> out = new java.util.ArrayList<>();
        c.path("availableActions").forEach(a -> out.add(a.path("action").asString()));
        return out;
    }
}
