package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.storage.GengbaoProperties;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * What a new user may get wrong when asking for an analysis: every mistake is a 4xx problem+json with a stable code and
 * a message in both languages, and no analysis is stored.
 */
class BadAnalysisInputTest extends ServerTestBase {
    @Autowired
    private GengbaoProperties properties;

    private String token;
    private int analysesBefore;
    /** A point in the county, longitude/latitude, and the same in EPSG:4527 metres. */
    private double lon, lat, east, north;

    @BeforeEach
    void prepare() throws Exception {
        token = token(Role.INSPECTOR);
        analysesBefore = analyses();
        var c = county().extent().centre();
        east = c.x;
        north = c.y;
        double[] ll = {c.x, c.y};
        CrsTransform.between(county().spec().crs(), CrsRegistry.CGCS2000).apply(ll);
        lon = ll[0];
        lat = ll[1];
    }

    private int analyses() {
        return jdbc.sql("SELECT COUNT(*) FROM analysis").query(Integer.class).single();
    }

    private ResultActions send(byte[] body) throws Exception {
        return mvc.perform(post("/api/v1/analyses")
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions send(String body) throws Exception {
        return send(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts the problem and that nothing was stored. */
    private JsonNode refused(ResultActions result, int status, String code) throws Exception {
        JsonNode p = problem(result, status, code);
        assertThat(analyses()).as("analyses stored after %s", code).isEqualTo(analysesBefore);
        return p;
    }

    private static String polygon(double[]... ring) {
        StringBuilder s = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < ring.length; i++) {
            s.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "[%.7f,%.7f]", ring[i][0], ring[i][1]));
        }
        return s.append("]]}").toString();
    }

    private static String square(double x, double y, double d) {
        return polygon(
                new double[] {x, y},
                new double[] {x + d, y},
                new double[] {x + d, y + d},
                new double[] {x, y + d},
                new double[] {x, y});
    }

    private static String request(String geometry, String crs) {
        return "{\"geometry\":" + geometry + (crs == null ? "" : ",\"crs\":\"" + crs + "\"") + "}";
    }

    @Test
    void unreadableBodies() throws Exception {
        JsonNode p = refused(
                send("{\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[117.2, 36.1]"), 400, "BODY_MALFORMED");
        assertThat(p.at("/messages/en").asString()).contains("line 1");
        refused(send("[" + square(lon, lat, 0.001) + "]"), 400, "BODY_MALFORMED");
        refused(send(""), 400, "BODY_MALFORMED");
        refused(send("{\"crs\":\"EPSG:4490\"}"), 400, "GEOMETRY_MISSING");
        refused(send("{\"geometry\":null}"), 400, "GEOMETRY_MISSING");
    }

    @Test
    void aFormOrAnUnlabelledBodyInsteadOfJson() throws Exception {
        JsonNode p = refused(
                mvc.perform(post("/api/v1/analyses")
                        .header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("geometry=" + square(lon, lat, 0.001))),
                415,
                "MEDIA_TYPE_UNSUPPORTED");
        assertThat(p.at("/messages/en").asString()).contains("accepts application/json");
        p = refused(
                mvc.perform(post("/api/v1/analyses")
                        .header("Authorization", bearer(token))
                        .content(request(square(lon, lat, 0.001), null))),
                415,
                "MEDIA_TYPE_UNSUPPORTED");
        assertThat(p.at("/messages/en").asString()).contains("Content-Type", "application/json");
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeParsing() throws Exception {
        long limit = properties.limits().maxGeojsonBytes();
        // One allocation: a polygon with ever more vertices until the body is one byte over the limit.
        byte[] head = "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[".getBytes(StandardCharsets.US_ASCII);
        byte[] vertex = String.format(Locale.ROOT, "[%.7f,%.7f],", lon, lat).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = String.format(Locale.ROOT, "[%.7f,%.7f]]]}}", lon, lat).getBytes(StandardCharsets.US_ASCII);
        int n = (int) ((limit + 1 - head.length - tail.length) / vertex.length) + 1;
        byte[] body = new byte[head.length + n * vertex.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        for (int i = 0; i < n; i++) {
            System.arraycopy(vertex, 0, body, head.length + i * vertex.length, vertex.length);
        }
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        assertThat((long) body.length).isGreaterThan(limit);
        refused(send(body), 413, "BODY_TOO_LARGE");
    }

    @Test
    void tooManyVertices() throws Exception {
        int n = properties.limits().maxPatchVertices() + 10;
        double[][] ring = new double[n + 1][];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            ring[i] = new double[] {lon + 0.003 * Math.cos(a), lat + 0.003 * Math.sin(a)};
        }
        ring[n] = ring[0];
        refused(send(request(polygon(ring), null)), 422, "TOO_MANY_VERTICES");
    }

    @Test
    void invalidGeometries() throws Exception {
        double d = 0.001;
        String bowTie = polygon(
                new double[] {lon, lat},
                new double[] {lon + d, lat + d},
                new double[] {lon + d, lat},
                new double[] {lon, lat + d},
                new double[] {lon, lat});
        JsonNode p = refused(send(request(bowTie, null)), 422, "SELF_INTERSECTION");
        assertThat(p.at("/location/crs").asString()).isEqualTo("EPSG:4490");
        assertThat(p.at("/location/x").asDouble()).isCloseTo(lon + d / 2, within(1e-6));
        assertThat(p.at("/location/y").asDouble()).isCloseTo(lat + d / 2, within(1e-6));

        String unclosed = polygon(
                new double[] {lon, lat}, new double[] {lon + d, lat}, new double[] {lon + d, lat + d}, new double[] {
                    lon, lat + d
                });
        refused(send(request(unclosed, null)), 422, "UNCLOSED_RING");
        refused(send(request("{\"type\":\"Polygon\",\"coordinates\":[]}", null)), 422, "EMPTY_GEOMETRY");
        String point = String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]}", lon, lat);
        refused(send(request(point, null)), 422, "GEOMETRY_TYPE_UNSUPPORTED");
        String nan = square(lon, lat, d).replaceFirst("\\[\\[\\[[^,]+,", "[[[NaN,");
        refused(send(request(nan, null)), 422, "NON_FINITE_COORDINATE");
    }

    @Test
    void wrongOrMissingCoordinateSystem() throws Exception {
        String metres = square(east, north, 100);
        refused(send(request(metres, null)), 422, "COORDINATES_LOOK_PROJECTED");
        JsonNode p = refused(send(request(metres, "EPSG:3857")), 422, "CRS_UNSUPPORTED");
        assertThat(p.at("/messages/en").asString()).contains("EPSG:4490");
        refused(send(request(metres, "EPSG:2436")), 422, "CRS_UNSUPPORTED");
        // The crs member of old GeoJSON files is an object; here the code is given as text.
        String legacy = "{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4527\"}}";
        p = refused(send("{\"geometry\":" + metres + ",\"crs\":" + legacy + "}"), 400, "PARAMETER_INVALID");
        assertThat(p.at("/messages/en").asString()).contains("\"EPSG:4527\"");
        refused(send("{\"geometry\":" + metres + ",\"crs\":[4527]}"), 400, "PARAMETER_INVALID");
        refused(send(request(square(lon, lat, 0.001), "EPSG:4527")), 422, "COORDINATES_LOOK_GEOGRAPHIC");
        // County metres (zone 39, easting 39xxxxxx) declared as zone 40.
        p = refused(send(request(metres, "EPSG:4528")), 422, "ZONE_PREFIX_MISMATCH");
        assertThat(p.at("/messages/en").asString()).contains("EPSG:4527");
    }

    @Test
    void positionsOutsideChinaOrWithSwappedAxes() throws Exception {
        refused(send(request(square(2.35, 48.85, 0.001), null)), 422, "OUTSIDE_CHINA");
        JsonNode p = refused(send(request(square(lat, lon, 0.001), null)), 422, "AXES_SWAPPED");
        assertThat(p.at("/location/x").asDouble()).isCloseTo(lat, within(1e-6));
    }

    @Test
    void invalidAnalysisDate() throws Exception {
        refused(send("{\"geometry\":" + square(lon, lat, 0.001) + ",\"asOf\":\"2026-02-30\"}"), 400, "DATE_INVALID");
        refused(send("{\"geometry\":" + square(lon, lat, 0.001) + ",\"asOf\":\"26/11/2026\"}"), 400, "DATE_INVALID");
        refused(send("{\"geometry\":" + square(lon, lat, 0.001) + ",\"asOf\":{\"year\":2026}}"), 400, "DATE_INVALID");
    }

    @Test
    void aTokenWithoutTheBearerSchemeIsExplained() throws Exception {
        JsonNode p = refused(
                mvc.perform(post("/api/v1/analyses")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request(square(lon, lat, 0.001), null))),
                401,
                "AUTHENTICATION_REQUIRED");
        assertThat(p.at("/messages/en").asString()).contains("Bearer");
    }
}
