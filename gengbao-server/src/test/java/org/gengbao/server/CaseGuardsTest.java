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
 * time; demand, court application and blacklisting only while the decision is unperformed; case numbers unique and
 * consecutive when cases are opened at the same moment.
 */
class CaseGuardsTest extends CaseTestSupport {
    private static List<String> available(JsonNode c) {
        List<String> out = new ArrayList<>();
        c.path("availableActions").forEach(a -> out.add(a.path("action").asString()));
        return out;
    }

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
