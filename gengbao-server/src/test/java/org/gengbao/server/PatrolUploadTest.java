package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gengbao.server.accounts.Role;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Idempotent upload of patrol records (issue 4, item 4): 201/200/409, corrections, concurrency, bad input, scope. */
class PatrolUploadTest extends PatrolTestSupport {
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-26T08:00:00+08:00");
    private static final List<String> TABLES = List.of(
            "patrol_record",
            "patrol_observation",
            "patrol_photo",
            "parcel_visit",
            "clue",
            "clue_observation",
            "analysis");

    @Test
    void newThenSameThenDifferentContent() throws Exception {
        String token = token(Role.INSPECTOR);
        Place place = nextPlace();
        String photo = sha256(ExifJpeg.plain(1));
        ObjectNode body =
                record(START, place.centre(), observation("NOTE", point(place.centre()), START.plusMinutes(10), photo));
        String id = newId();
        JsonNode created = json(putRecord(token, id, JSON.writeValueAsString(body)));
        assertThat(created.path("status").asString()).as(created.toString()).isEqualTo("CREATED");
        assertThat(created.path("clientId").asString()).isEqualTo(id);
        assertThat(created.path("missingPhotos")).hasSize(1);
        assertThat(created.path("missingPhotos").get(0).asString()).isEqualTo(photo);
        assertThat(created.path("clues")).isEmpty();
        assertThat(created.path("trackLengthM").asDouble()).isGreaterThan(190.0);
        problem(putRecord(token, newId(), "{}"), 422, "TIME_MISSING");

        var again =
                putRecord(token, id, JSON.writeValueAsString(body)).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(200);
        JsonNode unchanged = JSON.readTree(again.getContentAsString(StandardCharsets.UTF_8));
        assertThat(unchanged.path("status").asString()).isEqualTo("UNCHANGED");
        assertThat(unchanged.path("receivedAt").asString())
                .isEqualTo(created.path("receivedAt").asString());
        assertThat(unchanged.path("missingPhotos")).isEqualTo(created.path("missingPhotos"));

        // the same content with members in another order, indented and with 1.50 for 1.5: still the same record
        String reordered = reorder(body);
        assertThat(reordered).isNotEqualTo(JSON.writeValueAsString(body));
        assertThat(putRecord(token, id, reordered).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        ObjectNode changed = body.deepCopy();
        ((ObjectNode) changed.get("observations").get(0)).put("note", "另一个说明");
        problem(putRecord(token, id, JSON.writeValueAsString(changed)), 409, "RECORD_CONFLICT");
        // the same id with the same content from another inspector is not theirs either
        problem(
                putRecord(login("t-inspector-a2", "secret-inspector"), id, JSON.writeValueAsString(body)),
                409,
                "RECORD_CONFLICT");
        assertThat(count("SELECT COUNT(*) FROM patrol_record WHERE client_id = ?", id))
                .isEqualTo(1);
        JsonNode stored = json(getJson(token, "/api/v1/patrol/records/" + id));
        assertThat(stored.at("/observations/0/note").asString()).isEqualTo("疑似新建房屋 / suspected new building");
        assertThat(stored.path("inspector").asString()).isEqualTo("t-inspector");
        assertThat(stored.path("gridCode").asString()).isEqualTo(villageA1);
        assertThat(stored.at("/track/type").asString()).isEqualTo("LineString");
        assertThat(stored.path("trackTimes")).hasSize(3);
        assertThat(stored.at("/observations/0/photos/0/received").asBoolean()).isFalse();
        assertThat(stored.path("visitedParcels").toString()).contains(place.parcelId());
    }

    /** Members in reverse order at every level, pretty-printed, and numbers with trailing zeros. */
    private static String reorder(JsonNode node) {
        StringBuilder out = new StringBuilder();
        reorder(node, out, "");
        return out.toString();
    }

    private static void reorder(JsonNode node, StringBuilder out, String indent) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            java.util.Collections.reverse(names);
            out.append("{\n");
            for (int i = 0; i < names.size(); i++) {
                out.append(indent).append("  \"").append(names.get(i)).append("\" : ");
                reorder(node.get(names.get(i)), out, indent + "  ");
                out.append(i + 1 < names.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray()) {
            out.append("[ ");
            for (int i = 0; i < node.size(); i++) {
                reorder(node.get(i), out, indent + "  ");
                out.append(i + 1 < node.size() ? ", " : " ");
            }
            out.append(']');
        } else if (node.isNumber() && !node.isIntegralNumber()) {
            out.append(node.decimalValue().toPlainString()).append("00");
        } else {
            out.append(node.toString());
        }
    }

    @Test
    void aCorrectionIsANewRecordThatKeepsTheOriginal() throws Exception {
        String token = token(Role.INSPECTOR);
        Place place = nextPlace();
        ObjectNode original = record(START, place.centre(), observation("NOTE", point(place.centre()), START));
        String id = newId();
        putRecord(token, id, JSON.writeValueAsString(original)).andReturn();
        ObjectNode correction =
                record(START, place.centre(), observation("SIGN_DAMAGED", point(place.centre()), START));
        correction.put("corrects", id);
        String correctionId = newId();
        JsonNode created = json(putRecord(token, correctionId, JSON.writeValueAsString(correction)));
        assertThat(created.path("status").asString()).as(created.toString()).isEqualTo("CREATED");
        assertThat(created.path("corrects").asString()).isEqualTo(id);

        JsonNode old = json(getJson(token, "/api/v1/patrol/records/" + id));
        assertThat(old.at("/observations/0/kind").asString()).isEqualTo("NOTE");
        assertThat(old.path("correctedBy").toString()).contains(correctionId);
        JsonNode fresh = json(getJson(token, "/api/v1/patrol/records/" + correctionId));
        assertThat(fresh.at("/observations/0/kind").asString()).isEqualTo("SIGN_DAMAGED");
        assertThat(fresh.path("corrects").asString()).isEqualTo(id);

        // a correction of a record that does not exist, or of another inspector's record, is refused
        ObjectNode stray = record(START, place.centre());
        stray.put("corrects", "no-such-record-0001");
        problem(putRecord(token, newId(), JSON.writeValueAsString(stray)), 422, "CORRECTED_RECORD_UNKNOWN");
        stray.put("corrects", id);
        problem(
                putRecord(login("t-inspector-a2", "secret-inspector"), newId(), JSON.writeValueAsString(stray)),
                422,
                "CORRECTED_RECORD_UNKNOWN");
        // observations of a correction need new ids
        ObjectNode reused = record(START, place.centre(), (ObjectNode)
                original.at("/observations/0").deepCopy());
        reused.put("corrects", id);
        problem(putRecord(token, newId(), JSON.writeValueAsString(reused)), 409, "OBSERVATION_ID_TAKEN");
    }

    /**
     * Four different records (two by each of two accounts of the village) report the same patch at the same moment:
     * one clue, with the four observations as its evidence.
     */
    @Test
    void differentRecordsOfOnePlaceAtOnceMakeOneClue() throws Exception {
        String[] tokens = {token(Role.INSPECTOR), token(Role.VILLAGE)};
        Place place = nextPlace();
        int threads = 4;
        List<String> patches = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ObjectNode patch = observation("SUSPECTED_VIOLATION", geoJson(place.patch()), START.plusMinutes(20 + i));
            patches.add(patch.get("clientId").asString());
            bodies.add(JSON.writeValueAsString(record(START.plusMinutes(i), place.centre(), patch)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String token = tokens[i % 2];
                String body = bodies.get(i);
                results.add(pool.submit(() -> {
                    go.await();
                    return mvc.perform(put("/api/v1/patrol/records/" + newId())
                                    .header("Authorization", bearer(token))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(body))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }));
            }
            go.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> clues = new ArrayList<>();
        for (String patch : patches) {
            clues.addAll(jdbc.sql("SELECT clue_id FROM clue_observation WHERE observation_id = ?")
                    .param(patch)
                    .query(String.class)
                    .list());
        }
        assertThat(clues).hasSize(threads);
        assertThat(clues.stream().distinct()).as("one clue for one place").hasSize(1);
    }

    /** Eight clients retry the same record at once: exactly one record, one set of observations, one clue per patch. */
    @Test
    void concurrentRetriesOfOneRecordStoreItOnce() throws Exception {
        String token = token(Role.INSPECTOR);
        Place place = nextPlace();
        ObjectNode patch = observation("SUSPECTED_VIOLATION", geoJson(place.patch()), START.plusMinutes(20));
        ObjectNode note = observation("NOTE", point(place.centre()), START.plusMinutes(21), sha256(ExifJpeg.plain(7)));
        String body = JSON.writeValueAsString(record(START, place.centre(), patch, note));
        String id = newId();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<Integer> call = () -> {
                    go.await();
                    return mvc.perform(put("/api/v1/patrol/records/" + id)
                                    .header("Authorization", bearer(token))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(body))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 200);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM patrol_record WHERE client_id = ?", id))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM patrol_observation WHERE record_id = ?", id))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM patrol_photo WHERE record_id = ?", id))
                .isEqualTo(1);
        String patchId = patch.get("clientId").asString();
        assertThat(count("SELECT COUNT(*) FROM clue_observation WHERE observation_id = ?", patchId))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM clue c JOIN clue_observation co ON co.clue_id = c.id"
                                + " WHERE co.observation_id = ?",
                        patchId))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM parcel_visit WHERE record_id = ? AND parcel_id = ?",
                        id,
                        place.parcelId()))
                .isEqualTo(1);
    }

    @Test
    void badRecordsAreRefusedAndStoreNothing() throws Exception {
        String token = token(Role.INSPECTOR);
        Place place = nextPlace();
        Map<String, Long> before = counts();
        String good = JSON.writeValueAsString(
                record(START, place.centre(), observation("SUSPECTED_VIOLATION", geoJson(place.patch()), START)));

        problem(putRecord(token, "short", good), 400, "CLIENT_ID_INVALID");
        problem(putRecord(token, "bad id with spaces", good), 400, "CLIENT_ID_INVALID");
        problem(putRecord(token, newId(), "{\"startedAt\": "), 400, "BODY_MALFORMED");
        problem(putRecord(token, newId(), "[1, 2]"), 400, "BODY_MALFORMED");

        ObjectNode noOffset = record(START, place.centre());
        noOffset.put("startedAt", "2026-11-26T08:00:00");
        problem(putRecord(token, newId(), JSON.writeValueAsString(noOffset)), 422, "TIME_INVALID");

        ObjectNode backwards = record(START, place.centre());
        backwards.put("endedAt", START.minusMinutes(1).toString());
        problem(putRecord(token, newId(), JSON.writeValueAsString(backwards)), 422, "TIME_ORDER");

        ObjectNode pointTrack = record(START, place.centre());
        pointTrack.set("track", point(place.centre()));
        problem(putRecord(token, newId(), JSON.writeValueAsString(pointTrack)), 422, "TRACK_INVALID");

        ObjectNode fewTimes = record(START, place.centre());
        ((tools.jackson.databind.node.ArrayNode) fewTimes.get("trackTimes")).remove(2);
        problem(putRecord(token, newId(), JSON.writeValueAsString(fewTimes)), 422, "TRACK_TIMES_INVALID");

        ObjectNode decreasing = record(START, place.centre());
        ((tools.jackson.databind.node.ArrayNode) decreasing.get("trackTimes")).set(2, START.toString());
        problem(putRecord(token, newId(), JSON.writeValueAsString(decreasing)), 422, "TRACK_TIMES_INVALID");

        ObjectNode swapped = record(START, place.centre());
        var coordinates = (tools.jackson.databind.node.ArrayNode) swapped.at("/track/coordinates/1");
        double lon = coordinates.get(0).asDouble();
        coordinates.set(0, coordinates.get(1).asDouble());
        coordinates.set(1, lon);
        problem(putRecord(token, newId(), JSON.writeValueAsString(swapped)), 422, "POSITION_OUTSIDE_COUNTY");

        ObjectNode elsewhere = record(START, place.centre());
        var beijing = (tools.jackson.databind.node.ArrayNode) elsewhere.at("/track/coordinates/0");
        beijing.set(0, 116.39);
        beijing.set(1, 39.91);
        problem(putRecord(token, newId(), JSON.writeValueAsString(elsewhere)), 422, "POSITION_OUTSIDE_COUNTY");

        ObjectNode bothTracks = record(START, place.centre());
        bothTracks.put("trackGpx", gpx(place.centre()));
        problem(putRecord(token, newId(), JSON.writeValueAsString(bothTracks)), 422, "TRACK_AMBIGUOUS");

        ObjectNode badKind = record(START, place.centre(), observation("GOSSIP", point(place.centre()), START));
        problem(putRecord(token, newId(), JSON.writeValueAsString(badKind)), 422, "OBSERVATION_KIND_INVALID");

        ObjectNode o = observation("NOTE", point(place.centre()), START);
        ObjectNode twice = record(START, place.centre(), o, o.deepCopy());
        problem(putRecord(token, newId(), JSON.writeValueAsString(twice)), 422, "OBSERVATION_ID_DUPLICATE");

        ObjectNode line = record(
                START,
                place.centre(),
                observation(
                        "SUSPECTED_VIOLATION",
                        (ObjectNode) record(START, place.centre()).get("track"),
                        START));
        problem(putRecord(token, newId(), JSON.writeValueAsString(line)), 422, "OBSERVATION_GEOMETRY_INVALID");

        ObjectNode badPhoto =
                record(START, place.centre(), observation("NOTE", point(place.centre()), START, "abc123"));
        problem(putRecord(token, newId(), JSON.writeValueAsString(badPhoto)), 422, "PHOTO_HASH_INVALID");

        ObjectNode noObservedAt = observation("NOTE", point(place.centre()), START);
        noObservedAt.remove("observedAt");
        problem(
                putRecord(token, newId(), JSON.writeValueAsString(record(START, place.centre(), noObservedAt))),
                422,
                "TIME_MISSING");

        ObjectNode entity = record(START, place.centre());
        entity.remove("track");
        entity.remove("trackTimes");
        entity.put(
                "trackGpx",
                "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<gpx><trk><trkseg><trkpt lat=\"&xxe;\" lon=\"1\"/></trkseg></trk></gpx>");
        problem(putRecord(token, newId(), JSON.writeValueAsString(entity)), 422, "GPX_INVALID");

        ObjectNode strangersTask = record(START, place.centre());
        strangersTask.put("taskId", "no-such-task");
        problem(putRecord(token, newId(), JSON.writeValueAsString(strangersTask)), 404, "TASK_NOT_FOUND");

        problem(putRecord(token(Role.POLICE), newId(), good), 403, "FORBIDDEN");
        problem(putRecord(token(Role.LEADER), newId(), good), 403, "FORBIDDEN");

        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> m = new java.util.TreeMap<>();
        for (String t : TABLES) {
            m.put(t, count("SELECT COUNT(*) FROM " + t));
        }
        return m;
    }

    private String gpx(Coordinate through) {
        StringBuilder s =
                new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\""
                        + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>巡查</name><trkseg>");
        for (int i = 0; i < 3; i++) {
            double[] ll = lonLat(new Coordinate(through.x - 150 + 150 * i, through.y + 40 * i));
            s.append(String.format(
                    java.util.Locale.ROOT,
                    "<trkpt lat=\"%.8f\" lon=\"%.8f\"><ele>12.5</ele><time>%s</time></trkpt>",
                    ll[1],
                    ll[0],
                    START.plusMinutes(10L * i).withOffsetSameInstant(ZoneOffset.UTC)));
        }
        return s.append("</trkseg></trk></gpx>").toString();
    }

    /** A GPX track is accepted; its length is the ellipsoidal length, close to the Gauss-Krüger plane length. */
    @Test
    void aGpxTrackIsAccepted() throws Exception {
        String token = token(Role.INSPECTOR);
        Place place = nextPlace();
        ObjectNode body = record(START, place.centre());
        body.remove("track");
        body.remove("trackTimes");
        body.put("trackGpx", gpx(place.centre()));
        String id = newId();
        JsonNode created = json(putRecord(token, id, JSON.writeValueAsString(body)));
        assertThat(created.path("status").asString()).as(created.toString()).isEqualTo("CREATED");
        JsonNode view = json(getJson(token, "/api/v1/patrol/records/" + id));
        assertThat(view.at("/track/coordinates")).hasSize(3);
        double plane = 0;
        double[] prev = null;
        for (JsonNode c : view.at("/track/coordinates")) {
            double[] xy = {c.get(0).asDouble(), c.get(1).asDouble()};
            CrsTransform.between(CrsRegistry.CGCS2000, crs()).apply(xy);
            if (prev != null) {
                plane += Math.hypot(xy[0] - prev[0], xy[1] - prev[1]);
            }
            prev = xy;
        }
        assertThat(created.path("trackLengthM").asDouble()).isCloseTo(plane, within(plane * 2e-3));
        assertThat(plane).isGreaterThan(300);
    }

    @Test
    void aRecordForATaskMustBeTheCallersTaskAndCompletesIt() throws Exception {
        Place place = nextPlace();
        String taskId = java.util.UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO patrol_task (id, grid_code, task_date, due_date, kind, status, assignee, area, targets,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, 'RULE', 'PLANNED', 't-inspector',"
                        + " ST_GeomFromWKB(?, ?), '[]', ?, ?)")
                .params(
                        taskId,
                        villageA1,
                        LocalDate.of(2026, 11, 26),
                        LocalDate.of(2026, 11, 26),
                        new WKBWriter().write(place.parcel()),
                        crs().epsg(),
                        START,
                        START)
                .update();
        ObjectNode body = record(START, place.centre());
        body.put("taskId", taskId);
        problem(
                putRecord(login("t-inspector-a2", "secret-inspector"), newId(), JSON.writeValueAsString(body)),
                404,
                "TASK_NOT_FOUND");
        assertThat(jdbc.sql("SELECT status FROM patrol_task WHERE id = ?")
                        .param(taskId)
                        .query(String.class)
                        .single())
                .isEqualTo("PLANNED");
        String id = newId();
        assertThat(putRecord(token(Role.INSPECTOR), id, JSON.writeValueAsString(body))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        assertThat(jdbc.sql("SELECT status FROM patrol_task WHERE id = ?")
                        .param(taskId)
                        .query(String.class)
                        .single())
                .isEqualTo("DONE");
    }

    /** Visits are dated by the China date of the start: 00:30 in China is still the previous day in UTC. */
    @Test
    void parcelsNearTheTrackAreVisitedOnTheChinaDate() throws Exception {
        Place place = nextPlace();
        OffsetDateTime earlyMorning = OffsetDateTime.parse("2026-11-27T00:30:00+08:00");
        String id = newId();
        putRecord(token(Role.INSPECTOR), id, JSON.writeValueAsString(record(earlyMorning, place.centre())))
                .andReturn();
        List<LocalDate> days = jdbc.sql("SELECT visited_on FROM parcel_visit WHERE record_id = ? AND parcel_id = ?")
                .params(id, place.parcelId())
                .query(LocalDate.class)
                .list();
        assertThat(days).containsExactly(LocalDate.of(2026, 11, 27));
        assertThat(count("SELECT COUNT(*) FROM parcel_visit WHERE record_id = ? AND inspector = 't-inspector'", id))
                .isGreaterThanOrEqualTo(1);
        // parcels far from the track are not visited
        assertThat(count(
                        "SELECT COUNT(*) FROM parcel_visit v JOIN farmland_parcel p ON p.id = v.parcel_id"
                                + " WHERE v.record_id = ? AND NOT ST_DWithin(p.geom, ST_GeomFromWKB(?, ?), 31)",
                        id,
                        new WKBWriter().write(WorkingPrecision.factory(crs()).createLineString(new Coordinate[] {
                            new Coordinate(place.centre().x - 100, place.centre().y),
                            place.centre(),
                            new Coordinate(place.centre().x + 100, place.centre().y + 20)
                        })),
                        crs().epsg()))
                .isZero();
    }

    @Test
    void recordsAreSeenOnlyWithinScope() throws Exception {
        Place place = nextPlace();
        String id = newId();
        putRecord(token(Role.INSPECTOR), id, JSON.writeValueAsString(record(START, place.centre())))
                .andReturn();
        String path = "/api/v1/patrol/records/" + id;
        for (String[] outsider : new String[][] {
            {"t-inspector-b", "secret-inspector"}, {"t-inspector-a2", "secret-inspector"}, {"t-town-b", "secret-town"}
        }) {
            problem(getJson(login(outsider[0], outsider[1]), path), 404, "RECORD_NOT_FOUND");
            JsonNode list = json(getJson(login(outsider[0], outsider[1]), "/api/v1/patrol/records?date=2026-11-26"));
            assertThat(list.path("items").toString()).doesNotContain(id);
        }
        for (Role insider : new Role[] {Role.INSPECTOR, Role.VILLAGE, Role.TOWN, Role.OFFICER, Role.ADMIN}) {
            assertThat(getJson(token(insider), path).andReturn().getResponse().getStatus())
                    .as(insider.name())
                    .isEqualTo(200);
        }
        problem(getJson(token(Role.POLICE), path), 403, "FORBIDDEN");
        JsonNode mine = json(getJson(token(Role.INSPECTOR), "/api/v1/patrol/records?date=2026-11-26&inspector=me"));
        assertThat(mine.path("items").toString()).contains(id);
        for (JsonNode item : mine.path("items")) {
            assertThat(item.path("inspector").asString()).isEqualTo("t-inspector");
            assertThat(item.path("startedAt").asString()).isNotBlank();
        }
        JsonNode otherDay = json(getJson(token(Role.OFFICER), "/api/v1/patrol/records?date=2026-11-25"));
        assertThat(otherDay.path("items").toString()).doesNotContain(id);
        problem(getJson(token(Role.OFFICER), "/api/v1/patrol/records?date=26.11.2026"), 400, "DATE_INVALID");
    }
}
