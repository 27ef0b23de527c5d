package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gengbao.server.accounts.Role;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.layer.LayerKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * What a new administrator may get wrong when importing a layer: every mistake is a 4xx problem+json with a stable
 * code and a message in both languages, and nothing at all is stored.
 */
class BadImportInputTest extends ServerTestBase {
    private String admin;
    private int versionsBefore;
    private int featuresBefore;

    @BeforeEach
    void prepare() throws Exception {
        admin = token(Role.ADMIN);
        versionsBefore = versions();
        featuresBefore = features();
    }

    private int versions() {
        return jdbc.sql("SELECT COUNT(*) FROM layer_version")
                .query(Integer.class)
                .single();
    }

    private int features() {
        return jdbc.sql("SELECT COUNT(*) FROM layer_feature")
                .query(Integer.class)
                .single();
    }

    private static MockMultipartHttpServletRequestBuilder upload(String kind, String name, byte[] content) {
        return multipart("/api/v1/layers/" + kind + "/versions")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content));
    }

    private ResultActions send(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(admin)));
    }

    /** Asserts the problem and that no layer version or feature was stored. */
    private JsonNode refused(ResultActions result, int status, String code) throws Exception {
        JsonNode p = problem(result, status, code);
        assertThat(versions()).as("layer versions after %s", code).isEqualTo(versionsBefore);
        assertThat(features()).as("layer features after %s", code).isEqualTo(featuresBefore);
        return p;
    }

    /** A zip of {@code entries} (name → content), in order. */
    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The parts of the county's shapefile {@code base} (".shp" → bytes, …), to be altered by the caller. */
    private static Map<String, byte[]> parts(String base) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (String ext : new String[] {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
            var f = countyFiles().resolve(base + ext);
            if (Files.exists(f)) {
                parts.put(base + ext, Files.readAllBytes(f));
            }
        }
        return parts;
    }

    @Test
    void archivesThatAreNotWhatTheySayTheyAre() throws Exception {
        byte[] geojsonInZip =
                zip(Map.of("approval.geojson", Files.readAllBytes(countyFiles().resolve("approval.geojson"))));
        JsonNode p = refused(send(upload("approval", "approval.zip", geojsonInZip)), 422, "ZIP_NOT_SHAPEFILE");
        assertThat(p.at("/messages/en").asString()).contains("approval.geojson", "without zipping");

        byte[] notAZip = "PK this is a text file renamed to .zip".getBytes(StandardCharsets.US_ASCII);
        refused(send(upload("dltb", "dltb.zip", notAZip)), 422, "ZIP_INVALID");
        refused(send(upload("dltb", "dltb.zip", "hello".getBytes(StandardCharsets.US_ASCII))), 422, "ZIP_INVALID");
        p = refused(send(upload("dltb", "dltb.zip", zip(Map.of()))), 422, "ZIP_NOT_SHAPEFILE");
        assertThat(p.at("/messages/en").asString()).contains("is empty");
    }

    @Test
    void aZipBombIsRefusedWhileUnpacking() throws Exception {
        // ~10 MB of zeros deflate to ~10 KB: about 1000:1, far above the 200:1 allowed for entries over 1 MiB.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("dltb.shp"));
            byte[] zeros = new byte[1 << 16];
            for (int i = 0; i < 160; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("dltb.dbf"));
            zip.write(Files.readAllBytes(countyFiles().resolve("dltb.dbf")));
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(200_000);
        JsonNode p = refused(send(upload("dltb", "dltb.zip", bytes.toByteArray())), 422, "ZIP_BOMB");
        assertThat(p.at("/messages/en").asString()).contains("dltb.shp", "200:1");
    }

    @Test
    void aShapefileInAnotherEncodingThanDeclared() throws Exception {
        Map<String, byte[]> dltb = parts("dltb");
        assertThat(new String(dltb.get("dltb.cpg"), StandardCharsets.US_ASCII).strip())
                .isEqualToIgnoringCase("GBK");
        byte[] original = zip(dltb);
        dltb.put("dltb.cpg", "UTF-8".getBytes(StandardCharsets.US_ASCII));
        JsonNode p = refused(send(upload("dltb", "dltb.zip", zip(dltb))), 422, "ENCODING_MISMATCH");
        assertThat(p.at("/messages/en").asString()).contains("UTF-8");
        refused(send(upload("dltb", "dltb.zip", original).param("encoding", "UTF-8")), 422, "ENCODING_MISMATCH");
    }

    @Test
    void incompleteShapefiles() throws Exception {
        Map<String, byte[]> noDbf = parts("jbnt");
        noDbf.remove("jbnt.dbf");
        refused(send(upload("jbnt", "jbnt.zip", zip(noDbf))), 422, "SHAPEFILE_MISSING_DBF");

        Map<String, byte[]> noPrj = parts("jbnt");
        assertThat(noPrj.remove("jbnt.prj")).isNotNull();
        JsonNode p = refused(send(upload("jbnt", "jbnt.zip", zip(noPrj))), 422, "CRS_MISSING");
        assertThat(p.at("/messages/en").asString()).contains("crs option", "EPSG:4527");

        // Told its coordinate system, the same archive is accepted.
        send(upload("jbnt", "jbnt.zip", zip(noPrj)).param("crs", "EPSG:4527").param("effectiveFrom", "2026-07-01"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sourceCrs").value("EPSG:4527 (given)"));
        assertThat(versions()).isEqualTo(versionsBefore + 1);
        assertThat(features())
                .isEqualTo(featuresBefore + county().features(LayerKind.JBNT).size());
    }

    @Test
    void wrongRequests() throws Exception {
        byte[] approval = Files.readAllBytes(countyFiles().resolve("approval.geojson"));
        JsonNode p = refused(send(upload("roads", "roads.geojson", approval)), 404, "LAYER_KIND_UNKNOWN");
        assertThat(p.at("/messages/en").asString()).contains("dltb", "approval");
        refused(send(upload("approval", "approval.geojson", new byte[0])), 400, "FILE_EMPTY");
        p = refused(
                send(multipart("/api/v1/layers/approval/versions").param("effectiveFrom", "2026-08-01")),
                400,
                "PARAMETER_MISSING");
        assertThat(p.at("/messages/en").asString()).contains("No file", "\"file\"");
        refused(
                send(upload("approval", "approval.geojson", approval).param("strict", "maybe")),
                400,
                "PARAMETER_INVALID");
        refused(
                send(upload("approval", "approval.geojson", approval).param("effectiveFrom", "2026-02-30")),
                400,
                "DATE_INVALID");
        refused(
                send(upload("approval", "approval.geojson", approval).param("effectiveFrom", "1.8.2026")),
                400,
                "DATE_INVALID");
        refused(
                send(upload("dltb", "dltb.zip", zip(parts("dltb"))).param("encoding", "GBK-ish")),
                400,
                "ENCODING_UNKNOWN");
    }

    @Test
    void filesOfTheWrongKind() throws Exception {
        // A shapefile's .shp uploaded on its own: the message says to upload the parts together.
        JsonNode p = refused(
                send(upload("dltb", "dltb.shp", Files.readAllBytes(countyFiles().resolve("dltb.shp")))),
                422,
                "SHAPEFILE_MISSING_DBF");
        assertThat(p.at("/messages/en").asString()).contains("upload them together");
        refused(
                send(upload("dltb", "dltb.txt", "DLBM,DLMC\n0101,水田\n".getBytes(StandardCharsets.UTF_8))),
                422,
                "FILE_FORMAT_UNKNOWN");
        refused(
                send(upload("plan", "plan.gpkg", "not a GeoPackage at all".getBytes(StandardCharsets.US_ASCII))),
                422,
                "GPKG_INVALID");
    }

    @Test
    void aJsonBodyInsteadOfAnUpload() throws Exception {
        JsonNode p = refused(
                mvc.perform(post("/api/v1/layers/approval/versions")
                        .header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Files.readAllBytes(countyFiles().resolve("approval.geojson")))),
                415,
                "MEDIA_TYPE_UNSUPPORTED");
        assertThat(p.at("/messages/en").asString()).contains("accepts multipart/form-data");
    }

    /** A GeoJSON FeatureCollection of small squares in the county, one per attribute set. */
    @SafeVarargs
    private static byte[] approvals(Map<String, String>... properties) {
        var c = county().extent().centre();
        double[] ll = {c.x, c.y};
        CrsTransform.between(county().spec().crs(), CrsRegistry.CGCS2000).apply(ll);
        StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < properties.length; i++) {
            double x = ll[0] + i * 0.002;
            double y = ll[1];
            StringBuilder props = new StringBuilder();
            properties[i].forEach((k, v) -> props.append(props.isEmpty() ? "" : ",")
                    .append('"')
                    .append(k)
                    .append("\":\"")
                    .append(v)
                    .append('"'));
            s.append(i > 0 ? "," : "")
                    .append("{\"type\":\"Feature\",\"properties\":{")
                    .append(props)
                    .append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[")
                    .append(String.format(
                            Locale.ROOT,
                            "[%1$.7f,%2$.7f],[%3$.7f,%2$.7f],[%3$.7f,%4$.7f],[%1$.7f,%4$.7f],[%1$.7f,%2$.7f]",
                            x,
                            y,
                            x + 0.001,
                            y + 0.001))
                    .append("]]}}");
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void geoJsonFilesThatCannotBeImported() throws Exception {
        byte[] whole = approvals(Map.of("PZWH", "鲁政土字〔2020〕1号", "PZRQ", "2020-05-01"));
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);
        JsonNode p = refused(send(upload("approval", "approval.geojson", cut)), 400, "GEOJSON_MALFORMED");
        assertThat(p.at("/messages/en").asString()).contains("line 1");

        byte[] noDates = approvals(Map.of("PZWH", "鲁政土字〔2020〕1号"), Map.of("PZWH", "鲁政土字〔2020〕2号"));
        p = refused(send(upload("approval", "approval.geojson", noDates)), 422, "IMPORT_EMPTY");
        assertThat(p.at("/messages/en").asString()).contains("2 read", "2 rejected", "PZRQ");

        byte[] oneBad = approvals(Map.of("PZWH", "鲁政土字〔2020〕3号", "PZRQ", "2020-05-01"), Map.of("PZWH", "鲁政土字〔2020〕4号"));
        p = refused(
                send(upload("approval", "approval.geojson", oneBad)
                        .param("strict", "true")
                        .param("effectiveFrom", "2026-08-01")),
                422,
                "IMPORT_REJECTED");
        assertThat(p.at("/messages/en").asString()).contains("PZRQ");
    }

    @Test
    void onlyAdministratorsImportAndTheRefusalIsExplained() throws Exception {
        byte[] approval = Files.readAllBytes(countyFiles().resolve("approval.geojson"));
        refused(
                mvc.perform(upload("approval", "approval.geojson", approval)
                        .param("effectiveFrom", "2026-09-01")
                        .header("Authorization", bearer(token(Role.INSPECTOR)))),
                403,
                "FORBIDDEN");
    }
}
