package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gengbao.server.accounts.AccountAdmin;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.cli.DemoSetup;
import org.gengbao.server.county.Counties;
import org.gengbao.server.grid.Farmland;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.layers.LayerImports;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.CountySpec;
import org.gengbao.spatial.generate.CountyWriter;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.io.FeatureFiles.Format;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole-application tests on the database of the run (see {@link TestDatabase}): one application context for all
 * subclasses, seeded once with a small generated county imported from its files (land use and basic farmland from
 * GBK shapefiles, plans from GeoPackage, the rest from GeoJSON) and one account per role ({@code t-admin} …, password
 * {@code secret-<role>}), bound to the cells named below; the grid comes from the county's town and village files and
 * the basic-farmland layer, with generated people, signs and markers.
 */
@SpringBootTest(classes = GengbaoApplication.class)
@AutoConfigureMockMvc
@Tag("database")
public abstract class ServerTestBase {
    public static final TestDatabase DB = TestDatabase.create();
    public static final LocalDate EFFECTIVE = LocalDate.of(2026, 1, 1);
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static GeneratedCounty county;

    /** Town of {@code t-town}; village of {@code t-inspector} and {@code t-village}. */
    protected static String townA;

    protected static String villageA1;
    /** Village of {@code t-inspector-a2} (password {@code secret-inspector}): same town, another cell. */
    protected static String villageA2;
    /** Town of {@code t-town-b} (password {@code secret-town}). */
    protected static String townB;
    /** Village of {@code t-inspector-b} (password {@code secret-inspector}): another town. */
    protected static String villageB1;

    private static Path countyFiles;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("gengbao.accounts.lock-duration", () -> "PT2S");
        registry.add("gengbao.patrol.planning.enabled", () -> "false");
        registry.add("gengbao.cases.reminders.enabled", () -> "false");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Counties counties;

    @Autowired
    protected LayerImports imports;

    @Autowired
    protected AccountAdmin accounts;

    @Autowired
    protected GridCells gridCells;

    @Autowired
    protected Farmland farmland;

    /** The county the context was seeded with. */
    protected static GeneratedCounty county() {
        return county;
    }

    /** The folder with the seeded county's files (dltb.shp, plan.gpkg, approval.geojson, …). */
    protected static Path countyFiles() {
        return countyFiles;
    }

    @BeforeEach
    void seedOnce() throws Exception {
        synchronized (ServerTestBase.class) {
            if (county == null) {
                county = CountyGenerator.generate(CountySpec.of(11, 1500, 0, 80, 80));
                countyFiles = Files.createTempDirectory("gengbao-test-county-");
                CountyWriter.write(county, countyFiles, EnumSet.allOf(Format.class));
            }
            if (counties.current().isEmpty()) {
                AuditLog.asCommandLine("test", () -> {
                    counties.save(county.spec().countyCode(), county.spec().countyName(), "EPSG:4527", false);
                    DemoSetup.importLayers(imports, countyFiles, EFFECTIVE);
                    DemoSetup.setUpGrid(gridCells, farmland, countyFiles, EFFECTIVE, 11);
                    chooseCells();
                    for (Role role : Role.values()) {
                        String grid =
                                switch (role) {
                                    case INSPECTOR, VILLAGE -> villageA1;
                                    case TOWN -> townA;
                                    default -> county.spec().countyCode();
                                };
                        accounts.add(username(role), password(role), role.name(), grid, null);
                    }
                    accounts.add("t-inspector-a2", "secret-inspector", "INSPECTOR", villageA2, null);
                    accounts.add("t-inspector-b", "secret-inspector", "INSPECTOR", villageB1, null);
                    accounts.add("t-town-b", "secret-town", "TOWN", townB, null);
                });
            }
            if (townA == null) {
                chooseCells();
            }
        }
    }

    /**
     * The cells the accounts are bound to: town A and B are the two towns with the most basic-farmland parcels, A1 and
     * A2 the two villages of town A with the most, B1 the village of town B with the most.
     */
    private void chooseCells() {
        List<String> byParcels = farmland.villagesByParcelCount();
        List<String> towns = byParcels.stream()
                .map(v -> v.substring(0, 9))
                .distinct()
                .limit(2)
                .toList();
        townA = towns.get(0) + "000";
        townB = towns.get(1) + "000";
        List<String> inA =
                byParcels.stream().filter(v -> v.startsWith(towns.get(0))).toList();
        villageA1 = inA.get(0);
        villageA2 = inA.get(1);
        villageB1 = byParcels.stream()
                .filter(v -> v.startsWith(towns.get(1)))
                .findFirst()
                .orElseThrow();
    }

    protected static String username(Role role) {
        return "t-" + role.name().toLowerCase(Locale.ROOT);
    }

    protected static String password(Role role) {
        return "secret-" + role.name().toLowerCase(Locale.ROOT);
    }

    /** Logs in and returns the bearer token. */
    protected String login(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("username", username, "password", password))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode node = JSON.readTree(body);
        if (!node.has("token")) {
            throw new AssertionError("login of " + username + " failed: " + body);
        }
        return node.get("token").asString();
    }

    protected String token(Role role) throws Exception {
        return login(username(role), password(role));
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    /**
     * Asserts that {@code result} is an RFC 9457 problem+json with this status and stable code, a title, a detail and
     * non-empty Chinese and English messages; returns the parsed body for further checks.
     */
    protected static JsonNode problem(ResultActions result, int status, String code) throws Exception {
        var response = result.andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("status of %s", body).isEqualTo(status);
        assertThat(response.getContentType()).as("content type of %s", body).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(body);
        assertThat(p.path("code").asString("")).as("code of %s", body).isEqualTo(code);
        assertThat(p.path("status").asInt()).as("status member of %s", body).isEqualTo(status);
        assertThat(p.path("type").asString("")).as("type of %s", body).startsWith("urn:gengbao:problem:");
        assertThat(p.path("title").asString("")).as("title of %s", body).isNotBlank();
        assertThat(p.path("detail").asString("")).as("detail of %s", body).isNotBlank();
        String zh = p.at("/messages/zh").asString("");
        String en = p.at("/messages/en").asString("");
        assertThat(zh).as("zh message of %s", body).isNotBlank().containsPattern("\\p{IsHan}");
        assertThat(en).as("en message of %s", body).isNotBlank();
        for (String m : new String[] {zh, en}) {
            assertThat(m)
                    .as("message for people in %s", body)
                    .doesNotContain("Exception", "java.", "tools.jackson", "[Source:", "null");
        }
        return p;
    }

    /** Performs the request with the bearer token of {@code token}. */
    protected ResultActions perform(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token)
            throws Exception {
        return mvc.perform(request.header("Authorization", bearer(token)));
    }

    /** Performs the request with the token, expects 200 and returns the JSON answer. */
    protected JsonNode ok(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token)
            throws Exception {
        var r = perform(request, token).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The {@code id} members of a JSON array's objects, in order. */
    protected static List<String> ids(JsonNode list) {
        List<String> ids = new java.util.ArrayList<>();
        list.forEach(t -> ids.add(t.path("id").asString()));
        return ids;
    }
}
