package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.accounts.Role;
import org.gengbao.spatial.tile.TileAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 4, item 7: zero leaks across cells and towns. Objects of village A1 (a task, a patrol record with a photo, its
 * clue and analysis, its case with a document and a deadline reminder, a parcel with its sign and marker, a person, the
 * cell itself) are requested by an inspector of
 * another village of the same town, an inspector of another town and an officer of another town — through every
 * operation with a path variable that the OpenAPI document lists (so a new endpoint without a case here fails this
 * test) and through every list endpoint. Each must answer 403 or 404, change nothing, and no list may name the
 * objects. Map tiles are areas, not objects: the tile holding A1's clue, track and cell answers 200 or 204, but for
 * the attackers without them (while the inspector of A1 gets them in the same tile).
 */
class ScopeLeakTest extends PatrolTestSupport {
    @org.springframework.beans.factory.annotation.Autowired
    org.gengbao.server.cases.Reminders reminders;

    private static final List<String[]> ATTACKERS = List.of(
            new String[] {"t-inspector-a2", "secret-inspector"},
            new String[] {"t-inspector-b", "secret-inspector"},
            new String[] {"t-town-b", "secret-town"});

    private static final String TILES = "/api/v1/map/tiles/";
    /** The scoped map layers, and which of village A1's objects each must draw for A1's inspector. */
    private static final Map<String, String> TILE_LAYERS = Map.of(
            "clues",
            "/api/v1/clues/{id}",
            "tracks",
            "/api/v1/patrol/records/{clientId}",
            "grid",
            "/api/v1/grid/cells/{code}");

    /** Path variable values by the path's prefix (longest first). */
    private final Map<String, String> fixtures = new LinkedHashMap<>();
    /** Strings that must not appear in an attacker's answer. */
    private final List<String> secrets = new ArrayList<>();

    private void createFixtures() throws Exception {
        String officer = token(Role.OFFICER);
        String inspector = token(Role.INSPECTOR);
        ObjectNode manual = JSON.createObjectNode();
        manual.put("gridCode", villageA1);
        manual.put("date", "2026-08-03");
        manual.put("assignee", "t-inspector");
        String taskId = json(mvc.perform(request(HttpMethod.POST, "/api/v1/patrol/tasks")
                        .header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(manual))))
                .get("id")
                .asString();

        Place place = nextPlace();
        OffsetDateTime at = OffsetDateTime.of(2026, 8, 3, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        double[] c = lonLat(place.centre());
        byte[] photo = ExifJpeg.photo(7, at.plusMinutes(10), true, c[0], c[1], 10.0);
        String sha = sha256(photo);
        String recordId = newId();
        ObjectNode body = record(
                at,
                place.centre(),
                observation("SUSPECTED_VIOLATION", geoJson(place.patch()), at.plusMinutes(10), sha));
        body.put("taskId", taskId);
        ((ObjectNode) body.withArray("observations").get(0)).put("note", "LEAK-CANARY-NOTE");
        JsonNode accepted = json(putRecord(inspector, recordId, JSON.writeValueAsString(body)));
        String clueId = accepted.at("/clues/0/id").asString();
        assertThat(clueId).isNotEmpty();
        mvc.perform(request(HttpMethod.PUT, "/api/v1/patrol/records/" + recordId + "/photos/" + sha)
                .header("Authorization", bearer(inspector))
                .contentType(MediaType.IMAGE_JPEG)
                .content(photo));
        String analysisId = jdbc.sql("SELECT analysis_id FROM clue WHERE id = ?")
                .param(clueId)
                .query(String.class)
                .single();
        String parcelId = place.parcelId();
        String signId = jdbc.sql("SELECT id FROM protection_sign WHERE parcel_id = ?")
                .param(parcelId)
                .query(String.class)
                .list()
                .get(0);
        String markerId = jdbc.sql("SELECT id FROM boundary_marker WHERE parcel_id = ? ORDER BY id")
                .param(parcelId)
                .query(String.class)
                .list()
                .get(0);
        String personId = jdbc.sql("SELECT id FROM grid_person WHERE grid_code = ? ORDER BY id")
                .param(villageA1)
                .query(String.class)
                .list()
                .get(0);
        String household = jdbc.sql("SELECT household_name FROM farmland_parcel WHERE id = ?")
                .param(parcelId)
                .query(String.class)
                .single();

        // a case of the clue, with a document (issue 5)
        JsonNode opened = json(mvc.perform(request(HttpMethod.POST, "/api/v1/cases")
                .header("Authorization", bearer(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"clueId\":\"" + clueId + "\"}")));
        String caseId = opened.path("id").asString();
        assertThat(caseId).as(opened.toString()).isNotEmpty();
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        for (String step : List.of(
                "{\"action\":\"VERIFY\",\"data\":{\"result\":\"CONFIRMED\",\"verifiedOn\":\"" + today
                        + "\",\"verifiedBy\":\"张三\",\"findings\":\"新建房屋\"}}",
                "{\"action\":\"STOP_ORDER\",\"data\":{\"orderedOn\":\"" + today
                        + "\",\"party\":\"LEAK-CANARY-PARTY\",\"facts\":\"占用耕地\",\"requirements\":\"停止施工\"}}")) {
            mvc.perform(request(HttpMethod.POST, "/api/v1/cases/" + caseId + "/transitions")
                    .header("Authorization", bearer(officer))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(step));
        }
        String docId = jdbc.sql("SELECT document_ids FROM case_event WHERE case_id = ? AND action = 'STOP_ORDER'")
                .param(caseId)
                .query(String.class)
                .single();
        String caseNumber = jdbc.sql("SELECT case_number FROM enforcement_case WHERE id = ?")
                .param(caseId)
                .query(String.class)
                .single();
        // a reminder of the case's first open deadline, recorded by the morning job of its due date
        java.time.LocalDate due = jdbc.sql(
                        "SELECT MIN(due_on) FROM case_deadline WHERE case_id = ? AND closed_seq IS NULL")
                .param(caseId)
                .query(java.time.LocalDate.class)
                .single();
        reminders.run(due);
        String reminderId = jdbc.sql("SELECT id FROM case_reminder WHERE case_id = ? AND remind_on = ?")
                .params(caseId, due)
                .query(String.class)
                .single();
        fixtures.put("/api/v1/cases/{id}", caseId);
        fixtures.put("/api/v1/cases/reminders/{id}", reminderId);
        fixtures.put("{docId}", docId);
        secrets.addAll(List.of(caseId, caseNumber, docId, reminderId, "LEAK-CANARY-PARTY"));

        // the zoom-16 tile of the clue's place, which also holds the record's track and lies in A1's cell
        double[] lonLat = lonLat(place.centre());
        TileAddress tile = TileAddress.containing(lonLat[0], lonLat[1], 16);
        fixtures.put(TILES + "{layer}", "clues");
        fixtures.put("{z}", String.valueOf(tile.z()));
        fixtures.put("{x}", String.valueOf(tile.x()));
        fixtures.put("{y}", String.valueOf(tile.y()));

        fixtures.put("/api/v1/patrol/tasks/{id}", taskId);
        fixtures.put("/api/v1/patrol/records/{clientId}", recordId);
        fixtures.put("{sha256}", sha);
        fixtures.put("/api/v1/clues/{id}", clueId);
        fixtures.put("/api/v1/analyses/{id}", analysisId);
        fixtures.put("/api/v1/grid/parcels/{id}", parcelId);
        fixtures.put("/api/v1/grid/signs/{id}", signId);
        fixtures.put("/api/v1/grid/markers/{id}", markerId);
        fixtures.put("/api/v1/grid/people/{id}", personId);
        fixtures.put("/api/v1/grid/cells/{code}", villageA1);
        fixtures.put("/api/v1/accounts/{username}", "t-inspector");
        fixtures.put("/api/v1/webhooks/{name}", "clue");
        secrets.addAll(List.of(
                taskId,
                recordId,
                sha,
                clueId,
                analysisId,
                parcelId,
                signId,
                markerId,
                personId,
                villageA1,
                "LEAK-CANARY-NOTE",
                household));
    }

    /** The stored state an attack must not change. */
    private String state() {
        return String.join(
                "|",
                jdbc.sql("SELECT status || assignee FROM patrol_task WHERE id = ?")
                        .param(fixtures.get("/api/v1/patrol/tasks/{id}"))
                        .query(String.class)
                        .single(),
                jdbc.sql("SELECT status || event_count FROM enforcement_case WHERE id = ?")
                        .param(fixtures.get("/api/v1/cases/{id}"))
                        .query(String.class)
                        .single(),
                jdbc.sql("SELECT status FROM clue WHERE id = ?")
                        .param(fixtures.get("/api/v1/clues/{id}"))
                        .query(String.class)
                        .single(),
                jdbc.sql("SELECT COALESCE(household_name, '') || COALESCE(household_phone, '') FROM farmland_parcel"
                                + " WHERE id = ?")
                        .param(fixtures.get("/api/v1/grid/parcels/{id}"))
                        .query(String.class)
                        .single(),
                jdbc.sql("SELECT condition_code FROM boundary_marker WHERE id = ?")
                        .param(fixtures.get("/api/v1/grid/markers/{id}"))
                        .query(String.class)
                        .single(),
                jdbc.sql("SELECT condition_code FROM protection_sign WHERE id = ?")
                        .param(fixtures.get("/api/v1/grid/signs/{id}"))
                        .query(String.class)
                        .single(),
                jdbc.sql("SELECT name || COALESCE(phone, '') FROM grid_person WHERE id = ?")
                        .param(fixtures.get("/api/v1/grid/people/{id}"))
                        .query(String.class)
                        .single(),
                String.valueOf(count(
                        "SELECT COUNT(*) FROM case_reminder_read WHERE reminder_id = ?",
                        fixtures.get("/api/v1/cases/reminders/{id}"))),
                String.valueOf(count("SELECT COUNT(*) FROM grid_person WHERE grid_code = ?", villageA1)),
                String.valueOf(count(
                        "SELECT COUNT(*) FROM boundary_marker WHERE parcel_id = ?",
                        fixtures.get("/api/v1/grid/parcels/{id}"))),
                String.valueOf(count(
                        "SELECT COUNT(*) FROM patrol_photo_receipt WHERE record_id = ?",
                        fixtures.get("/api/v1/patrol/records/{clientId}"))),
                String.valueOf(count(
                        "SELECT COUNT(*) FROM case_evidence WHERE case_id = ?", fixtures.get("/api/v1/cases/{id}"))));
    }

    private String resolve(String path) {
        String best = null;
        for (String prefix : fixtures.keySet()) {
            if (prefix.startsWith("/")
                    && path.startsWith(prefix)
                    && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return null;
        }
        String resolved = best.substring(0, best.lastIndexOf('{')) + fixtures.get(best) + path.substring(best.length());
        for (var f : fixtures.entrySet()) {
            if (f.getKey().startsWith("{")) {
                resolved = resolved.replace(f.getKey(), f.getValue());
            }
        }
        return resolved.contains("{") ? null : resolved;
    }

    /** A body with plausible values for every field the object endpoints take, so that only the scope can refuse. */
    private String attackBody() throws Exception {
        ObjectNode b = JSON.createObjectNode();
        b.put("status", "CANCELLED");
        b.put("condition", "DAMAGED");
        b.put("name", "攻击者");
        b.put("duty", "FIELD_CHIEF");
        b.put("phone", "13900000000");
        b.put("householdName", "攻击者");
        b.put("householdPhone", "13900000000");
        b.put("number", 99);
        // a transition that the case's state allows, so that only the scope can refuse it
        b.put("action", "FILE");
        ObjectNode d = b.putObject("data");
        d.put(
                "filedOn",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        d.put("partyName", "攻击者");
        d.put("cause", "攻击");
        d.put("approvedBy", "攻击者");
        ObjectNode p = b.putObject("location");
        p.put("type", "Point");
        p.putArray("coordinates").add(117.3).add(36.1);
        return JSON.writeValueAsString(b);
    }

    @Test
    void noObjectOfAnotherCellOrTownCanBeReadOrChanged() throws Exception {
        createFixtures();
        String before = state();
        JsonNode api = JSON.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<String> unresolved = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> listPaths = new ArrayList<>();
        int tried = 0;
        for (var entry : api.get("paths").properties()) {
            String path = entry.getKey();
            for (var op : entry.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase(java.util.Locale.ROOT));
                if (!path.contains("{")) {
                    if (method == HttpMethod.GET && path.startsWith("/api/v1/")) {
                        listPaths.add(path);
                    }
                    continue;
                }
                if (path.startsWith("/api/v1/layers/{kind}")) {
                    continue; // layer imports: county-wide reference data, not an object of a cell (ADMIN only)
                }
                String url = resolve(path);
                if (url == null) {
                    unresolved.add(method + " " + path);
                    continue;
                }
                if (path.startsWith(TILES)) {
                    tried += tryTiles(url, leaks);
                    continue;
                }
                for (String[] attacker : ATTACKERS) {
                    String token = login(attacker[0], attacker[1]);
                    var builder = request(method, url).header("Authorization", bearer(token));
                    if (method == HttpMethod.PUT && (url.contains("/photos/") || url.contains("/evidence/"))) {
                        builder.contentType(MediaType.IMAGE_JPEG).content(new byte[] {1, 2, 3});
                    } else if (method == HttpMethod.PUT || method == HttpMethod.POST) {
                        builder.contentType(MediaType.APPLICATION_JSON).content(attackBody());
                    }
                    var response = mvc.perform(builder).andReturn().getResponse();
                    tried++;
                    int status = response.getStatus();
                    String text = response.getContentAsString(StandardCharsets.UTF_8);
                    boolean sameIdTaken = method == HttpMethod.PUT
                            && path.equals("/api/v1/patrol/records/{clientId}")
                            && status == 409;
                    if (!(status == 403 || status == 404 || sameIdTaken) || containsSecret(text, url)) {
                        leaks.add(attacker[0] + " " + method + " " + url + " -> " + status + " "
                                + text.substring(0, Math.min(200, text.length())));
                    }
                }
            }
        }
        assertThat(unresolved)
                .as("object endpoints without a fixture in this test")
                .isEmpty();
        assertThat(tried).isGreaterThan(40);
        for (String path : listPaths) {
            for (String[] attacker : ATTACKERS) {
                String token = login(attacker[0], attacker[1]);
                var response = mvc.perform(get(path).header("Authorization", bearer(token)))
                        .andReturn()
                        .getResponse();
                String text = response.getContentAsString(StandardCharsets.UTF_8);
                if (response.getStatus() < 300 && containsSecret(text, "")) {
                    leaks.add(attacker[0] + " GET " + path + " lists " + secretIn(text));
                }
            }
        }
        assertThat(listPaths).contains("/api/v1/clues", "/api/v1/patrol/tasks", "/api/v1/grid/parcels");
        assertThat(leaks)
                .as("answers that leak or act on objects of village A1")
                .isEmpty();
        assertThat(state()).as("nothing of village A1 changed").isEqualTo(before);
    }

    /**
     * The tile of A1's objects in every scoped layer: A1's inspector gets the object (so the tile is the right one), each
     * attacker a tile (200) or none (204) without any of A1's objects. Returns the number of attacks.
     */
    private int tryTiles(String clueTileUrl, List<String> leaks) throws Exception {
        int tried = 0;
        String owner = token(Role.INSPECTOR);
        for (var layer : TILE_LAYERS.entrySet()) {
            String url = clueTileUrl.replace(TILES + "clues/", TILES + layer.getKey() + "/");
            String own = tileText(owner, url);
            assertThat(own).as("A1's inspector's %s tile", layer.getKey()).contains(fixtures.get(layer.getValue()));
            for (String[] attacker : ATTACKERS) {
                var response = mvc.perform(get(url).header("Authorization", bearer(login(attacker[0], attacker[1]))))
                        .andReturn()
                        .getResponse();
                tried++;
                String text = response.getContentAsString(StandardCharsets.UTF_8);
                if (!(response.getStatus() == 200 || response.getStatus() == 204) || containsSecret(text, "")) {
                    leaks.add(attacker[0] + " GET " + url + " -> " + response.getStatus() + " " + secretIn(text));
                }
            }
        }
        return tried;
    }

    /** A tile's text: MVT keeps attribute strings as plain UTF-8, so an id in the tile is an id in the text. */
    private String tileText(String token, String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", bearer(token)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Whether the answer names an object of village A1 other than those the caller named in the URL. */
    private boolean containsSecret(String text, String url) {
        return secretIn(text, url) != null;
    }

    private String secretIn(String text) {
        return secretIn(text, "");
    }

    private String secretIn(String text, String url) {
        for (String s : secrets) {
            if (s != null && !url.contains(s) && text.contains(s)) {
                return s;
            }
        }
        return null;
    }
}
