package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Clues from patrol uploads (issue 4, item 5): a patch on basic farmland is analysed at once and becomes a clue with
 * its verdict; the same patch in a later record is linked to it; a point becomes a clue to be outlined; the list is
 * filtered and scoped; the webhook hears of new clues (its first answer is an error, so it is retried).
 */
class ClueApiTest extends PatrolTestSupport {
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-26T08:00:00+08:00");
    /** The webhook's receiver: its first answer is an error, so the first notice is retried. */
    private static final WebhookReceiver HOOK = WebhookReceiver.start((call, body) -> call == 1 ? 500 : 204);

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("gengbao.clues.webhook-url", () -> HOOK.url().toString());
        registry.add("gengbao.clues.webhook-backoff", () -> "PT0.1S");
    }

    @AfterAll
    static void stopHook() {
        HOOK.close();
    }

    private JsonNode upload(String token, ObjectNode body) throws Exception {
        JsonNode r = json(putRecord(token, newId(), JSON.writeValueAsString(body)));
        assertThat(r.path("status").asString()).as(r.toString()).isEqualTo("CREATED");
        return r;
    }

    @Test
    void aPatchOnFarmlandBecomesAClueWithItsAnalysisAndLaterSightingsAreLinked() throws Exception {
        Place place = nextPlace();
        String token = token(Role.INSPECTOR);
        ObjectNode patch = observation("SUSPECTED_VIOLATION", geoJson(place.patch()), START.plusMinutes(20));
        JsonNode first = upload(token, record(START, place.centre(), patch));
        assertThat(first.path("clues")).hasSize(1);
        JsonNode link = first.at("/clues/0");
        assertThat(link.path("linked").asBoolean()).isFalse();
        assertThat(link.path("observationId").asString())
                .isEqualTo(patch.get("clientId").asString());
        String clueId = link.path("id").asString();

        JsonNode clue = json(getJson(token(Role.OFFICER), "/api/v1/clues/" + clueId));
        assertThat(clue.path("source").asString()).isEqualTo("PATROL");
        assertThat(clue.path("status").asString()).isEqualTo("NEW");
        assertThat(clue.path("gridCode").asString()).isEqualTo(villageA1);
        assertThat(clue.path("needsOutline").asBoolean()).isFalse();
        assertThat(clue.at("/location/type").asString()).isEqualTo("Polygon");
        JsonNode analysis = clue.path("analysis");
        assertThat(analysis.path("id").asString())
                .isEqualTo(clue.path("analysisId").asString());
        assertThat(analysis.path("asOf").asString()).isEqualTo("2026-11-26");
        assertThat(analysis.path("basicFarmlandM2").asDouble()).isGreaterThan(300.0);
        assertThat(analysis.at("/verdict/code").asString()).isNotEqualTo("NO_FARMLAND_INVOLVED");
        assertThat(clue.path("verdict").asString())
                .isEqualTo(analysis.at("/verdict/code").asString());
        assertThat(link.path("verdict").asString())
                .isEqualTo(clue.path("verdict").asString());
        assertThat(clue.path("areaM2").asDouble())
                .isEqualTo(analysis.path("areaM2").asDouble());
        assertThat(OffsetDateTime.parse(clue.path("firstEvidenceAt").asString()).toInstant())
                .isEqualTo(START.plusMinutes(20).toInstant());
        assertThat(clue.path("evidence")).hasSize(1);
        JsonNode evidence = clue.at("/evidence/0");
        assertThat(evidence.path("recordId").asString())
                .isEqualTo(first.path("clientId").asString());
        assertThat(evidence.path("inspector").asString()).isEqualTo("t-inspector");
        assertThat(evidence.path("note").asString()).contains("suspected");
        assertThat(evidence.path("createdClue").asBoolean()).isTrue();

        // seen again a week later, slightly shifted: linked to the same clue, with its own analysis kept
        ObjectNode again = observation(
                "SUSPECTED_VIOLATION",
                geoJson(place.patch().buffer(-2).getEnvelope()),
                START.plusDays(7),
                sha256(ExifJpeg.plain(501)));
        JsonNode second = upload(token(Role.INSPECTOR), record(START.plusDays(7), place.centre(), again));
        assertThat(second.at("/clues/0/id").asString()).isEqualTo(clueId);
        assertThat(second.at("/clues/0/linked").asBoolean()).isTrue();
        JsonNode linked = json(getJson(token(Role.OFFICER), "/api/v1/clues/" + clueId));
        assertThat(linked.path("evidence")).hasSize(2);
        assertThat(linked.at("/evidence/1/createdClue").asBoolean()).isFalse();
        assertThat(linked.at("/evidence/1/analysisId").asString())
                .isNotEqualTo(clue.path("analysisId").asString());
        assertThat(linked.at("/evidence/1/photos/0/received").asBoolean()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM clue_observation WHERE clue_id = ?", clueId))
                .isEqualTo(2);

        // a patch at the same place after the clue was dismissed makes a new clue
        jdbc.sql("UPDATE clue SET status = 'DISMISSED' WHERE id = ?")
                .param(clueId)
                .update();
        ObjectNode third = observation("SUSPECTED_VIOLATION", geoJson(place.patch()), START.plusDays(30));
        JsonNode fresh = upload(token, record(START.plusDays(30), place.centre(), third));
        assertThat(fresh.at("/clues/0/id").asString()).isNotEqualTo(clueId);
        assertThat(fresh.at("/clues/0/linked").asBoolean()).isFalse();

        awaitNotice(clueId);
    }

    @Test
    void aPointBecomesAClueToBeOutlinedAndItsOutlineLaterCompletesIt() throws Exception {
        Place place = nextPlace();
        String token = token(Role.INSPECTOR);
        ObjectNode seen = observation("SUSPECTED_VIOLATION", point(place.centre()), START.plusMinutes(5));
        JsonNode first = upload(token, record(START, place.centre(), seen));
        String clueId = first.at("/clues/0/id").asString();
        assertThat(first.at("/clues/0/verdict").isNull()).isTrue();
        JsonNode clue = json(getJson(token(Role.OFFICER), "/api/v1/clues/" + clueId));
        assertThat(clue.path("needsOutline").asBoolean()).isTrue();
        assertThat(clue.path("analysis").isNull()).isTrue();
        assertThat(clue.at("/location/type").asString()).isEqualTo("Point");

        JsonNode listed = json(getJson(token(Role.OFFICER), "/api/v1/clues?needsOutline=true&size=200"));
        assertThat(listed.path("items").toString()).contains(clueId);
        JsonNode outlined = json(getJson(token(Role.OFFICER), "/api/v1/clues?needsOutline=false&size=200"));
        assertThat(outlined.path("items").toString()).doesNotContain(clueId);

        // another point 10 m away is the same place
        ObjectNode near = observation(
                "SUSPECTED_VIOLATION",
                point(new Coordinate(place.centre().x + 10, place.centre().y)),
                START.plusMinutes(40));
        JsonNode second = upload(token, record(START, place.centre(), near));
        assertThat(second.at("/clues/0/id").asString()).isEqualTo(clueId);
        assertThat(second.at("/clues/0/linked").asBoolean()).isTrue();

        // the outline drawn on site gives the clue its analysis
        ObjectNode outline = observation("SUSPECTED_VIOLATION", geoJson(place.patch()), START.plusHours(2));
        JsonNode third = upload(token, record(START.plusHours(2), place.centre(), outline));
        assertThat(third.at("/clues/0/id").asString()).isEqualTo(clueId);
        JsonNode complete = json(getJson(token(Role.OFFICER), "/api/v1/clues/" + clueId));
        assertThat(complete.path("needsOutline").asBoolean()).isFalse();
        assertThat(complete.at("/location/type").asString()).isEqualTo("Polygon");
        assertThat(complete.path("verdict").asString())
                .isEqualTo(complete.at("/analysis/verdict/code").asString());
        assertThat(third.at("/clues/0/verdict").asString())
                .isEqualTo(complete.path("verdict").asString());
        assertThat(complete.path("evidence")).hasSize(3);
    }

    @Test
    void theListIsFilteredAndScoped() throws Exception {
        Place place = nextPlace();
        ObjectNode patch = observation("SUSPECTED_VIOLATION", geoJson(place.patch()), START.plusMinutes(20));
        JsonNode up = upload(token(Role.INSPECTOR), record(START, place.centre(), patch));
        String clueId = up.at("/clues/0/id").asString();
        String verdict = up.at("/clues/0/verdict").asString();

        JsonNode all = json(getJson(token(Role.OFFICER), "/api/v1/clues?size=200"));
        assertThat(all.path("items").toString()).contains(clueId);
        assertThat(all.path("total").asLong()).isGreaterThanOrEqualTo(1);
        List<String> created = new java.util.ArrayList<>();
        all.path("items").forEach(i -> created.add(i.path("createdAt").asString()));
        List<OffsetDateTime> times = created.stream().map(OffsetDateTime::parse).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isBeforeOrEqualTo(times.get(i - 1));
        }
        assertThat(json(getJson(token(Role.OFFICER), "/api/v1/clues?verdict=" + verdict + "&size=200"))
                        .path("items")
                        .toString())
                .contains(clueId);
        String otherVerdict = "LEGAL".equals(verdict) ? "ILLEGAL" : "LEGAL";
        assertThat(json(getJson(token(Role.OFFICER), "/api/v1/clues?verdict=" + otherVerdict + "&size=200"))
                        .path("items")
                        .toString())
                .doesNotContain(clueId);
        assertThat(json(getJson(
                                token(Role.OFFICER),
                                "/api/v1/clues?cell=" + townA + "&status=NEW&source=PATROL&size=200"))
                        .path("items")
                        .toString())
                .contains(clueId);
        assertThat(json(getJson(token(Role.OFFICER), "/api/v1/clues?cell=" + villageB1 + "&size=200"))
                        .path("items")
                        .toString())
                .doesNotContain(clueId);
        assertThat(json(getJson(token(Role.OFFICER), "/api/v1/clues?since=2099-01-01"))
                        .path("items"))
                .isEmpty();
        JsonNode page = json(getJson(token(Role.OFFICER), "/api/v1/clues?page=0&size=1"));
        assertThat(page.path("items")).hasSize(1);

        for (String[] outsider : new String[][] {
            {"t-inspector-b", "secret-inspector"}, {"t-inspector-a2", "secret-inspector"}, {"t-town-b", "secret-town"}
        }) {
            String t = login(outsider[0], outsider[1]);
            problem(getJson(t, "/api/v1/clues/" + clueId), 404, "CLUE_NOT_FOUND");
            assertThat(json(getJson(t, "/api/v1/clues?size=200")).path("items").toString())
                    .doesNotContain(clueId);
        }
        for (Role insider : new Role[] {Role.INSPECTOR, Role.VILLAGE, Role.TOWN, Role.LEADER, Role.ADMIN}) {
            assertThat(getJson(token(insider), "/api/v1/clues/" + clueId)
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(insider.name())
                    .isEqualTo(200);
        }
        problem(getJson(token(Role.POLICE), "/api/v1/clues"), 403, "FORBIDDEN");
        problem(getJson(token(Role.OFFICER), "/api/v1/clues?since=yesterday"), 400, "PARAMETER_INVALID");
        problem(getJson(token(Role.OFFICER), "/api/v1/clues?size=1000"), 400, "PARAMETER_INVALID");
        problem(getJson(token(Role.OFFICER), "/api/v1/clues/no-such-clue"), 404, "CLUE_NOT_FOUND");
    }

    private static void awaitNotice(String clueId) throws InterruptedException {
        JsonNode notice = JSON.readTree(HOOK.await(n -> n.contains(clueId), Duration.ofSeconds(15), "clue " + clueId));
        assertThat(notice.path("event").asString()).isEqualTo("CLUE_CREATED");
        assertThat(notice.path("clueId").asString()).isEqualTo(clueId);
        assertThat(notice.at("/location/type").asString()).isEqualTo("Point");
        assertThat(notice.at("/location/coordinates/0").asDouble()).isBetween(73.0, 136.0);
    }
}
