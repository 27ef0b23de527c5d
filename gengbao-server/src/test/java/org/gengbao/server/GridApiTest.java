package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.layer.LayerKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The responsibility grid over REST: cells, people, parcels, signs and markers, each seen only within the caller's
 * grid (another town's or village's objects answer 404 and are absent from lists); boundary imports; masking of phones
 * with audited full views; condition reports.
 */
class GridApiTest extends ServerTestBase {
    private static final Map<String, String> TOKENS = new HashMap<>();

    @Autowired
    ReferenceLayers layers;

    private String tokenOf(String username) throws Exception {
        synchronized (TOKENS) {
            if (!TOKENS.containsKey(username)) {
                String pw = username.startsWith("t-inspector-")
                        ? "secret-inspector"
                        : username.equals("t-town-b") ? "secret-town" : "secret-" + username.substring(2);
                TOKENS.put(username, login(username, pw));
            }
            return TOKENS.get(username);
        }
    }

    private ResultActions call(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokenOf(username))));
    }

    private ResultActions send(String username, MockHttpServletRequestBuilder request, Object body) throws Exception {
        return call(
                username,
                request.contentType(MediaType.APPLICATION_JSON)
                        .content(body instanceof String s ? s : JSON.writeValueAsString(body)));
    }

    private static JsonNode json(ResultActions r, int status) throws Exception {
        var response = r.andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    private static List<String> codes(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("code").asString()));
        return out;
    }

    private static String prefix(String town) {
        return town.substring(0, 9);
    }

    private String parcelIn(String village) {
        return jdbc.sql("SELECT id FROM farmland_parcel WHERE grid_code = ? ORDER BY id")
                .param(village)
                .query(String.class)
                .list()
                .get(0);
    }

    private String markerOf(String parcel) {
        return jdbc.sql("SELECT id FROM boundary_marker WHERE parcel_id = ? ORDER BY marker_no")
                .param(parcel)
                .query(String.class)
                .list()
                .get(0);
    }

    private String signOf(String parcel) {
        return jdbc.sql("SELECT id FROM protection_sign WHERE parcel_id = ? ORDER BY id")
                .param(parcel)
                .query(String.class)
                .list()
                .get(0);
    }

    private int audits(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND target = ?")
                .params(action, target)
                .query(Integer.class)
                .single();
    }

    /** A point of the parcel's interior as GeoJSON lon/lat, moved {@code eastM} metres east. */
    private Map<String, Object> pointOf(String parcel, double eastM) throws Exception {
        byte[] wkb = jdbc.sql("SELECT ST_AsBinary(geom) FROM farmland_parcel WHERE id = ?")
                .param(parcel)
                .query(byte[].class)
                .single();
        var crs = counties.require().crs();
        Geometry g = new WKBReader(WorkingPrecision.factory(crs)).read(wkb);
        Point p = g.getInteriorPoint();
        Point moved =
                new GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(p.getX() + eastM, p.getY()));
        Point ll = (Point) CrsTransform.between(crs, CrsRegistry.CGCS2000).apply(moved, new GeometryFactory());
        return Map.of("type", "Point", "coordinates", List.of(ll.getX(), ll.getY()));
    }

    @Test
    void cellsAreListedAndShownOnlyWithinTheCallersGrid() throws Exception {
        List<String> towns = codes(json(call("t-admin", get("/api/v1/grid/cells?level=TOWN")), 200));
        assertThat(towns).contains(townA, townB).hasSize(county().towns().size());
        assertThat(codes(json(call("t-leader", get("/api/v1/grid/cells")), 200)))
                .hasSize(county().towns().size() + county().villages().size());

        List<String> ofTownA = codes(json(call("t-town", get("/api/v1/grid/cells")), 200));
        assertThat(ofTownA).contains(townA, villageA1, villageA2).doesNotContain(townB, villageB1);
        assertThat(ofTownA).allMatch(c -> c.startsWith(prefix(townA)));
        List<String> ofTownB = codes(json(call("t-town-b", get("/api/v1/grid/cells")), 200));
        assertThat(ofTownB).contains(townB, villageB1).doesNotContain(townA, villageA1, villageA2);
        assertThat(codes(json(call("t-inspector", get("/api/v1/grid/cells")), 200)))
                .containsExactly(villageA1);
        assertThat(codes(json(call("t-village", get("/api/v1/grid/cells?geometry=true")), 200)))
                .containsExactly(villageA1);

        for (String[] denied : new String[][] {
            {"t-town-b", townA},
            {"t-town-b", villageA1},
            {"t-town", townB},
            {"t-town", villageB1},
            {"t-inspector", townA},
            {"t-inspector", villageA2},
            {"t-inspector-b", villageA1}
        }) {
            problem(call(denied[0], get("/api/v1/grid/cells/" + denied[1])), 404, "CELL_NOT_FOUND");
            problem(call(denied[0], get("/api/v1/grid/cells/" + denied[1] + "/people")), 404, "CELL_NOT_FOUND");
        }
        problem(call("t-admin", get("/api/v1/grid/cells/999999999999")), 404, "CELL_NOT_FOUND");
        problem(call("t-admin", get("/api/v1/grid/cells/12ab")), 400, "CODE_INVALID");
        problem(call("t-admin", get("/api/v1/grid/cells?level=CITY")), 400, "LEVEL_UNKNOWN");
        problem(call("t-admin", get("/api/v1/grid/cells?parent=x")), 400, "CODE_INVALID");

        JsonNode town = json(call("t-town", get("/api/v1/grid/cells/" + townA)), 200);
        List<String> children = codes(json(call("t-admin", get("/api/v1/grid/cells?parent=" + townA)), 200));
        assertThat(children).contains(villageA1, villageA2).allMatch(c -> c.startsWith(prefix(townA)));
        assertThat(town.get("children").asInt()).isEqualTo(children.size());
        assertThat(town.get("level").asString()).isEqualTo("TOWN");

        JsonNode village = json(call("t-inspector", get("/api/v1/grid/cells/" + villageA1)), 200);
        assertThat(village.get("parentCode").asString()).isEqualTo(townA);
        assertThat(village.get("children").asInt()).isZero();
        assertThat(village.get("areaM2").asDouble())
                .isCloseTo(gridCells.find(villageA1).orElseThrow().areaM2(), within(0.01));
        assertThat(village.at("/boundary/type").asString()).isIn("Polygon", "MultiPolygon");
        JsonNode first = village.at("/boundary/type").asString().equals("Polygon")
                ? village.at("/boundary/coordinates/0/0")
                : village.at("/boundary/coordinates/0/0/0");
        assertThat(first.get(0).asDouble()).as("longitude").isBetween(73.0, 136.0);
        assertThat(first.get(1).asDouble()).as("latitude").isBetween(3.0, 54.0);
        assertThat(village.get("people").isArray()).isTrue();
    }

    @Test
    void peopleAreManagedByOfficersAndTheirTownWithPhonesMaskedForOthers() throws Exception {
        String base = "/api/v1/grid/cells/" + villageA2 + "/people";
        JsonNode added = json(
                send("t-town", post(base), Map.of("duty", "INSPECTOR", "name", "测试巡查员甲", "phone", "138-1234-5678")),
                201);
        String id = added.get("id").asString();
        assertThat(added.get("phone").asString()).isEqualTo("138****5678");
        assertThat(added.get("gridCode").asString()).isEqualTo(villageA2);

        int viewed = audits("PERSONAL_DATA_VIEWED", "cell-people:" + villageA2);
        JsonNode full = json(call("t-officer", get(base)), 200);
        assertThat(phoneOf(full, id)).isEqualTo("13812345678");
        assertThat(audits("PERSONAL_DATA_VIEWED", "cell-people:" + villageA2)).isEqualTo(viewed + 1);
        assertThat(phoneOf(json(call("t-inspector-a2", get(base)), 200), id)).isEqualTo("138****5678");
        assertThat(audits("PERSONAL_DATA_VIEWED", "cell-people:" + villageA2)).isEqualTo(viewed + 1);
        JsonNode cell = json(call("t-inspector-a2", get("/api/v1/grid/cells/" + villageA2)), 200);
        assertThat(phoneOf(cell.get("people"), id)).isEqualTo("138****5678");

        // another town, and roles that may not manage people
        problem(send("t-town-b", post(base), Map.of("duty", "INSPECTOR", "name", "越权")), 404, "CELL_NOT_FOUND");
        problem(
                send("t-town-b", put("/api/v1/grid/people/" + id), Map.of("duty", "INSPECTOR", "name", "改")),
                404,
                "PERSON_NOT_FOUND");
        problem(call("t-town-b", delete("/api/v1/grid/people/" + id)), 404, "PERSON_NOT_FOUND");
        problem(send("t-inspector-a2", post(base), Map.of("duty", "INSPECTOR", "name", "自己")), 403, "FORBIDDEN");
        problem(call("t-village", delete("/api/v1/grid/people/" + id)), 403, "FORBIDDEN");

        // bad input
        problem(send("t-town", post(base), Map.of("duty", "INSPECTOR", "name", "测试巡查员甲")), 409, "PERSON_DUPLICATE");
        problem(send("t-town", post(base), Map.of("duty", "TOWN_OFFICER", "name", "镇干部")), 422, "DUTY_LEVEL_MISMATCH");
        problem(
                send(
                        "t-admin",
                        post("/api/v1/grid/cells/" + townA + "/people"),
                        Map.of("duty", "FIELD_CHIEF", "name", "田")),
                422,
                "DUTY_LEVEL_MISMATCH");
        problem(send("t-town", post(base), Map.of("duty", "KING", "name", "王")), 422, "DUTY_UNKNOWN");
        problem(
                send("t-town", post(base), Map.of("duty", "INSPECTOR", "name", "乙", "phone", "12345")),
                422,
                "PHONE_INVALID");
        problem(
                send("t-town", post(base), Map.of("duty", "INSPECTOR", "name", "丙", "username", "nobody-here")),
                422,
                "ACCOUNT_UNKNOWN");
        problem(send("t-town", post(base), Map.of("duty", "INSPECTOR")), 400, "FIELD_MISSING");
        problem(send("t-town", post(base), Map.of("duty", "INSPECTOR", "name", 5)), 400, "FIELD_INVALID");
        problem(send("t-town", post(base), "{\"duty\": "), 400, "BODY_MALFORMED");
        problem(
                send("t-town", post("/api/v1/grid/cells/abc/people"), Map.of("duty", "INSPECTOR", "name", "丁")),
                400,
                "CODE_INVALID");

        // a town officer in its own town, linked to an account
        JsonNode officer = json(
                send(
                        "t-officer",
                        post("/api/v1/grid/cells/" + townA + "/people"),
                        Map.of(
                                "duty",
                                "TOWN_OFFICER",
                                "name",
                                "测试镇干部",
                                "phone",
                                "0531-87654321",
                                "username",
                                "t-town")),
                201);
        assertThat(officer.get("phone").asString()).isEqualTo("0531-87654321");
        assertThat(officer.get("username").asString()).isEqualTo("t-town");
        assertThat(phoneOf(
                        json(call("t-town", get("/api/v1/grid/cells/" + townA + "/people")), 200),
                        officer.get("id").asString()))
                .isEqualTo("053*****4321");

        JsonNode changed = json(
                send(
                        "t-officer",
                        put("/api/v1/grid/people/" + id),
                        Map.of(
                                "duty",
                                "INFO_OFFICER",
                                "name",
                                "测试信息员",
                                "phone",
                                "13987654321",
                                "username",
                                "t-inspector-a2")),
                200);
        assertThat(changed.get("duty").asString()).isEqualTo("INFO_OFFICER");
        assertThat(changed.get("phone").asString()).isEqualTo("13987654321");
        assertThat(jdbc.sql("SELECT name FROM grid_person WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("测试信息员");
        assertThat(audits("GRID_PERSON_UPDATED", "person:" + id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE action = 'GRID_PERSON_UPDATED' AND target = ?")
                        .param("person:" + id)
                        .query(String.class)
                        .single())
                .contains("139****4321")
                .doesNotContain("13987654321");

        json(call("t-town", delete("/api/v1/grid/people/" + id)), 204);
        assertThat(json(call("t-admin", get(base)), 200).findValuesAsString("id"))
                .doesNotContain(id);
        problem(call("t-town", delete("/api/v1/grid/people/" + id)), 404, "PERSON_NOT_FOUND");
        problem(
                send("t-town", put("/api/v1/grid/people/" + id), Map.of("duty", "INSPECTOR", "name", "x")),
                404,
                "PERSON_NOT_FOUND");
    }

    private static String phoneOf(JsonNode people, String id) {
        for (JsonNode p : people) {
            if (p.get("id").asString().equals(id)) {
                return p.get("phone").asString();
            }
        }
        throw new AssertionError(id + " not in " + people);
    }

    @Test
    void parcelsAreListedInScopeAndPaged() throws Exception {
        int inTown = jdbc.sql("SELECT COUNT(*) FROM farmland_parcel WHERE grid_code LIKE ?")
                .param(prefix(townA) + "%")
                .query(Integer.class)
                .single();
        JsonNode town = json(call("t-town", get("/api/v1/grid/parcels?size=500")), 200);
        assertThat(town.get("total").asInt()).isEqualTo(inTown).isPositive();
        town.get("items").forEach(p -> assertThat(p.get("gridCode").asString()).startsWith(prefix(townA)));
        int inVillage = jdbc.sql("SELECT COUNT(*) FROM farmland_parcel WHERE grid_code = ?")
                .param(villageA1)
                .query(Integer.class)
                .single();
        JsonNode mine = json(call("t-inspector", get("/api/v1/grid/parcels")), 200);
        assertThat(mine.get("total").asInt()).isEqualTo(inVillage);
        mine.get("items").forEach(p -> assertThat(p.get("gridCode").asString()).isEqualTo(villageA1));
        assertThat(json(call("t-town", get("/api/v1/grid/parcels?cell=" + villageA1)), 200)
                        .get("total")
                        .asInt())
                .isEqualTo(inVillage);

        Set<String> seen = new HashSet<>();
        for (int page = 0; page < 2; page++) {
            JsonNode p = json(call("t-inspector", get("/api/v1/grid/parcels?size=2&page=" + page)), 200);
            assertThat(p.get("items").size()).isEqualTo(Math.min(2, inVillage - 2 * page));
            p.get("items")
                    .forEach(i -> assertThat(seen.add(i.get("id").asString())).isTrue());
        }
        problem(call("t-inspector", get("/api/v1/grid/parcels?size=0")), 400, "PAGE_INVALID");
        problem(call("t-inspector", get("/api/v1/grid/parcels?page=-1")), 400, "PAGE_INVALID");
        problem(call("t-inspector", get("/api/v1/grid/parcels?page=x")), 400, "PARAMETER_INVALID");

        // another town or village: absent from lists, 404 by id
        String parcel = parcelIn(villageA1);
        String marker = markerOf(parcel);
        String sign = signOf(parcel);
        JsonNode ofB = json(call("t-town-b", get("/api/v1/grid/parcels?size=500")), 200);
        ofB.get("items").forEach(p -> assertThat(p.get("gridCode").asString()).startsWith(prefix(townB)));
        for (String user : List.of("t-town-b", "t-inspector-b", "t-inspector-a2")) {
            problem(call(user, get("/api/v1/grid/parcels/" + parcel)), 404, "PARCEL_NOT_FOUND");
            problem(call(user, get("/api/v1/grid/parcels/" + parcel + "/markers")), 404, "PARCEL_NOT_FOUND");
            problem(call(user, get("/api/v1/grid/parcels/" + parcel + "/signs")), 404, "PARCEL_NOT_FOUND");
            problem(
                    send(user, put("/api/v1/grid/markers/" + marker), Map.of("condition", "DAMAGED")),
                    404,
                    "MARKER_NOT_FOUND");
            problem(
                    send(user, put("/api/v1/grid/signs/" + sign), Map.of("condition", "DAMAGED")),
                    404,
                    "SIGN_NOT_FOUND");
            problem(call(user, get("/api/v1/grid/parcels?cell=" + villageA1)), 404, "CELL_NOT_FOUND");
        }
        problem(
                send(
                        "t-town-b",
                        put("/api/v1/grid/parcels/" + parcel + "/responsibility"),
                        Map.of("householdName", "x")),
                404,
                "PARCEL_NOT_FOUND");
        problem(
                send(
                        "t-town-b",
                        post("/api/v1/grid/parcels/" + parcel + "/markers"),
                        Map.of("number", 77, "location", pointOf(parcel, 0))),
                404,
                "PARCEL_NOT_FOUND");
        problem(call("t-admin", get("/api/v1/grid/parcels/no-such-parcel")), 404, "PARCEL_NOT_FOUND");
    }

    @Test
    void responsibilityIsSetInScopeWithPhonesMaskedAndFullViewsAudited() throws Exception {
        String parcel = parcelIn(villageA1);
        String chief = json(
                        send(
                                "t-admin",
                                post("/api/v1/grid/cells/" + villageA1 + "/people"),
                                Map.of("duty", "FIELD_CHIEF", "name", "测试田长", "phone", "13700001111")),
                        201)
                .get("id")
                .asString();
        String info = json(
                        send(
                                "t-admin",
                                post("/api/v1/grid/cells/" + villageA1 + "/people"),
                                Map.of("duty", "INFO_OFFICER", "name", "测试信息员乙")),
                        201)
                .get("id")
                .asString();
        String otherChief = json(
                        send(
                                "t-admin",
                                post("/api/v1/grid/cells/" + villageA2 + "/people"),
                                Map.of("duty", "FIELD_CHIEF", "name", "邻村田长")),
                        201)
                .get("id")
                .asString();
        String url = "/api/v1/grid/parcels/" + parcel + "/responsibility";
        Map<String, Object> body = Map.of(
                "fieldChiefId", chief, "householdName", "测试农户", "householdPhone", "13812345678", "cardNo", "MBK-T-1");

        JsonNode set = json(send("t-village", put(url), body), 200);
        assertThat(set.get("householdName").asString()).isEqualTo("测试农户");
        assertThat(set.get("householdPhone").asString()).isEqualTo("138****5678");
        assertThat(set.at("/fieldChief/id").asString()).isEqualTo(chief);
        assertThat(set.at("/fieldChief/phone").asString()).isEqualTo("137****1111");
        assertThat(set.get("cardNo").asString()).isEqualTo("MBK-T-1");
        assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE action = 'PARCEL_RESPONSIBILITY_UPDATED'"
                                + " AND target = ? ORDER BY seq DESC")
                        .param("parcel:" + parcel)
                        .query(String.class)
                        .list()
                        .get(0))
                .contains("138****5678")
                .doesNotContain("13812345678");

        problem(send("t-inspector", put(url), body), 403, "FORBIDDEN");
        problem(send("t-leader", put(url), body), 403, "FORBIDDEN");
        problem(send("t-town-b", put(url), body), 404, "PARCEL_NOT_FOUND");
        problem(send("t-town", put(url), Map.of("householdPhone", "555")), 422, "PHONE_INVALID");
        problem(send("t-town", put(url), Map.of("fieldChiefId", info)), 422, "FIELD_CHIEF_INVALID");
        problem(send("t-town", put(url), Map.of("fieldChiefId", otherChief)), 422, "FIELD_CHIEF_INVALID");
        problem(send("t-town", put(url), Map.of("fieldChiefId", "nobody")), 422, "FIELD_CHIEF_UNKNOWN");
        problem(send("t-town", put(url), "[1]"), 400, "BODY_MALFORMED");
        problem(call("t-admin", delete("/api/v1/grid/people/" + chief)), 409, "PERSON_IN_USE");

        String target = "parcel:" + parcel;
        int before = audits("PERSONAL_DATA_VIEWED", target);
        for (String user : List.of("t-town", "t-village", "t-inspector", "t-leader", "t-police")) {
            JsonNode masked = json(call(user, get("/api/v1/grid/parcels/" + parcel)), 200);
            assertThat(masked.get("householdPhone").asString()).as(user).isEqualTo("138****5678");
            assertThat(masked.at("/fieldChief/phone").asString()).as(user).isEqualTo("137****1111");
        }
        assertThat(audits("PERSONAL_DATA_VIEWED", target)).isEqualTo(before);
        for (String user : List.of("t-officer", "t-admin")) {
            JsonNode full = json(call(user, get("/api/v1/grid/parcels/" + parcel)), 200);
            assertThat(full.get("householdPhone").asString()).isEqualTo("13812345678");
            assertThat(full.at("/fieldChief/phone").asString()).isEqualTo("13700001111");
        }
        assertThat(audits("PERSONAL_DATA_VIEWED", target)).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'PERSONAL_DATA_VIEWED' AND target = ?"
                                + " ORDER BY seq")
                        .param(target)
                        .query(String.class)
                        .list())
                .endsWith("t-officer", "t-admin");

        JsonNode detail = json(call("t-inspector", get("/api/v1/grid/parcels/" + parcel)), 200);
        assertThat(detail.at("/outline/type").asString()).isIn("Polygon", "MultiPolygon");
        assertThat(detail.get("areaM2").asDouble()).isPositive();
        assertThat(detail.get("gridCode").asString()).isEqualTo(villageA1);
        assertThat(detail.get("markers").size()).isPositive();
        assertThat(detail.get("signs").size()).isPositive();

        // clearing: the field chief may then be removed
        json(send("t-officer", put(url), Map.of("householdName", "测试农户")), 200);
        assertThat(json(call("t-officer", get("/api/v1/grid/parcels/" + parcel)), 200)
                        .get("fieldChief")
                        .isNull())
                .isTrue();
        json(call("t-admin", delete("/api/v1/grid/people/" + chief)), 204);
    }

    @Test
    void markersAndSignsAreAddedNearTheirParcelAndTheirConditionReported() throws Exception {
        String parcel = parcelIn(villageA1);
        String url = "/api/v1/grid/parcels/" + parcel + "/markers";
        int before = json(call("t-inspector", get(url)), 200).size();
        JsonNode marker = json(
                send(
                        "t-village",
                        post(url),
                        Map.of("number", 901, "location", pointOf(parcel, 0), "condition", "good")),
                201);
        String id = marker.get("id").asString();
        assertThat(marker.get("number").asInt()).isEqualTo(901);
        assertThat(marker.get("condition").asString()).isEqualTo("GOOD");
        assertThat(marker.at("/location/type").asString()).isEqualTo("Point");
        assertThat(marker.at("/location/coordinates/0").asDouble())
                .isCloseTo(
                        ((List<?>) pointOf(parcel, 0).get("coordinates")).get(0) instanceof Double d ? d : 0,
                        within(1e-6));
        JsonNode listed = json(call("t-inspector", get(url)), 200);
        assertThat(listed.size()).isEqualTo(before + 1);
        assertThat(audits("MARKER_ADDED", "marker:" + id)).isEqualTo(1);

        problem(
                send("t-village", post(url), Map.of("number", 901, "location", pointOf(parcel, 0))),
                409,
                "MARKER_NUMBER_TAKEN");
        problem(
                send("t-village", post(url), Map.of("number", 902, "location", pointOf(parcelIn(villageB1), 0))),
                422,
                "LOCATION_FAR_FROM_PARCEL");
        problem(
                send(
                        "t-village",
                        post(url),
                        Map.of("number", 902, "location", Map.of("type", "Point", "coordinates", List.of(10.0, 50.0)))),
                422,
                "LOCATION_OUTSIDE_COUNTY");
        problem(
                send(
                        "t-village",
                        post(url),
                        Map.of(
                                "number",
                                902,
                                "location",
                                Map.of("type", "Point", "coordinates", List.of(36.0, 117.0)))),
                422,
                "COORDINATE_OUT_OF_RANGE");
        problem(
                send(
                        "t-village",
                        post(url),
                        Map.of(
                                "number",
                                902,
                                "location",
                                Map.of(
                                        "type",
                                        "Polygon",
                                        "coordinates",
                                        List.of(List.of(
                                                List.of(117.0, 36.0),
                                                List.of(117.1, 36.0),
                                                List.of(117.1, 36.1),
                                                List.of(117.0, 36.0)))))),
                422,
                "LOCATION_NOT_POINT");
        problem(send("t-village", post(url), Map.of("number", 902)), 400, "FIELD_MISSING");
        problem(
                send("t-village", post(url), Map.of("number", "x", "location", pointOf(parcel, 0))),
                400,
                "FIELD_INVALID");
        problem(
                send("t-village", post(url), Map.of("number", 0, "location", pointOf(parcel, 0))),
                422,
                "FIELD_OUT_OF_RANGE");
        problem(
                send(
                        "t-village",
                        post(url),
                        Map.of("number", 903, "location", pointOf(parcel, 0), "condition", "BROKEN")),
                422,
                "CONDITION_UNKNOWN");
        problem(
                send("t-inspector", post(url), Map.of("number", 904, "location", pointOf(parcel, 0))),
                403,
                "FORBIDDEN");

        // the inspector of the village reports; others cannot see it
        JsonNode reported = json(
                send("t-inspector", put("/api/v1/grid/markers/" + id), Map.of("condition", "DAMAGED", "note", "界桩倾斜")),
                200);
        assertThat(reported.get("condition").asString()).isEqualTo("DAMAGED");
        assertThat(reported.get("note").asString()).isEqualTo("界桩倾斜");
        assertThat(reported.get("updatedBy").asString()).isEqualTo("t-inspector");
        assertThat(audits("MARKER_CONDITION_REPORTED", "marker:" + id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'MARKER_CONDITION_REPORTED' AND target = ?")
                        .param("marker:" + id)
                        .query(String.class)
                        .single())
                .isEqualTo("t-inspector");
        problem(
                send("t-inspector-a2", put("/api/v1/grid/markers/" + id), Map.of("condition", "GOOD")),
                404,
                "MARKER_NOT_FOUND");
        problem(send("t-leader", put("/api/v1/grid/markers/" + id), Map.of("condition", "GOOD")), 403, "FORBIDDEN");
        problem(
                send("t-inspector", put("/api/v1/grid/markers/" + id), Map.of("condition", "LOST")),
                422,
                "CONDITION_UNKNOWN");
        problem(send("t-inspector", put("/api/v1/grid/markers/" + id), Map.of("note", "x")), 400, "FIELD_MISSING");
        assertThat(json(call("t-town", get("/api/v1/grid/parcels/" + parcel)), 200)
                        .get("markers")
                        .findValuesAsString("condition"))
                .contains("DAMAGED");

        String signs = "/api/v1/grid/parcels/" + parcel + "/signs";
        JsonNode sign = json(
                send(
                        "t-town",
                        post(signs),
                        Map.of("number", 902, "location", pointOf(parcel, 0), "installedOn", "2026-03-01")),
                201);
        assertThat(sign.get("installedOn").asString()).isEqualTo("2026-03-01");
        problem(
                send(
                        "t-town",
                        post(signs),
                        Map.of("number", 903, "location", pointOf(parcel, 0), "installedOn", "March")),
                400,
                "DATE_INVALID");
        String signId = sign.get("id").asString();
        JsonNode missing =
                json(send("t-village", put("/api/v1/grid/signs/" + signId), Map.of("condition", "MISSING")), 200);
        assertThat(missing.get("condition").asString()).isEqualTo("MISSING");
        assertThat(audits("SIGN_CONDITION_REPORTED", "sign:" + signId)).isEqualTo(1);
        problem(
                send("t-inspector-b", put("/api/v1/grid/signs/" + signId), Map.of("condition", "GOOD")),
                404,
                "SIGN_NOT_FOUND");
        assertThat(json(call("t-inspector", get(signs)), 200).findValuesAsString("id"))
                .contains(signId);
    }

    @Test
    void boundaryFilesAreImportedWholeOrNotAtAll() throws Exception {
        int villages = county().villages().size();
        JsonNode gpkg = json(
                call(
                        "t-admin",
                        multipart("/api/v1/grid/cells/import")
                                .file(new MockMultipartFile(
                                        "file",
                                        "village.gpkg",
                                        "application/geopackage+sqlite3",
                                        Files.readAllBytes(countyFiles().resolve("village.gpkg"))))),
                200);
        assertThat(gpkg.get("read").asInt()).isEqualTo(villages);
        assertThat(gpkg.get("added").asInt()).isZero();
        assertThat(gpkg.get("updated").asInt()).isEqualTo(villages);
        JsonNode shp = json(
                call(
                        "t-admin",
                        multipart("/api/v1/grid/cells/import")
                                .file(new MockMultipartFile(
                                        "file",
                                        "town.zip",
                                        "application/zip",
                                        LayerApiTest.zipOf(countyFiles(), "town")))
                                .param("encoding", "GBK")),
                200);
        assertThat(shp.get("updated").asInt()).isEqualTo(county().towns().size());
        assertThat(codes(json(call("t-admin", get("/api/v1/grid/cells")), 200)))
                .hasSize(county().towns().size() + villages);

        problem(
                call(
                        "t-admin",
                        multipart("/api/v1/grid/cells/import")
                                .file(new MockMultipartFile(
                                        "file",
                                        "town.zip",
                                        "application/zip",
                                        LayerApiTest.zipOf(countyFiles(), "town")))
                                .param("encoding", "UTF-8")),
                422,
                "ENCODING_MISMATCH");

        // a file whose second feature is bad changes nothing, not even its good first feature
        String name = gridCells.find(villageA1).orElseThrow().name();
        ObjectNode all =
                (ObjectNode) JSON.readTree(Files.readString(countyFiles().resolve("village.geojson")));
        ObjectNode good = null;
        for (JsonNode f : all.get("features")) {
            if (f.at("/properties/XZQDM").asString().equals(villageA1)) {
                good = (ObjectNode) f.deepCopy();
            }
        }
        ((ObjectNode) good.get("properties")).put("XZQMC", "改名村");
        ObjectNode bad = good.deepCopy();
        ((ObjectNode) bad.get("properties")).put("XZQDM", "12345");
        ObjectNode fc = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        features.add(good);
        features.add(bad);
        problem(
                call(
                        "t-admin",
                        multipart("/api/v1/grid/cells/import")
                                .file(new MockMultipartFile(
                                        "file", "bad.geojson", "application/geo+json", JSON.writeValueAsBytes(fc)))),
                422,
                "GRID_FEATURES_REJECTED");
        assertThat(gridCells.find(villageA1).orElseThrow().name()).isEqualTo(name);

        problem(
                call(
                        "t-admin",
                        multipart("/api/v1/grid/cells/import")
                                .file(new MockMultipartFile(
                                        "file",
                                        "village.gpkg",
                                        "application/octet-stream",
                                        "not a geopackage".getBytes(StandardCharsets.UTF_8)))),
                422,
                "GPKG_INVALID");
        assertThat(jdbc.sql("SELECT result FROM audit_entry WHERE action = 'GRID_IMPORTED' ORDER BY seq DESC")
                        .query(String.class)
                        .list()
                        .get(0))
                .isEqualTo("REJECTED");
        problem(
                call(
                        "t-admin",
                        multipart("/api/v1/grid/cells/import")
                                .file(new MockMultipartFile(
                                        "file", "empty.geojson", "application/geo+json", new byte[0]))),
                400,
                "FILE_EMPTY");
        problem(
                call(
                        "t-admin",
                        multipart("/api/v1/grid/cells/import")
                                .file(new MockMultipartFile(
                                        "file",
                                        "village.gpkg",
                                        "application/octet-stream",
                                        Files.readAllBytes(countyFiles().resolve("village.gpkg"))))
                                .param("crs", "EPSG:9999999")),
                422,
                "CRS_UNSUPPORTED");
        problem(
                call(
                        "t-officer",
                        multipart("/api/v1/grid/cells/import")
                                .file(new MockMultipartFile(
                                        "file",
                                        "village.gpkg",
                                        "application/octet-stream",
                                        Files.readAllBytes(countyFiles().resolve("village.gpkg"))))),
                403,
                "FORBIDDEN");
    }

    @Test
    void parcelsAreSyncedFromTheBasicFarmlandLayerByTheAdministrator() throws Exception {
        int parcels = farmland.count();
        JsonNode report = json(send("t-admin", post("/api/v1/grid/parcels/sync"), Map.of("asOf", "2026-06-01")), 200);
        int read = report.get("read").asInt();
        assertThat(read)
                .isEqualTo(layers.versionInForce(LayerKind.JBNT, LocalDate.of(2026, 6, 1))
                        .orElseThrow()
                        .featureCount());
        int added = report.get("added").asInt();
        assertThat(added
                        + report.get("updated").asInt()
                        + report.get("outsideGrid").asInt())
                .isEqualTo(read);
        assertThat(farmland.count()).isEqualTo(parcels + added);
        problem(
                send("t-admin", post("/api/v1/grid/parcels/sync"), Map.of("asOf", "2020-01-01")),
                422,
                "LAYER_NOT_IN_FORCE");
        problem(send("t-admin", post("/api/v1/grid/parcels/sync"), Map.of("asOf", "soon")), 400, "DATE_INVALID");
        problem(send("t-officer", post("/api/v1/grid/parcels/sync"), Map.of()), 403, "FORBIDDEN");
    }

    @Test
    void theApiDescriptionListsTheGridPathsWithTheirQueryParameters() throws Exception {
        JsonNode doc = JSON.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(doc.path("paths").propertyNames())
                .contains(
                        "/api/v1/grid/cells",
                        "/api/v1/grid/cells/{code}",
                        "/api/v1/grid/cells/import",
                        "/api/v1/grid/cells/{code}/people",
                        "/api/v1/grid/people/{id}",
                        "/api/v1/grid/parcels",
                        "/api/v1/grid/parcels/{id}",
                        "/api/v1/grid/parcels/{id}/responsibility",
                        "/api/v1/grid/parcels/sync",
                        "/api/v1/grid/parcels/{id}/markers",
                        "/api/v1/grid/parcels/{id}/signs",
                        "/api/v1/grid/markers/{id}",
                        "/api/v1/grid/signs/{id}");
        // the caller is taken from the token, not from a parameter
        assertThat(doc.at("/paths/~1api~1v1~1grid~1cells/get/parameters").findValuesAsString("name"))
                .containsExactlyInAnyOrder("level", "parent", "geometry");
    }
}
