package org.gengbao.server.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gengbao.server.ServerTestBase;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.cli.CliRun;
import org.gengbao.server.grid.GridCell;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The planning rules on the seeded county: coverage of basic-farmland parcels (visited yesterday: not due; never
 * visited: due), open clues to re-check, one planned task per cell and day however often planning runs, the same task
 * for the same data; through the service, the API and the command line.
 */
// Other test classes on this database leave dozens of open clues in village A1, which as the most urgent targets would
// fill the default 20 places of a task and push out the parcels these tests look for.
@org.springframework.test.context.TestPropertySource(properties = "gengbao.patrol.planning.max-targets=500")
class PatrolPlannerTest extends ServerTestBase {
    @Autowired
    PatrolPlanner planner;

    @Autowired
    PatrolTasks tasks;

    @Autowired
    PlanningProperties planning;

    @Test
    void parcelsVisitedYesterdayAreNotDueNeverVisitedOnesAreAndOpenCluesAreRechecked() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 10);
        List<String> parcels = parcelsOf(villageA1);
        assertThat(parcels).hasSizeGreaterThan(2);
        Set<String> everVisited = Set.copyOf(jdbc.sql("SELECT DISTINCT parcel_id FROM parcel_visit")
                .query(String.class)
                .list());
        String never = parcels.stream()
                .filter(p -> !everVisited.contains(p))
                .findFirst()
                .orElseThrow();
        String record = "test-planner-" + UUID.randomUUID();
        for (String p : parcels) {
            if (!p.equals(never)) {
                jdbc.sql("INSERT INTO parcel_visit (parcel_id, record_id, inspector, grid_code, visited_on)"
                                + " VALUES (?, ?, 't-inspector', ?, ?)")
                        .params(p, record, villageA1, day.minusDays(1))
                        .update();
            }
        }
        org.gengbao.server.PatrolTestSupport.reserveParcel(parcels.get(1));
        org.gengbao.server.PatrolTestSupport.reserveParcel(parcels.get(2));
        String clue = insertClue(villageA1, parcelGeometry(parcels.get(1)).getInteriorPoint(), "OPEN");
        String dismissed = insertClue(villageA1, parcelGeometry(parcels.get(2)).getInteriorPoint(), "DISMISSED");

        JsonNode report = plan(day);
        String id = taskOf(villageA1, day);
        assertThat(report.path("taskIds").toString()).contains(id);
        PatrolTask task = tasks.find(id).orElseThrow();
        List<TaskTarget> parcelTargets =
                task.targets().stream().filter(t -> t.type().equals("PARCEL")).toList();
        assertThat(parcelTargets).extracting(TaskTarget::id).containsExactly(never);
        assertThat(parcelTargets.get(0).reason()).isEqualTo("NEVER_VISITED");
        assertThat(parcelTargets.get(0).lastVisit()).isNull();
        assertThat(task.targets())
                .filteredOn(t -> t.type().equals("CLUE"))
                .extracting(TaskTarget::id)
                .contains(clue)
                .doesNotContain(dismissed);
        assertThat(task.targets())
                .filteredOn(t -> t.id().equals(clue))
                .singleElement()
                .satisfies(t -> assertThat(t.reason()).isEqualTo("OPEN_CLUE"));
        assertThat(task.kind()).isEqualTo(TaskKind.RECHECK);
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.dueDate()).isEqualTo(day);
        assertThat(inspectorsOf(villageA1)).contains(task.assignee());
        // targets most urgent first, and the area covers every target and stays inside the cell
        for (int i = 1; i < task.targets().size(); i++) {
            assertThat(task.targets().get(i).priority())
                    .isLessThanOrEqualTo(task.targets().get(i - 1).priority());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patrol_task t, farmland_parcel p WHERE t.id = ? AND p.id = ?"
                                + " AND ST_Intersects(t.area, p.geom)")
                        .params(id, never)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT ST_Area(ST_Difference(t.area, c.geom)) FROM patrol_task t, grid_cell c"
                                + " WHERE t.id = ? AND c.code = t.grid_code")
                        .param(id)
                        .query(Double.class)
                        .single())
                .isLessThan(1.0);
    }

    @Test
    void planningTheSameDayAgainCreatesNoSecondTask() throws Exception {
        LocalDate day = LocalDate.of(2030, 11, 3);
        JsonNode first = plan(day);
        assertThat(first.path("tasksCreated").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(first.path("cells").asInt())
                .isGreaterThanOrEqualTo(first.path("tasksCreated").asInt());
        JsonNode second = plan(day);
        assertThat(second.path("tasksCreated").asInt()).isZero();
        assertThat(second.path("skipped").toString()).contains(villageA1, "ALREADY_PLANNED");
        for (String cell : List.of(villageA1, villageA2, villageB1)) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM patrol_task WHERE grid_code = ? AND task_date = ?"
                                    + " AND kind <> 'MANUAL'")
                            .params(cell, day)
                            .query(Integer.class)
                            .single())
                    .as("planned tasks of %s", cell)
                    .isEqualTo(1);
        }
        // cells without an inspector are named with the reason
        JsonNode skipped = second.path("skipped");
        assertThat(skipped.size()).isEqualTo(second.path("cells").asInt());
    }

    @Test
    void theSameDataGivesTheSameTask() {
        LocalDate day = LocalDate.of(2030, 12, 24);
        GridCell cell = gridCells.find(villageA2).orElseThrow();
        PatrolTask a = planner.planCell(counties.require(), cell, day, "t-inspector-a2", "test")
                .orElseThrow();
        PatrolTask b = planner.planCell(counties.require(), cell, day, "t-inspector-a2", "test")
                .orElseThrow();
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.targets()).isEqualTo(a.targets());
        assertThat(b.area().equalsExact(a.area())).isTrue();
        assertThat(b.kind()).isEqualTo(a.kind());
        assertThat(a.targets()).hasSizeLessThanOrEqualTo(planning.maxTargets());
    }

    @Test
    void onlyOfficersAndAdministratorsPlanAndTheDateMustBeADate() throws Exception {
        problem(
                mvc.perform(post("/api/v1/patrol/plans")
                        .header("Authorization", bearer(token(Role.INSPECTOR)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2030-01-01\"}")),
                403,
                "FORBIDDEN");
        problem(
                mvc.perform(post("/api/v1/patrol/plans")
                        .header("Authorization", bearer(token(Role.OFFICER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2030-13-01\"}")),
                400,
                "DATE_INVALID");
    }

    @Test
    void theCommandLinePlansADayOnce() {
        String day = "2030-10-17";
        String[] db = {
            "--db-url", DB.url, "--db-user", DB.user, "--db-password", DB.password, "--data", DB.dataDir.toString()
        };
        String[] first = cli("patrol", "plan", "--date", day, db);
        assertThat(first[0]).as(first[2]).isEqualTo("0");
        JsonNode report = JSON.readTree(first[1]);
        assertThat(report.path("date").asString()).isEqualTo(day);
        assertThat(report.path("tasksCreated").asInt()).isGreaterThanOrEqualTo(3);
        String[] again = cli("patrol", "plan", "--date", day, db);
        assertThat(again[0]).as(again[2]).isEqualTo("0");
        assertThat(JSON.readTree(again[1]).path("tasksCreated").asInt()).isZero();
        String[] bad = cli("patrol", "plan", "--date", "17.10.2030", db);
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("YYYY-MM-DD");
    }

    private static String[] cli(String a, String b, String c, String d, String[] db) {
        String[] args = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(a, b, c, d), java.util.stream.Stream.of(db))
                .toArray(String[]::new);
        CliRun r = CliRun.of(args);
        return new String[] {String.valueOf(r.exit()), r.out(), r.err()};
    }

    private JsonNode plan(LocalDate day) throws Exception {
        var response = mvc.perform(post("/api/v1/patrol/plans")
                        .header("Authorization", bearer(token(Role.OFFICER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("date", day.toString()))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private String taskOf(String cell, LocalDate day) {
        return jdbc.sql("SELECT id FROM patrol_task WHERE grid_code = ? AND task_date = ? AND kind <> 'MANUAL'")
                .params(cell, day)
                .query(String.class)
                .single();
    }

    private Set<String> inspectorsOf(String village) {
        return accounts.list().stream()
                .filter(a -> a.role() == Role.INSPECTOR
                        && a.gridCode() != null
                        && a.gridCode().equals(village))
                .map(a -> a.username())
                .collect(Collectors.toSet());
    }

    private List<String> parcelsOf(String cell) {
        return jdbc.sql("SELECT id FROM farmland_parcel WHERE grid_code = ? ORDER BY id")
                .param(cell)
                .query(String.class)
                .list();
    }

    private Geometry parcelGeometry(String id) throws Exception {
        byte[] wkb = jdbc.sql("SELECT ST_AsBinary(geom) FROM farmland_parcel WHERE id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        return new WKBReader(WorkingPrecision.factory(counties.require().crs())).read(wkb);
    }

    private String insertClue(String cell, Geometry at, String status) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO clue (id, source, status, grid_code, geom, needs_outline, verdict, first_evidence_at,"
                        + " created_at, created_by) VALUES (?, 'PATROL', ?, ?, ST_GeomFromWKB(?, ?), TRUE,"
                        + " 'NEEDS_SITE_CHECK', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 't-inspector')")
                .params(
                        id,
                        status,
                        cell,
                        new WKBWriter().write(at),
                        counties.require().crs().epsg())
                .update();
        return id;
    }
}
