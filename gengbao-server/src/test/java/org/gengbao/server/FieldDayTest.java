package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.geographiclib.Geodesic;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.evidence.EvidenceStore;
import org.gengbao.server.testing.FaultyProxy;
import org.gengbao.server.testing.FaultyProxy.Fault;
import org.gengbao.spatial.io.Gdal;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated field day (issue 4, item 8) against the real server on a port, as a phone would live it: an officer adds
 * the day's task; the inspector downloads the task's offline package (JSON, and the GeoPackage that GDAL reads) and
 * goes offline; works from the package alone — walks a track past the task's targets, outlines two suspected illegal
 * patches on basic farmland found in the package, takes three photos (one with a GPS position far from its patch);
 * then uploads through a connection that loses the answer of the record, cuts a photo in half, drops another before it
 * arrives and loses the answer of a third, retrying each time. The server must end with exactly what was made: one
 * record, two observations, three photos stored once, two clues with their analyses, the flagged photo flagged, the
 * task done and the day's effort counted; nothing lost, nothing doubled.
 */
@SpringBootTest(classes = GengbaoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FieldDayTest extends PatrolTestSupport {
    private static final LocalDate DAY = LocalDate.of(2026, 7, 21);
    private static final OffsetDateTime START = DAY.atTime(8, 0).atOffset(ZoneOffset.ofHours(8));
    private static final OffsetDateTime END = START.plusHours(3);
    private static final int MAX_ATTEMPTS = 5;

    @LocalServerPort
    int port;

    @Autowired
    EvidenceStore evidence;

    /** The phone: an HTTP client that retries a request whose connection failed, and can be switched off-line. */
    private final class Phone {
        final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        final String base;
        final String token;
        boolean online = true;
        int failedAttempts;

        Phone(int proxyPort, String token) {
            this.base = "http://127.0.0.1:" + proxyPort;
            this.token = token;
        }

        HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body, String... headers)
                throws Exception {
            assertThat(online)
                    .as("the phone is off-line; it must not use the network")
                    .isTrue();
            for (int attempt = 1; ; attempt++) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
                if (contentType != null) {
                    b.header("Content-Type", contentType);
                }
                for (int i = 0; i < headers.length; i += 2) {
                    b.header(headers[i], headers[i + 1]);
                }
                try {
                    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    failedAttempts++;
                    if (attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    Thread.sleep(100L * attempt);
                }
            }
        }

        JsonNode json(String method, String path, Object body, int expectedStatus) throws Exception {
            HttpResponse<byte[]> r = send(
                    method,
                    path,
                    body == null ? null : "application/json",
                    body == null ? null : JSON.writeValueAsBytes(body));
            String text = new String(r.body(), StandardCharsets.UTF_8);
            assertThat(r.statusCode()).as("%s %s: %s", method, path, text).isEqualTo(expectedStatus);
            return text.isEmpty() ? null : JSON.readTree(text);
        }
    }

    @Test
    void aDayInTheFieldEndsWithExactlyWhatWasMadeDespiteADroppingConnection() throws Exception {
        OffsetDateTime testStart = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        Place first = nextPlace();
        Place second = nextPlace();
        try (FaultyProxy proxy = new FaultyProxy(port)) {
            // Morning at the bureau: the officer gives the inspector the whole village for the day.
            Phone desk = new Phone(proxy.port(), token(Role.OFFICER));
            ObjectNode manual = JSON.createObjectNode();
            manual.put("gridCode", villageA1);
            manual.put("date", DAY.toString());
            manual.put("assignee", "t-inspector");
            manual.put("note", "全村巡查 / patrol the whole village");
            String taskId = desk.json("POST", "/api/v1/patrol/tasks", manual, 201)
                    .get("id")
                    .asString();

            // The inspector's phone: finds the task and downloads its packages while there is signal.
            Phone phone = new Phone(proxy.port(), token(Role.INSPECTOR));
            JsonNode tasks = phone.json("GET", "/api/v1/patrol/tasks?date=" + DAY + "&assignee=me", null, 200);
            assertThat(ids(tasks)).contains(taskId);
            HttpResponse<byte[]> jsonPackage =
                    phone.send("GET", "/api/v1/patrol/tasks/" + taskId + "/package?format=json", null, null);
            assertThat(jsonPackage.statusCode()).isEqualTo(200);
            JsonNode pkg = JSON.readTree(jsonPackage.body());
            String version = pkg.get("version").asString();
            HttpResponse<byte[]> gpkg =
                    phone.send("GET", "/api/v1/patrol/tasks/" + taskId + "/package?format=gpkg", null, null);
            assertThat(gpkg.statusCode()).isEqualTo(200);
            assertThat(gpkg.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
            Path gpkgFile = Files.createTempFile("field-day-", ".gpkg");
            Files.write(gpkgFile, gpkg.body());
            String info = Gdal.ogrinfo("-ro", "-so", "-al", gpkgFile).ok();
            assertThat(info).contains("Layer name: farmland", "Layer name: dltb", "Layer name: markers");
            HttpResponse<byte[]> current = phone.send(
                    "GET",
                    "/api/v1/patrol/tasks/" + taskId + "/package?format=json",
                    null,
                    null,
                    "If-None-Match",
                    "\"" + version + "\"");
            assertThat(current.statusCode()).as("the copy is current").isEqualTo(304);

            // Off-line: everything below comes from the package.
            phone.online = false;
            JsonNode farmland = pkg.at("/layers/farmland/features");
            Geometry parcel1 = parcel(farmland, first.parcelId());
            Geometry parcel2 = parcel(farmland, second.parcelId());
            Geometry patch1 = patchAt(first, parcel1);
            Geometry patch2 = patchAt(second, parcel2);
            List<Coordinate> walk = new ArrayList<>();
            for (JsonNode target : pkg.at("/layers/targets/features")) {
                if (walk.size() < 4) {
                    walk.add(coordinate(target.at("/geometry/coordinates")));
                }
            }
            walk.add(patch1.getCentroid().getCoordinate());
            walk.add(patch2.getCentroid().getCoordinate());
            Coordinate c1 = patch1.getCentroid().getCoordinate();
            Coordinate c2 = patch2.getCentroid().getCoordinate();
            byte[] photo1 = ExifJpeg.photo(101, START.plusMinutes(70), true, c1.x, c1.y, 45.0);
            byte[] photo2 = ExifJpeg.photo(102, START.plusMinutes(72), true, c1.x + 0.02, c1.y, 90.0); // ~1.8 km off
            byte[] photo3 = ExifJpeg.photo(103, START.plusMinutes(130), true, c2.x, c2.y, 180.0);
            Map<String, byte[]> photos = new LinkedHashMap<>();
            photos.put(sha256(photo1), photo1);
            photos.put(sha256(photo2), photo2);
            photos.put(sha256(photo3), photo3);
            List<String> shas = new ArrayList<>(photos.keySet());

            String recordId = newId();
            ObjectNode body = JSON.createObjectNode();
            body.put("taskId", taskId);
            body.put("startedAt", START.toString());
            body.put("endedAt", END.toString());
            ObjectNode track = body.putObject("track");
            track.put("type", "LineString");
            ArrayNode coords = track.putArray("coordinates");
            ArrayNode times = body.putArray("trackTimes");
            for (int i = 0; i < walk.size(); i++) {
                coords.addArray().add(walk.get(i).x).add(walk.get(i).y);
                times.add(START.plusMinutes(10L + i * 150L / walk.size()).toString());
            }
            ArrayNode observations = body.putArray("observations");
            String obs1 = newId();
            String obs2 = newId();
            observations.add(observation(obs1, patch1, START.plusMinutes(70), shas.get(0), shas.get(1)));
            observations.add(observation(obs2, patch2, START.plusMinutes(130), shas.get(2)));

            // Back in signal: upload through a connection that fails four times.
            phone.online = true;
            proxy.plan(Fault.DROP_RESPONSE);
            JsonNode accepted = phone.json("PUT", "/api/v1/patrol/records/" + recordId, body, 200);
            assertThat(accepted.get("status").asString())
                    .as("the first attempt was stored; its answer was lost")
                    .isEqualTo("UNCHANGED");
            assertThat(texts(accepted.get("missingPhotos"))).containsExactlyInAnyOrderElementsOf(shas);
            assertThat(accepted.get("clues").size()).isEqualTo(2);

            proxy.plan(Fault.TRUNCATE, Fault.PASS, Fault.DROP_REQUEST, Fault.PASS, Fault.DROP_RESPONSE, Fault.PASS);
            List<Integer> photoStatus = new ArrayList<>();
            for (String sha : shas) {
                HttpResponse<byte[]> r = phone.send(
                        "PUT", "/api/v1/patrol/records/" + recordId + "/photos/" + sha, "image/jpeg", photos.get(sha));
                photoStatus.add(r.statusCode());
            }
            assertThat(photoStatus)
                    .as("the answer of the third photo was lost after it was stored")
                    .containsExactly(201, 201, 200);
            assertThat(proxy.planned()).isZero();
            JsonNode done = phone.json("PUT", "/api/v1/patrol/records/" + recordId, body, 200);
            assertThat(done.get("missingPhotos").size()).isZero();
            assertThat(phone.failedAttempts).isEqualTo(4);
            assertThat(proxy.log())
                    .filteredOn(l -> l.contains("DROP") || l.contains("TRUNCATE"))
                    .hasSize(4);

            // Exactly what was made: one record, two observations, three photos, two clues.
            assertThat(count("SELECT COUNT(*) FROM patrol_record WHERE client_id = ?", recordId))
                    .isEqualTo(1);
            assertThat(count(
                            "SELECT COUNT(*) FROM patrol_record WHERE inspector = 't-inspector' AND received_at >= ?",
                            testStart))
                    .isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM patrol_observation WHERE record_id = ?", recordId))
                    .isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM patrol_photo_receipt WHERE record_id = ?", recordId))
                    .isEqualTo(3);
            for (String sha : shas) {
                assertThat(evidence.contains(sha)).isTrue();
                try (var in = evidence.open(sha).orElseThrow()) {
                    assertThat(in.readAllBytes()).isEqualTo(photos.get(sha));
                }
            }
            assertThat(count("SELECT COUNT(*) FROM clue WHERE created_at >= ?", testStart))
                    .as("clues made today")
                    .isEqualTo(2);
            Set<String> clueIds = new TreeSet<>();
            accepted.get("clues").forEach(c -> clueIds.add(c.get("id").asString()));
            assertThat(clueIds).hasSize(2);
            for (String obs : List.of(obs1, obs2)) {
                assertThat(count("SELECT COUNT(*) FROM clue_observation WHERE observation_id = ?", obs))
                        .isEqualTo(1);
            }

            // The officer sees the clues at once, with their analyses and evidence; the far photo is flagged.
            JsonNode list = desk.json("GET", "/api/v1/clues?cell=" + villageA1 + "&since=" + testStart, null, 200);
            assertThat(ids(list.has("items") ? list.get("items") : list)).containsAll(clueIds);
            Map<String, String> flags = new LinkedHashMap<>();
            for (String clueId : clueIds) {
                JsonNode clue = desk.json("GET", "/api/v1/clues/" + clueId, null, 200);
                assertThat(clue.at("/analysis/verdict").isMissingNode()).isFalse();
                assertThat(clue.get("needsOutline").asBoolean()).isFalse();
                for (JsonNode o : clue.get("evidence")) {
                    for (JsonNode p : o.get("photos")) {
                        flags.put(p.get("sha256").asString(), p.get("flags").toString());
                    }
                }
            }
            assertThat(flags).containsOnlyKeys(shas);
            assertThat(flags.get(shas.get(1))).contains("EXIF_POSITION_FAR");
            assertThat(flags.get(shas.get(0))).doesNotContain("EXIF");
            assertThat(flags.get(shas.get(2))).doesNotContain("EXIF");

            // The task is done, and the day's effort counts the walk.
            assertThat(desk.json("GET", "/api/v1/patrol/tasks/" + taskId, null, 200)
                            .get("status")
                            .asString())
                    .isEqualTo("DONE");
            JsonNode effort = desk.json(
                    "GET", "/api/v1/patrol/effort?from=" + DAY + "&to=" + DAY + "&inspector=t-inspector", null, 200);
            JsonNode row = effort.at("/rows/0");
            assertThat(effort.get("rows").size()).isEqualTo(1);
            assertThat(row.get("records").asInt()).isEqualTo(1);
            assertThat(row.get("patrolMinutes").asDouble()).isEqualTo(180.0);
            assertThat(row.get("distanceM").asDouble())
                    .isCloseTo(geodesicLength(walk), org.assertj.core.data.Percentage.withPercentage(0.5));
            assertThat(row.get("parcelsVisited").asInt()).isGreaterThanOrEqualTo(2);
            JsonNode after = phone.json("GET", "/api/v1/patrol/tasks/" + taskId + "/package/version", null, 200);
            assertThat(after.get("version").asString())
                    .as("the new clues are in the task area, so the package changed")
                    .isNotEqualTo(version);
        }
    }

    private ObjectNode observation(String id, Geometry patchLonLat, OffsetDateTime at, String... shas) {
        ObjectNode o = JSON.createObjectNode();
        o.put("clientId", id);
        o.put("kind", "SUSPECTED_VIOLATION");
        ObjectNode g = o.putObject("geometry");
        g.put("type", "Polygon");
        ArrayNode ring = g.putArray("coordinates").addArray();
        for (Coordinate c : patchLonLat.getCoordinates()) {
            ring.addArray().add(c.x).add(c.y);
        }
        o.put("note", "基本农田上疑似新建房屋 / suspected new building on basic farmland");
        o.put("observedAt", at.toString());
        ArrayNode photos = o.putArray("photos");
        for (String sha : shas) {
            photos.addObject().put("sha256", sha).put("takenAt", at.toString());
        }
        return o;
    }

    /** A parcel of the package's farmland layer (lon/lat), by id. */
    private static Geometry parcel(JsonNode features, String id) {
        GeometryFactory f = new GeometryFactory();
        for (JsonNode feature : features) {
            if (feature.at("/properties/id").asString().equals(id)) {
                JsonNode g = feature.get("geometry");
                JsonNode polygon =
                        g.get("type").asString().equals("MultiPolygon") ? g.at("/coordinates/0") : g.get("coordinates");
                JsonNode ring = polygon.get(0);
                Coordinate[] cs = new Coordinate[ring.size()];
                for (int i = 0; i < cs.length; i++) {
                    cs[i] = coordinate(ring.get(i));
                }
                LinearRing shell = f.createLinearRing(cs);
                return f.createPolygon(shell);
            }
        }
        throw new AssertionError("parcel " + id + " is not in the package");
    }

    /** A square of about 9 m × 11 m around the parcel's interior point, inside the parcel. */
    /** A patch of about 10 m × 10 m (lon/lat) around the place's centre, inside its parcel as the package has it. */
    private Geometry patchAt(Place place, Geometry parcel) {
        double[] ll = lonLat(place.centre());
        Envelope e = new Envelope(new Coordinate(ll[0], ll[1]));
        e.expandBy(0.00005);
        Geometry patch = parcel.getFactory().toGeometry(e);
        assertThat(parcel.contains(patch)).as("patch inside its parcel").isTrue();
        return patch;
    }

    private static Coordinate coordinate(JsonNode position) {
        return new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
    }

    private static double geodesicLength(List<Coordinate> lonLat) {
        double m = 0;
        for (int i = 1; i < lonLat.size(); i++) {
            Coordinate a = lonLat.get(i - 1);
            Coordinate b = lonLat.get(i);
            m += Geodesic.WGS84.Inverse(a.y, a.x, b.y, b.x).s12;
        }
        return m;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
