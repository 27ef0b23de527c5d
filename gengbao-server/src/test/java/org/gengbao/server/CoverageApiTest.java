package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gengbao.server.accounts.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Coverage, effort and latency figures from records, visits and clues put straight into the tables (the upload tests
 * and the simulated field day produce them through the API), on a day no other test uses.
 */
class CoverageApiTest extends ServerTestBase {
    private static final LocalDate DAY = LocalDate.of(2025, 2, 17);
    /** 08:00 in the county (UTC+8) on {@link #DAY}. */
    private static final OffsetDateTime MORNING = DAY.atTime(0, 0).atOffset(ZoneOffset.UTC);

    private static boolean seeded;
    private static List<String> parcelsA1;

    @BeforeEach
    void seedRecords() {
        synchronized (CoverageApiTest.class) {
            if (seeded) {
                return;
            }
            parcelsA1 = jdbc.sql("SELECT id FROM farmland_parcel WHERE grid_code = ? ORDER BY id")
                    .param(villageA1)
                    .query(String.class)
                    .list();
            record("cov-a1-morning", "t-inspector", villageA1, 0, 60, 1000.0);
            record("cov-a1-afternoon", "t-inspector", villageA1, 300, 30, 500.25);
            record("cov-b1", "t-inspector-b", villageB1, 60, 45, 2000.0);
            // the day before, in the coverage window but not in the effort of DAY
            record("cov-a1-before", "t-inspector", villageA1, -24 * 60, 20, 100.0);
            visit(parcelsA1.get(0), "cov-a1-morning");
            visit(parcelsA1.get(1), "cov-a1-morning");
            visit(parcelsA1.get(1), "cov-a1-afternoon");
            visit(parcelsA1.get(2), "cov-a1-afternoon");
            visit(parcelsA1.get(3), "cov-a1-before");
            clue("cov-clue-1", villageA1, 10);
            clue("cov-clue-2", villageA1, 20);
            clue("cov-clue-3", villageA1, 60);
            clue("cov-clue-4", villageB1, 5);
            seeded = true;
        }
    }

    private void record(String id, String inspector, String cell, int startMinutes, int minutes, double lengthM) {
        OffsetDateTime start = MORNING.plusMinutes(startMinutes);
        jdbc.sql("INSERT INTO patrol_record (client_id, inspector, grid_code, started_at, ended_at, received_at,"
                        + " content_sha256, body, track_length_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        inspector,
                        cell,
                        start,
                        start.plusMinutes(minutes),
                        start.plusMinutes(minutes + 5),
                        "0".repeat(64),
                        "{}",
                        lengthM)
                .update();
    }

    private void visit(String parcel, String record) {
        String inspector = jdbc.sql("SELECT inspector FROM patrol_record WHERE client_id = ?")
                .param(record)
                .query(String.class)
                .single();
        OffsetDateTime started = jdbc.sql("SELECT started_at FROM patrol_record WHERE client_id = ?")
                .param(record)
                .query(OffsetDateTime.class)
                .single();
        jdbc.sql(
                        "INSERT INTO parcel_visit (parcel_id, record_id, inspector, grid_code, visited_on) VALUES (?, ?, ?, ?, ?)")
                .params(
                        parcel,
                        record,
                        inspector,
                        villageA1,
                        started.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                                .toLocalDate())
                .update();
    }

    private void clue(String id, String cell, int latencyMinutes) {
        OffsetDateTime seen = MORNING.plusHours(2);
        jdbc.sql("INSERT INTO clue (id, source, status, grid_code, geom, needs_outline, first_evidence_at, created_at)"
                        + " VALUES (?, 'PATROL', 'NEW', ?, ST_GeomFromText('POINT (500000 4000000)', ?), TRUE, ?, ?)")
                .params(id, cell, counties.require().crs().epsg(), seen, seen.plusMinutes(latencyMinutes))
                .update();
    }

    private JsonNode getJson(Role role, String url) throws Exception {
        return getJson(token(role), url);
    }

    private JsonNode getJson(String token, String url) throws Exception {
        var response = mvc.perform(get(url).header("Authorization", bearer(token)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private static List<JsonNode> rows(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void effortAddsUpTheRecordsOfADayPerInspectorAndCell() throws Exception {
        JsonNode all = getJson(Role.OFFICER, "/api/v1/patrol/effort?from=" + DAY + "&to=" + DAY);
        List<JsonNode> rows = rows(all.get("rows"));
        JsonNode a1 = rows.stream()
                .filter(r -> r.get("inspector").asString().equals("t-inspector"))
                .findFirst()
                .orElseThrow();
        assertThat(a1.get("date").asString()).isEqualTo(DAY.toString());
        assertThat(a1.get("gridCode").asString()).isEqualTo(villageA1);
        assertThat(a1.get("records").asInt()).isEqualTo(2);
        assertThat(a1.get("distanceM").asDouble()).isEqualTo(1500.3);
        assertThat(a1.get("patrolMinutes").asDouble()).isEqualTo(90.0);
        assertThat(a1.get("parcelsVisited").asInt())
                .as("distinct parcels of the day")
                .isEqualTo(3);
        assertThat(rows).anyMatch(r -> r.get("inspector").asString().equals("t-inspector-b"));
        assertThat(rows)
                .noneMatch(r -> r.get("date").asString().equals(DAY.minusDays(1).toString()));
    }

    @Test
    void inspectorsSeeOnlyTheirOwnEffortAndTownsOnlyTheirTown() throws Exception {
        JsonNode own = getJson(
                Role.INSPECTOR, "/api/v1/patrol/effort?from=" + DAY + "&to=" + DAY + "&inspector=t-inspector-b");
        assertThat(rows(own.get("rows")))
                .isNotEmpty()
                .allMatch(r -> r.get("inspector").asString().equals("t-inspector"));
        JsonNode town = getJson(Role.TOWN, "/api/v1/patrol/effort?from=" + DAY + "&to=" + DAY);
        assertThat(rows(town.get("rows")))
                .isNotEmpty()
                .allMatch(r -> r.get("gridCode").asString().startsWith(townA.substring(0, 9)));
        JsonNode other = getJson(login("t-town-b", "secret-town"), "/api/v1/patrol/effort?from=" + DAY + "&to=" + DAY);
        assertThat(rows(other.get("rows")))
                .noneMatch(r -> r.get("gridCode").asString().equals(villageA1));
        JsonNode coverage = getJson(login("t-town-b", "secret-town"), "/api/v1/patrol/coverage?asOf=" + DAY);
        assertThat(rows(coverage.get("cells")))
                .noneMatch(r -> r.get("gridCode").asString().equals(villageA1));
        JsonNode latency = getJson(
                login("t-town-b", "secret-town"),
                "/api/v1/patrol/latency?from=" + DAY + "&to=" + DAY + "&cell=" + villageA1);
        assertThat(latency.get("cells").size())
                .as("a cell outside the scope gives nothing")
                .isZero();
    }

    @Test
    void coverageIsTheShareOfParcelsVisitedInTheWindow() throws Exception {
        JsonNode week = getJson(Role.OFFICER, "/api/v1/patrol/coverage?asOf=" + DAY + "&days=7&cell=" + villageA1);
        assertThat(week.get("cells").size()).isEqualTo(1);
        JsonNode cell = week.get("cells").get(0);
        assertThat(cell.get("parcels").asInt()).isEqualTo(parcelsA1.size());
        assertThat(cell.get("visited").asInt()).isEqualTo(4);
        assertThat(cell.get("share").asDouble())
                .isCloseTo(4.0 / parcelsA1.size(), org.assertj.core.data.Offset.offset(1e-4));
        JsonNode oneDay = getJson(Role.OFFICER, "/api/v1/patrol/coverage?asOf=" + DAY + "&days=1&cell=" + villageA1);
        assertThat(oneDay.at("/cells/0/visited").asInt())
                .as("the day before is outside a 1-day window")
                .isEqualTo(3);
        JsonNode county = getJson(Role.LEADER, "/api/v1/patrol/coverage?asOf=" + DAY);
        assertThat(county.get("parcels").asInt()).isEqualTo(farmland.count());
    }

    @Test
    void latencyRunsFromTheFirstEvidenceToTheClue() throws Exception {
        JsonNode json = getJson(Role.OFFICER, "/api/v1/patrol/latency?from=" + DAY + "&to=" + DAY);
        JsonNode a1 = rows(json.get("cells")).stream()
                .filter(r -> r.get("gridCode").asString().equals(villageA1))
                .findFirst()
                .orElseThrow();
        assertThat(a1.get("clues").asInt()).isEqualTo(3);
        assertThat(a1.get("meanMinutes").asDouble()).isEqualTo(30.0);
        assertThat(a1.get("medianMinutes").asDouble()).isEqualTo(20.0);
        assertThat(a1.get("maxMinutes").asDouble()).isEqualTo(60.0);
    }

    @Test
    void badPeriodsAndRolesAreRefused() throws Exception {
        String t = token(Role.OFFICER);
        problem(
                mvc.perform(get("/api/v1/patrol/effort?from=2025-02-18&to=2025-02-17")
                        .header("Authorization", bearer(t))),
                400,
                "PERIOD_INVALID");
        problem(
                mvc.perform(get("/api/v1/patrol/effort?from=2025-2-1").header("Authorization", bearer(t))),
                400,
                "DATE_INVALID");
        problem(
                mvc.perform(get("/api/v1/patrol/coverage?days=0").header("Authorization", bearer(t))),
                400,
                "PARAMETER_INVALID");
        problem(
                mvc.perform(get("/api/v1/patrol/coverage?cell=abc").header("Authorization", bearer(t))),
                400,
                "GRID_CODE_INVALID");
        problem(
                mvc.perform(get("/api/v1/patrol/coverage").header("Authorization", bearer(token(Role.COURT)))),
                403,
                "FORBIDDEN");
    }
}
