package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.cases.CaseReminder;
import org.gengbao.server.cases.Reminders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * Dashboard figures and deadline reminders (issue 5 items 3 and 8). The seeded county is shared with other test
 * classes, so the figures are checked as the change caused by the cases made here: before and after.
 */
@RecordApplicationEvents
class CaseFiguresTest extends CaseTestSupport {
    @Autowired
    Reminders reminders;

    @Autowired
    ApplicationEvents events;

    private JsonNode figures(Role role, String query) throws Exception {
        var r = getJson(token(role), "/api/v1/cases/figures?" + query);
        JsonNode f = json(r);
        assertThat(r.andReturn().getResponse().getStatus()).as(f.toString()).isEqualTo(200);
        return f;
    }

    private static long count(JsonNode arr, String key, String value, String key2, String value2) {
        for (JsonNode n : arr) {
            if (n.path(key).asString().equals(value)
                    && (key2 == null || n.path(key2).asString().equals(value2))) {
                return n.path("count").asLong();
            }
        }
        return 0;
    }

    private static JsonNode stage(JsonNode f, String status) {
        for (JsonNode n : f.path("daysPerStage")) {
            if (n.path("status").asString().equals(status)) {
                return n;
            }
        }
        return JSON.createObjectNode().put("count", 0).put("totalDays", 0);
    }

    private static JsonNode town(JsonNode f, String code) {
        for (JsonNode n : f.at("/accountability/towns")) {
            if (n.path("townCode").asString().equals(code)) {
                return n;
            }
        }
        return JSON.createObjectNode().put("illegalCultivatedM2", 0.0).put("newlyBuiltCultivatedM2", 0.0);
    }

    /**
     * A case's days in each status it has left, from its timeline and the days-ago of each action as taken in this
     * test; added to {@code into} as [number of cases, days].
     */
    private static void stays(JsonNode c, Map<String, Integer> agoByAction, Map<String, long[]> into) {
        JsonNode t = c.path("timeline");
        Map<String, Long> days = new LinkedHashMap<>();
        for (int i = 0; i + 1 < t.size(); i++) {
            long d = Math.max(
                    0,
                    agoByAction.get(t.get(i).path("action").asString())
                            - agoByAction.get(t.get(i + 1).path("action").asString()));
            days.merge(t.get(i).path("toStatus").asString(), d, Long::sum);
        }
        days.remove(c.path("status").asString());
        days.forEach((status, d) -> {
            long[] v = into.computeIfAbsent(status, k -> new long[2]);
            v[0]++;
            v[1] += d;
        });
    }

    private double[] cultivated(String clueId) throws Exception {
        JsonNode a =
                json(getJson(token(Role.OFFICER), "/api/v1/clues/" + clueId)).path("analysis");
        assertThat(a.isObject()).as("clue %s has an analysis", clueId).isTrue();
        double illegal = "ILLEGAL".equals(a.at("/verdict/code").asString())
                ? a.at("/figures/unauthorisedBasicFarmlandM2").asDouble(0)
                        + a.at("/figures/unauthorisedOtherCultivatedM2").asDouble(0)
                : 0;
        return new double[] {illegal, a.path("cultivatedM2").asDouble()};
    }

    private LocalDate firstEvidence(String clueId) throws Exception {
        JsonNode k = json(getJson(token(Role.OFFICER), "/api/v1/clues/" + clueId));
        return OffsetDateTime.parse(k.path("firstEvidenceAt").asString())
                .atZoneSameInstant(CHINA)
                .toLocalDate();
    }

    @Test
    void figuresFollowTheCasesMadeHere() throws Exception {
        int year = today().getYear();
        String later = today().plusDays(400).toString();
        String q = "year=" + year + "&town=" + townA;
        JsonNode before = figures(Role.OFFICER, q);
        JsonNode beforeLater = figures(Role.OFFICER, q + "&asOf=" + later);

        // case A: verified 30 days ago, stop order 20 days ago, filed 10 days ago (status FILED)
        String clueA = newClue();
        String a = openCase(clueA).path("id").asString();
        verify(a, 30);
        stopOrder(a, 20);
        JsonNode caseA = file(a, 10, idNumber("11010519491231002"));
        // case B: decided long ago, performed, closed today
        String b = decidedLongAgo(idNumber("11010519491231003"));
        String clueB = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + b))
                .at("/clueIds/0")
                .asString();
        double paid = fineRange(b)[0];
        ok(
                token(Role.OFFICER),
                b,
                "RECORD_PERFORMANCE",
                data().put("performedOn", ago(225))
                        .put("description", "当事人已自行拆除并缴纳罚款")
                        .put("paidYuan", paid));
        JsonNode caseB = ok(
                token(Role.OFFICER), b, "CLOSE", data().put("closedOn", ago(0)).put("summary", "已履行，结案"));

        // case C: just opened, its verification due in a week
        String clueC = newClue();
        JsonNode caseC = openCase(clueC);

        JsonNode after = figures(Role.OFFICER, q);
        JsonNode afterLater = figures(Role.OFFICER, q + "&asOf=" + later);

        // cases by status
        for (String s : List.of("NEW", "FILED", "CLOSED")) {
            assertThat(count(after.path("byStatus"), "townCode", townA, "status", s)
                            - count(before.path("byStatus"), "townCode", townA, "status", s))
                    .as(s)
                    .isEqualTo(1);
        }
        assertThat(after.path("byStatus").toString()).doesNotContain(townB);

        // overdue steps: today, and 400 days later when every open deadline has passed
        long openNow = 0;
        long openAll = 0;
        for (JsonNode c : List.of(caseA, caseB, caseC)) {
            for (JsonNode d : c.path("deadlines")) {
                if (d.path("state").asString().equals("OPEN")) {
                    openAll++;
                    if (LocalDate.parse(d.path("dueOn").asString()).isBefore(today())) {
                        openNow++;
                    }
                }
            }
        }
        assertThat(openAll).isPositive();
        assertThat(after.at("/overdue/total").asLong()
                        - before.at("/overdue/total").asLong())
                .isEqualTo(openNow);
        assertThat(afterLater.at("/overdue/total").asLong()
                        - beforeLater.at("/overdue/total").asLong())
                .isEqualTo(openAll);
        assertThat(count(afterLater.at("/overdue/byTown"), "townCode", townA, null, null)
                        - count(beforeLater.at("/overdue/byTown"), "townCode", townA, null, null))
                .isEqualTo(openAll);
        assertThat(count(afterLater.at("/overdue/byOfficer"), "officer", "t-officer", null, null)
                        - count(beforeLater.at("/overdue/byOfficer"), "officer", "t-officer", null, null))
                .isEqualTo(openAll);

        // days per stage, from the dates of the acts (the opening is today, so NEW lasts 0 days)
        Map<String, long[]> expected = new LinkedHashMap<>();
        stays(caseA, Map.of("CREATE", 0, "VERIFY", 30, "STOP_ORDER", 20, "FILE", 10), expected);
        Map<String, Integer> agoB = new HashMap<>(Map.of(
                "CREATE", 0,
                "VERIFY", 300,
                "STOP_ORDER", 299,
                "FILE", 295,
                "RECORD_SURVEY", 294,
                "NOTIFY_PENALTY", 280,
                "DECIDE_PENALTY", 250,
                "RECORD_PERFORMANCE", 225,
                "CLOSE", 0));
        stays(caseB, agoB, expected);
        assertThat(expected.get("VERIFIED")[1]).isEqualTo(10 + 1);
        assertThat(expected.get("PERFORMED")[1]).isEqualTo(225);
        expected.forEach((status, v) -> {
            assertThat(stage(after, status).path("count").asLong()
                            - stage(before, status).path("count").asLong())
                    .as("count %s", status)
                    .isEqualTo(v[0]);
            assertThat(stage(after, status).path("totalDays").asLong()
                            - stage(before, status).path("totalDays").asLong())
                    .as("days %s", status)
                    .isEqualTo(v[1]);
        });
        // case A's statuses it left are all counted with the days between its acts
        assertThat(stage(after, "STOP_ORDERED").path("totalDays").asLong()
                        - stage(before, "STOP_ORDERED").path("totalDays").asLong())
                .isEqualTo(10 + 4);
        assertThat(stage(after, "PERFORMED").path("totalDays").asLong()
                        - stage(before, "PERFORMED").path("totalDays").asLong())
                .isEqualTo(225);
        JsonNode performed = stage(after, "PERFORMED");
        assertThat(performed.path("meanDays").asDouble())
                .isCloseTo(
                        (double) performed.path("totalDays").asLong()
                                / performed.path("count").asLong(),
                        within(0.01));

        // clue to filing and filing to closing
        long clueToFiling = Math.max(0, ChronoUnit.DAYS.between(firstEvidence(clueA), today().minusDays(10)))
                + Math.max(0, ChronoUnit.DAYS.between(firstEvidence(clueB), today().minusDays(295)));
        assertThat(after.at("/clueToFiling/count").asLong()
                        - before.at("/clueToFiling/count").asLong())
                .isEqualTo(2);
        assertThat(after.at("/clueToFiling/totalDays").asLong()
                        - before.at("/clueToFiling/totalDays").asLong())
                .isEqualTo(clueToFiling);
        assertThat(after.at("/filingToClosing/count").asLong()
                        - before.at("/filingToClosing/count").asLong())
                .isEqualTo(1);
        assertThat(after.at("/filingToClosing/totalDays").asLong()
                        - before.at("/filingToClosing/totalDays").asLong())
                .isEqualTo(295);
        assertThat(after.at("/filingToClosing/medianDays").isNumber()).isTrue();

        // accountability ratio of the town: from the stored analyses of the two clues
        double[] ca = cultivated(clueA);
        double[] cb = cultivated(clueB);
        double[] cc = cultivated(clueC);
        JsonNode tb = town(before, townA);
        JsonNode ta = town(after, townA);
        assertThat(ta.path("illegalCultivatedM2").asDouble()
                        - tb.path("illegalCultivatedM2").asDouble())
                .isCloseTo(ca[0] + cb[0] + cc[0], within(0.03));
        assertThat(ta.path("newlyBuiltCultivatedM2").asDouble()
                        - tb.path("newlyBuiltCultivatedM2").asDouble())
                .isCloseTo(ca[1] + cb[1] + cc[1], within(0.03));
        assertThat(ca[1] + cb[1] + cc[1]).isPositive();
        assertThat(ca[0] + cb[0] + cc[0])
                .as("the clues are illegal occupations")
                .isPositive();
        double ratio = ta.path("illegalCultivatedM2").asDouble()
                / ta.path("newlyBuiltCultivatedM2").asDouble();
        assertThat(ta.path("ratio").asDouble()).isCloseTo(ratio, within(0.001));
        String level = ratio >= 0.15 ? "SANCTION" : ratio >= 0.10 ? "WARNING" : "NORMAL";
        assertThat(ta.path("level").asString()).isEqualTo(level);
        assertThat(after.at("/accountability/warnRatio").asDouble()).isEqualTo(0.10);
        assertThat(after.at("/accountability/sanctionRatio").asDouble()).isEqualTo(0.15);
    }

    private static boolean hasTown(JsonNode arr, String townCode) {
        for (JsonNode n : arr) {
            if (n.path("townCode").asString().equals(townCode)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void figuresAreScoped() throws Exception {
        // a case in town B (a clue of village B1) and one in town A, both with a deadline open
        String inB = openCase(clueAt(nextPlace(villageB1).patch(), login("t-inspector-b", "secret-inspector")))
                .path("id")
                .asString();
        String inA = openCase(newClue()).path("id").asString();
        assertThat(json(getJson(token(Role.OFFICER), "/api/v1/cases/" + inB))
                        .path("gridCode")
                        .asString())
                .isEqualTo(villageB1);
        String year = "year=" + today().getYear();
        String later = year + "&asOf=" + today().plusDays(400);

        // the bureau sees both towns: cases, overdue steps, accountability
        for (Role bureau : List.of(Role.OFFICER, Role.ADMIN)) {
            JsonNode all = figures(bureau, year);
            JsonNode allLater = figures(bureau, later);
            for (String t : List.of(townA, townB)) {
                assertThat(hasTown(all.path("byStatus"), t))
                        .as("%s: cases of %s", bureau, t)
                        .isTrue();
                assertThat(hasTown(all.at("/accountability/towns"), t))
                        .as("%s: accountability of %s", bureau, t)
                        .isTrue();
                assertThat(hasTown(allLater.at("/overdue/byTown"), t))
                        .as("%s: overdue steps of %s", bureau, t)
                        .isTrue();
            }
            assertThat(count(
                            figures(bureau, year + "&town=" + townB).path("byStatus"),
                            "townCode",
                            townB,
                            "status",
                            "NEW"))
                    .as(bureau.name())
                    .isPositive();
        }

        // town A sees its own town only, also when it asks for town B
        JsonNode town = figures(Role.TOWN, year);
        assertThat(hasTown(town.path("byStatus"), townA)).isTrue();
        assertThat(town.path("byStatus").toString()).doesNotContain(townB);
        assertThat(hasTown(town.at("/accountability/towns"), townA)).isTrue();
        assertThat(town.at("/accountability/towns").toString()).doesNotContain(townB);
        JsonNode townLater = figures(Role.TOWN, later);
        assertThat(hasTown(townLater.at("/overdue/byTown"), townA)).isTrue();
        assertThat(townLater.at("/overdue/byTown").toString()).doesNotContain(townB);
        JsonNode askedForB = figures(Role.TOWN, later + "&town=" + townB);
        assertThat(askedForB.path("byStatus")).isEmpty();
        assertThat(askedForB.at("/overdue/total").asLong()).isZero();
        assertThat(askedForB.at("/accountability/towns")).isEmpty();
        assertThat(askedForB.at("/clueToFiling/count").asLong()).isZero();

        // and town B its own
        JsonNode otherTown = json(getJson(login("t-town-b", "secret-town"), "/api/v1/cases/figures?" + later));
        assertThat(hasTown(otherTown.path("byStatus"), townB)).isTrue();
        assertThat(otherTown.path("byStatus").toString()).doesNotContain(townA);
        assertThat(otherTown.at("/overdue/byTown").toString()).doesNotContain(townA);
        assertThat(otherTown.at("/accountability/towns").toString()).doesNotContain(townA);
        assertThat(inA).isNotEqualTo(inB);

        assertThat(figures(Role.LEADER, year).path("accountability").isObject()).isTrue();
        problem(getJson(token(Role.INSPECTOR), "/api/v1/cases/figures"), 403, "FORBIDDEN");
        problem(getJson(token(Role.OFFICER), "/api/v1/cases/figures?asOf=tomorrow"), 400, "PARAMETER_INVALID");
        problem(getJson(token(Role.OFFICER), "/api/v1/cases/figures?town=x1"), 400, "PARAMETER_INVALID");
    }

    private JsonNode reminderList(String token, String query) throws Exception {
        var r = getJson(token, "/api/v1/cases/reminders?" + query);
        JsonNode out = json(r);
        assertThat(r.andReturn().getResponse().getStatus()).as(out.toString()).isEqualTo(200);
        return out.path("items");
    }

    private static long ofCase(JsonNode items, String caseId, String step) {
        long n = 0;
        for (JsonNode i : items) {
            if (i.path("caseId").asString().equals(caseId)
                    && i.path("step").asString().equals(step)) {
                n++;
            }
        }
        return n;
    }

    private static long ofCase(List<CaseReminder> made, String caseId, String step) {
        return made.stream()
                .filter(r -> r.caseId().equals(caseId) && r.step().equals(step))
                .count();
    }

    @Test
    void remindersOncePerDeadlineAndDay() throws Exception {
        JsonNode c = openCase(newClue());
        String id = c.path("id").asString();
        LocalDate verifyDue = verifyDue(c);

        // three days before: not yet
        assertThat(ofCase(reminders.run(verifyDue.minusDays(3)), id, "VERIFY")).isZero();
        // the day before the due date: reminded once, however often the job runs
        LocalDate day = verifyDue.minusDays(1);
        events.clear();
        List<CaseReminder> first = reminders.run(day);
        assertThat(ofCase(first, id, "VERIFY")).isEqualTo(1);
        assertThat(events.stream(CaseReminder.class)
                        .filter(r -> r.caseId().equals(id))
                        .toList())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.dueOn()).isEqualTo(verifyDue);
                    assertThat(r.officer()).isEqualTo("t-officer");
                    assertThat(r.overdue()).isFalse();
                });
        assertThat(ofCase(reminders.run(day), id, "VERIFY")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_reminder WHERE case_id = ? AND remind_on = ?")
                        .params(id, day)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // overdue: reminded again on a later day
        assertThat(ofCase(reminders.run(verifyDue.plusDays(3)), id, "VERIFY")).isEqualTo(1);

        String on = "on=" + day;
        assertThat(ofCase(reminderList(token(Role.OFFICER), "mine=true&" + on), id, "VERIFY"))
                .isEqualTo(1);
        assertThat(ofCase(reminderList(token(Role.ADMIN), "mine=true&" + on), id, "VERIFY"))
                .isZero();
        assertThat(ofCase(reminderList(token(Role.ADMIN), "mine=false&" + on), id, "VERIFY"))
                .isEqualTo(1);
        assertThat(ofCase(reminderList(token(Role.TOWN), "mine=true&" + on), id, "VERIFY"))
                .isZero();
        assertThat(ofCase(reminderList(token(Role.TOWN), "mine=false&" + on), id, "VERIFY"))
                .isEqualTo(1);
        assertThat(ofCase(reminderList(login("t-town-b", "secret-town"), "mine=false&" + on), id, "VERIFY"))
                .isZero();
        JsonNode overdue = reminderList(token(Role.OFFICER), "on=" + verifyDue.plusDays(3));
        assertThat(ofCase(overdue, id, "VERIFY")).isEqualTo(1);
        for (JsonNode i : overdue) {
            if (i.path("caseId").asString().equals(id)) {
                assertThat(i.path("overdue").asBoolean()).isTrue();
                assertThat(i.path("daysLeft").asLong()).isEqualTo(-3);
            }
        }
        problem(getJson(token(Role.INSPECTOR), "/api/v1/cases/reminders"), 403, "FORBIDDEN");
    }

    @Test
    void executionStepsAreRemindedToTheTown() throws Exception {
        String id = appliedToCourt(idNumber("11010519491231004"));
        JsonNode c = ok(
                token(Role.COURT),
                id,
                "COURT_RULING",
                data().put("decision", "ALLOW")
                        .put("ruledOn", ago(1))
                        .put("rulingNumber", "（2026）巡执审9号")
                        .put("reason", "证据充分"));
        LocalDate due = null;
        for (JsonNode d : c.path("deadlines")) {
            if (d.path("step").asString().equals("EXECUTION")) {
                due = LocalDate.parse(d.path("dueOn").asString());
            }
        }
        assertThat(due).isNotNull();
        LocalDate tomorrowDue = due.minusDays(1);
        assertThat(ofCase(reminders.run(tomorrowDue), id, "EXECUTION")).isEqualTo(1);
        String on = "mine=true&on=" + tomorrowDue;
        JsonNode town = reminderList(token(Role.TOWN), on);
        assertThat(ofCase(town, id, "EXECUTION")).isEqualTo(1);
        assertThat(town.toString()).doesNotContain("\"step\":\"VERIFY\"");
        assertThat(ofCase(reminderList(login("t-town-b", "secret-town"), on), id, "EXECUTION"))
                .isZero();
        assertThat(ofCase(reminderList(token(Role.OFFICER), on), id, "EXECUTION"))
                .isZero();
    }
}
