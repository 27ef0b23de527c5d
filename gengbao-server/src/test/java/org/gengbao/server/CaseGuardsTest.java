package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengbao.server.accounts.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Guards of the workflow beyond status and role: a hearing only when the notice offered one and the party asked in
 * time; the decision only after the party's statement period (or its waiver, or a hearing); demand and blacklisting
 * only after the appeal windows, and with court application only while the decision is unperformed; no step dated
 * before the case's latest step or inside a period it must wait for; retries with an idempotency key make one event;
 * case numbers unique and consecutive when cases are opened at the same moment.
 */
class CaseGuardsTest extends CaseTestSupport {

    private String investigated(int surveyedAgo) throws Exception {
        String id = openCase(newClue()).path("id").asString();
        verify(id, surveyedAgo + 6);
        file(id, surveyedAgo + 1, idNumber("37130219800202123"));
        survey(id, surveyedAgo);
        return id;
    }

    private JsonNode notifyWithHearing(String id, int daysAgo, boolean offered) throws Exception {
        ObjectNode d = data().put("notifiedOn", ago(daysAgo))
                .put("proposedFineYuan", Math.ceil(fineRange(id)[0]))
                .put("hearingRight", offered)
                .put("facts", "当事人未经批准占用耕地建房");
        d.putArray("proposedMeasures").add("RETURN_LAND");
        return ok(token(Role.OFFICER), id, "NOTIFY_PENALTY", d);
    }

    private static ObjectNode hearing(int requestedAgo, int heldAgo) {
        return data().put("requestedOn", ago(requestedAgo))
                .put("heldOn", ago(heldAgo))
                .put("presidedBy", "法制科科长")
                .put("summary", "当事人对事实无异议");
    }

    @Test
    void aHearingNeedsTheOfferAndATimelyRequest() throws Exception {
        String officer = token(Role.OFFICER);
        String noOffer = investigated(20);
        JsonNode c = notifyWithHearing(noOffer, 10, false);
        assertThat(available(c)).contains("DECIDE_PENALTY").doesNotContain("HOLD_HEARING");
        JsonNode refused = problem(act(officer, noOffer, "HOLD_HEARING", hearing(9, 5)), 409, "CASE_STEP_NOT_DUE");
        assertThat(refused.path("guard").asString()).isEqualTo("HEARING_OFFERED");

        String offered = investigated(40);
        c = notifyWithHearing(offered, 30, true);
        assertThat(available(c)).contains("HOLD_HEARING");
        assertThat(c.at("/availableActions")
                        .valueStream()
                        .filter(a -> a.path("action").asString().equals("HOLD_HEARING"))
                        .findFirst()
                        .orElseThrow()
                        .at("/schema/required")
                        .toString())
                .contains("requestedOn");
        // asked after the period for a hearing request (5 days) had run out
        JsonNode late = problem(act(officer, offered, "HOLD_HEARING", hearing(20, 15)), 422, "CASE_DATA_INVALID");
        assertThat(late.path("field").asString()).isEqualTo("/data/requestedOn");
        // asked before the notice
        problem(act(officer, offered, "HOLD_HEARING", hearing(31, 15)), 422, "CASE_DATA_INVALID");
        // held before it was asked for
        JsonNode early = problem(act(officer, offered, "HOLD_HEARING", hearing(28, 29)), 422, "CASE_DATA_INVALID");
        assertThat(early.path("field").asString()).isEqualTo("/data/heldOn");
        c = ok(officer, offered, "HOLD_HEARING", hearing(28, 20));
        assertThat(c.path("status").asString()).isEqualTo("NOTIFIED");
    }

    @Test
    void noDemandApplicationOrListingAfterPerformance() throws Exception {
        String officer = token(Role.OFFICER);
        String id = decidedLongAgo(idNumber("37130219800303123"));
        JsonNode c = json(getJson(officer, "/api/v1/cases/" + id));
        assertThat(available(c)).contains("SEND_DEMAND", "BLACKLIST");
        c = ok(
                officer,
                id,
                "RECORD_PERFORMANCE",
                data().put("performedOn", ago(2)).put("description", "当事人已自行拆除并缴清罚款"));
        assertThat(available(c)).doesNotContain("SEND_DEMAND", "BLACKLIST", "APPLY_COURT_ENFORCEMENT");
        problem(
                act(officer, id, "SEND_DEMAND", data().put("demandedOn", ago(0)).put("content", "限期履行")),
                409,
                "CASE_ACTION_NOT_ALLOWED");
        ObjectNode listing = data().put("listedOn", ago(0))
                .put("party", "王某某")
                .put("idNumber", idNumber("37130219800303123"))
                .put("reason", "拒不履行");
        listing.putArray("measures").add("LUXURY_SPENDING");
        problem(act(officer, id, "BLACKLIST", listing), 409, "CASE_ACTION_NOT_ALLOWED");
    }

    private static ObjectNode interview(int daysAgo, String content) {
        return data().put("interviewedOn", ago(daysAgo))
                .put("interviewee", "王某某")
                .put("interviewers", "张三、李四")
                .put("content", content);
    }

    private static ObjectNode stopOrderData(int daysAgo) {
        return data().put("orderedOn", ago(daysAgo))
                .put("party", "王某某")
                .put("facts", "占用耕地")
                .put("requirements", "停止施工");
    }

    private long events(String caseId, String action) {
        return count("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND action = ?", caseId, action);
    }

    private long documents(String caseId) {
        return count("SELECT COUNT(*) FROM document WHERE case_id = ?", caseId);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyMakeOneEvent() throws Exception {
        String officer = token(Role.OFFICER);
        String id = openCase(newClue()).path("id").asString();
        verify(id, 3);
        String key = newId();
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<JsonNode> answers = new ArrayList<>();
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    var r = actWithKey(officer, id, key, "WARNING_INTERVIEW", interview(2, "告知其行为涉嫌违法"))
                            .andReturn()
                            .getResponse();
                    JsonNode body = JSON.readTree(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
                    ((ObjectNode) body).put("httpStatus", r.getStatus());
                    return body;
                }));
            }
            start.countDown();
            for (Future<JsonNode> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(events(id, "WARNING_INTERVIEW")).isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM document WHERE case_id = ? AND doc_type = 'WARNING_INTERVIEW_RECORD'",
                        id))
                .isEqualTo(1);
        int seq = jdbc.sql("SELECT seq FROM case_event WHERE case_id = ? AND action = 'WARNING_INTERVIEW'")
                .param(id)
                .query(Integer.class)
                .single();
        int firsts = 0;
        for (JsonNode a : answers) {
            // a request that waited too long for the case's lock may be refused as changed concurrently; none adds
            if (a.path("httpStatus").asInt() == 409) {
                assertThat(a.path("code").asString()).as(a.toString()).isEqualTo("CHANGED_CONCURRENTLY");
                continue;
            }
            assertThat(a.path("httpStatus").asInt()).as(a.toString()).isEqualTo(200);
            assertThat(a.at("/transition/seq").asInt()).isEqualTo(seq);
            assertThat(a.at("/transition/documents")).hasSize(1);
            firsts += a.at("/transition/replayed").asBoolean() ? 0 : 1;
        }
        assertThat(firsts).as("answers that made the event").isEqualTo(1);

        // a later retry of the same request answers the same event with the same document, and adds nothing
        long docs = documents(id);
        JsonNode retried = json(actWithKey(officer, id, key, "WARNING_INTERVIEW", interview(2, "告知其行为涉嫌违法")));
        assertThat(retried.at("/transition/seq").asInt()).isEqualTo(seq);
        assertThat(retried.at("/transition/replayed").asBoolean()).isTrue();
        assertThat(retried.at("/transition/documents/0/type").asString()).isEqualTo("WARNING_INTERVIEW_RECORD");
        assertThat(documents(id)).isEqualTo(docs);
        // the same key with other content, another action or by another account: 409, nothing added
        JsonNode reused = problem(
                actWithKey(officer, id, key, "WARNING_INTERVIEW", interview(2, "另一次约谈")),
                409,
                "IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.path("seq").asInt()).isEqualTo(seq);
        problem(actWithKey(officer, id, key, "STOP_ORDER", stopOrderData(1)), 409, "IDEMPOTENCY_KEY_REUSED");
        problem(
                actWithKey(token(Role.ADMIN), id, key, "WARNING_INTERVIEW", interview(2, "告知其行为涉嫌违法")),
                409,
                "IDEMPOTENCY_KEY_REUSED");
        assertThat(events(id, "WARNING_INTERVIEW")).isEqualTo(1);
        assertThat(documents(id)).isEqualTo(docs);
        // without a key the same content is a second interview
        ok(officer, id, "WARNING_INTERVIEW", interview(2, "告知其行为涉嫌违法"));
        assertThat(events(id, "WARNING_INTERVIEW")).isEqualTo(2);
        problem(
                actWithKey(officer, id, "含空格 key", "WARNING_INTERVIEW", interview(2, "x")),
                400,
                "IDEMPOTENCY_KEY_INVALID");
    }

    @Test
    void aRetriedStepThatMovedTheCaseAnswersItsEventAndAStaleViewIsRefused() throws Exception {
        String officer = token(Role.OFFICER);
        String id = openCase(newClue()).path("id").asString();
        verify(id, 5);
        file(id, 4, idNumber("37130219800404123"));
        // a survey whose answer was lost is sent again: the first survey is the answer, with its record
        String key = newId();
        ObjectNode survey = data().put("surveyedOn", ago(3))
                .put("surveyors", "张三、李四")
                .put("measuredAreaM2", 401.25)
                .put("description", "实地测量");
        JsonNode first = json(actWithKey(officer, id, key, "RECORD_SURVEY", survey));
        assertThat(first.at("/transition/replayed").asBoolean()).isFalse();
        // members in another order are the same content
        ObjectNode reordered = data().put("description", "实地测量")
                .put("measuredAreaM2", 401.25)
                .put("surveyors", "张三、李四")
                .put("surveyedOn", ago(3));
        JsonNode second = json(actWithKey(officer, id, key, "RECORD_SURVEY", reordered));
        assertThat(second.at("/transition/seq").asInt())
                .isEqualTo(first.at("/transition/seq").asInt());
        assertThat(second.at("/transition/documents/0/id").asString())
                .isEqualTo(first.at("/transition/documents/0/id").asString());
        assertThat(events(id, "RECORD_SURVEY")).isEqualTo(1);
        // the filing moved the case to FILED; a retry of it is answered, not refused as a step out of order
        String fileKey = newId();
        String other = openCase(newClue()).path("id").asString();
        verify(other, 5);
        ObjectNode filing = data().put("filedOn", ago(4))
                .put("partyName", "李某某")
                .put("cause", "李某某非法占用耕地案")
                .put("approvedBy", "赵局长");
        JsonNode filed = json(actWithKey(officer, other, fileKey, "FILE", filing));
        JsonNode refiled = json(actWithKey(officer, other, fileKey, "FILE", filing));
        assertThat(refiled.at("/transition/seq").asInt())
                .isEqualTo(filed.at("/transition/seq").asInt());
        assertThat(refiled.at("/transition/status").asString()).isEqualTo("FILED");
        assertThat(refiled.path("timeline")).hasSize(filed.path("timeline").size());

        // a client that saw fewer events than the case has is told the case changed
        int events =
                json(getJson(officer, "/api/v1/cases/" + id)).path("timeline").size();
        ObjectNode body =
                JSON.createObjectNode().put("action", "RECORD_INQUIRY").put("expectedEvents", events - 1);
        body.set(
                "data",
                data().put("inquiredOn", ago(2))
                        .put("interviewee", "王某某")
                        .put("inquirers", "张三")
                        .put("transcript", "问答"));
        JsonNode stale = problem(postJson(officer, "/api/v1/cases/" + id + "/transitions", body), 409, "CASE_CHANGED");
        assertThat(stale.path("eventCount").asInt()).isEqualTo(events);
        body.put("expectedEvents", events);
        var done = postJson(officer, "/api/v1/cases/" + id + "/transitions", body)
                .andReturn()
                .getResponse();
        assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(200);
    }

    @Test
    void stepsCannotBeDatedBeforeTheCasesLatestStep() throws Exception {
        String officer = token(Role.OFFICER);
        String id = openCase(newClue()).path("id").asString();
        verify(id, 10);
        ok(officer, id, "WARNING_INTERVIEW", interview(6, "告知其行为涉嫌违法"));
        // a stop order dated before the interview would make the stop compliance period look longer than it was
        JsonNode back = problem(act(officer, id, "STOP_ORDER", stopOrderData(8)), 422, "CASE_DATE_TOO_EARLY");
        assertThat(back.path("field").asString()).isEqualTo("/data/orderedOn");
        assertThat(back.path("earliest").asString()).isEqualTo(ago(6));
        assertThat(back.at("/messages/zh").asString()).contains("预警约谈", ago(6));
        assertThat(back.at("/messages/en").asString()).contains("“Warning interview”", ago(6));
        // the same day is fine
        stopOrder(id, 6);
        file(id, 5, idNumber("37130219800505123"));
        survey(id, 5);
        // nor before the survey
        problem(
                act(
                        officer,
                        id,
                        "RECORD_INQUIRY",
                        data().put("inquiredOn", ago(7))
                                .put("interviewee", "王某某")
                                .put("inquirers", "张三")
                                .put("transcript", "问答")),
                422,
                "CASE_DATE_TOO_EARLY");
        assertThat(events(id, "RECORD_INQUIRY")).isZero();
    }

    @Test
    void theDecisionWaitsForThePartysStatementPeriod() throws Exception {
        String officer = token(Role.OFFICER);
        // notified today with the right to a hearing: five days for the party
        String id = investigated(3);
        JsonNode c = notifyWithHearing(id, 0, true);
        assertThat(available(c)).contains("HOLD_HEARING", "RECORD_WAIVER").doesNotContain("DECIDE_PENALTY");
        double fine = Math.ceil(fineRange(id)[0]);
        ObjectNode decision = data().put("decidedOn", ago(0))
                .put("fineYuan", fine)
                .put("performBy", today().plusDays(15).toString())
                .put("reasons", "依据《土地管理法》第七十七条作出处罚");
        decision.putArray("measures").add("RETURN_LAND");
        JsonNode early = problem(act(officer, id, "DECIDE_PENALTY", decision), 409, "CASE_STEP_NOT_DUE");
        assertThat(early.path("guard").asString()).isEqualTo("STATEMENT_PERIOD_ENDED");
        // the party waives its statement and the hearing in writing: the decision may follow
        c = ok(
                officer,
                id,
                "RECORD_WAIVER",
                data().put("waivedOn", ago(0)).put("party", "王某某").put("statement", "本人对拟处罚无异议，放弃陈述、申辩和听证"));
        assertThat(c.path("status").asString()).isEqualTo("NOTIFIED");
        assertThat(available(c)).contains("DECIDE_PENALTY");
        c = ok(officer, id, "DECIDE_PENALTY", decision);
        assertThat(c.path("status").asString()).isEqualTo("DECIDED");

        // notified ten days ago without a hearing: the three days ran out a week ago, but a decision may not be dated
        // inside them
        String lapsed = investigated(12);
        notifyWithHearing(lapsed, 10, false);
        // its own fine: the range follows the area of this case's place, not the first one's
        ObjectNode lapsedDecision = decision.deepCopy().put("fineYuan", Math.ceil(fineRange(lapsed)[0]));
        ObjectNode backdated = lapsedDecision.deepCopy().put("decidedOn", ago(8));
        JsonNode inside = problem(act(officer, lapsed, "DECIDE_PENALTY", backdated), 422, "CASE_DATE_TOO_EARLY");
        assertThat(inside.path("field").asString()).isEqualTo("/data/decidedOn");
        assertThat(inside.path("guard").asString()).isEqualTo("STATEMENT_PERIOD_ENDED");
        assertThat(inside.path("earliest").asString()).isEqualTo(ago(6));
        ok(officer, lapsed, "DECIDE_PENALTY", lapsedDecision.put("decidedOn", ago(6)));
    }

    @Test
    void noDemandOrListingWhileTheDecisionCanStillBeContested() throws Exception {
        String officer = token(Role.OFFICER);
        // decided 30 days ago, to perform within 10 days: performance is overdue, but reconsideration (60 days) and
        // lawsuit (6 months) are still open
        String id = investigated(45);
        notifyWithHearing(id, 40, false);
        ObjectNode decision = data().put("decidedOn", ago(30))
                .put("fineYuan", Math.ceil(fineRange(id)[0]))
                .put("performBy", ago(20))
                .put("reasons", "依据《土地管理法》第七十七条作出处罚");
        decision.putArray("measures").add("RETURN_LAND");
        JsonNode c = ok(officer, id, "DECIDE_PENALTY", decision);
        assertThat(available(c)).contains("RECORD_PERFORMANCE").doesNotContain("SEND_DEMAND", "BLACKLIST");
        JsonNode demand = problem(
                act(officer, id, "SEND_DEMAND", data().put("demandedOn", ago(0)).put("content", "限期履行")),
                409,
                "CASE_STEP_NOT_DUE");
        assertThat(demand.path("guard").asString()).isEqualTo("APPEAL_WINDOW_PASSED");
        ObjectNode listing = data().put("listedOn", ago(0))
                .put("party", "王某某")
                .put("idNumber", idNumber("37130219800202123"))
                .put("reason", "拒不履行");
        listing.putArray("measures").add("LUXURY_SPENDING");
        JsonNode listed = problem(act(officer, id, "BLACKLIST", listing), 409, "CASE_STEP_NOT_DUE");
        assertThat(listed.path("guard").asString()).isEqualTo("APPEAL_WINDOW_PASSED");

        // decided long ago: the windows have closed, but a demand may not be dated inside them
        String old = decidedLongAgo(idNumber("37130219800606123"));
        String windowEnds = json(getJson(officer, "/api/v1/cases/" + old))
                .path("deadlines")
                .valueStream()
                .filter(d -> d.path("step").asString().equals("APPEAL_WINDOW"))
                .findFirst()
                .orElseThrow()
                .path("dueOn")
                .asString();
        String inside = java.time.LocalDate.parse(windowEnds).minusDays(1).toString();
        JsonNode backdated = problem(
                act(
                        officer,
                        old,
                        "SEND_DEMAND",
                        data().put("demandedOn", inside).put("content", "限期履行")),
                422,
                "CASE_DATE_TOO_EARLY");
        assertThat(backdated.path("guard").asString()).isEqualTo("APPEAL_WINDOW_PASSED");
        ok(
                officer,
                old,
                "SEND_DEMAND",
                data().put(
                                "demandedOn",
                                java.time.LocalDate.parse(windowEnds)
                                        .plusDays(1)
                                        .toString())
                        .put("content", "限期履行"));
    }

    @Test
    void casesOpenedAtTheSameMomentGetDistinctConsecutiveNumbers() throws Exception {
        List<String> clues = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clues.add(newClue());
        }
        String officer = token(Role.OFFICER);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (String clue : clues) {
                Callable<JsonNode> open = () -> {
                    start.await();
                    var r = postJson(
                            officer, "/api/v1/cases", JSON.createObjectNode().put("clueId", clue));
                    JsonNode c = json(r);
                    assertThat(r.andReturn().getResponse().getStatus())
                            .as(c.toString())
                            .isEqualTo(201);
                    return c;
                };
                futures.add(pool.submit(open));
            }
            start.countDown();
            TreeSet<Integer> numbers = new TreeSet<>();
            Pattern p = Pattern.compile("〔" + today().getYear() + "〕第(\\d+)号$");
            for (Future<JsonNode> f : futures) {
                String number = f.get(60, TimeUnit.SECONDS).path("number").asString();
                Matcher m = p.matcher(number);
                assertThat(m.find()).as(number).isTrue();
                numbers.add(Integer.parseInt(m.group(1)));
            }
            assertThat(numbers).hasSize(4);
            assertThat(numbers.last() - numbers.first()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
