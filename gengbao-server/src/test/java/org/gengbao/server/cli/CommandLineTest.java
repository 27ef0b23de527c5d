package org.gengbao.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.gengbao.server.TestDatabase;
import org.gengbao.spatial.analysis.Analyser;
import org.gengbao.spatial.analysis.AnalysisJson;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.CountySpec;
import org.gengbao.spatial.generate.CountyWriter;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.generate.PatchGenerator;
import org.gengbao.spatial.geom.GeometryIntake;
import org.gengbao.spatial.io.FeatureFiles.Format;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.overlay.InMemoryOverlayEngine;
import org.gengbao.spatial.verdict.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's commands end to end on a database of their own: county, import-layer from each of the three formats,
 * analyze (a FeatureCollection in, an array of results with the properties out, the figures of the spatial core),
 * user, audit verify — including detection of tampering.
 */
@Tag("database")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineTest {
    private static final TestDatabase DB = TestDatabase.create();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static GeneratedCounty county;
    private static Path files;

    @BeforeAll
    static void countyFiles() throws Exception {
        county = CountyGenerator.generate(CountySpec.of(17, 1200, 0, 60, 60));
        files = Files.createTempDirectory("gengbao-cli-county-");
        CountyWriter.write(county, files, EnumSet.allOf(Format.class));
    }

    static CliRun run(String... args) {
        // the database options go last, where they belong to the innermost command ("user add … --data DIR")
        String[] all = args[0].equals("bench")
                ? args
                : Stream.concat(Stream.of(args), Stream.of(DB.cliOptions())).toArray(String[]::new);
        return CliRun.of(all);
    }

    @Test
    @Order(1)
    void countyAndImportsFromEachFormat() throws Exception {
        CliRun c = run("county", "--code", "371399", "--name", "测试县", "--crs", "EPSG:4527");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("371399 测试县 EPSG:4527");
        for (String[] kindFile :
                new String[][] {{"dltb", "dltb.shp"}, {"jbnt", "jbnt.gpkg"}, {"plan", "plan.geojson"}}) {
            CliRun r = run(
                    "import-layer",
                    "--kind",
                    kindFile[0],
                    "--file",
                    files.resolve(kindFile[1]).toString(),
                    "--effective-from",
                    "2026-01-01");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode report = JSON.readTree(r.out());
            assertThat(report.get("imported").asLong())
                    .isEqualTo(county.features(LayerKind.parse(kindFile[0])).size());
            assertThat(report.get("rejected").asLong()).isZero();
        }
    }

    @Test
    @Order(2)
    void analyzePrintsOneResultPerFeatureInOrderWithItsProperties() throws Exception {
        List<Polygon> patches = new PatchGenerator(5, county.spec().crs(), county.extent()).patches(3);
        StringBuilder fc = new StringBuilder("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4527\"}},\"features\":[");
        for (int i = 0; i < patches.size(); i++) {
            StringBuilder ring = new StringBuilder();
            for (var c : patches.get(i).getExteriorRing().getCoordinates()) {
                ring.append(ring.length() > 0 ? "," : "").append(String.format(Locale.ROOT, "[%.3f,%.3f]", c.x, c.y));
            }
            fc.append(i > 0 ? "," : "")
                    .append("{\"type\":\"Feature\",\"properties\":{\"no\":")
                    .append(i)
                    .append(",\"名称\":\"图斑")
                    .append(i)
                    .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[")
                    .append(ring)
                    .append("]]}}");
        }
        fc.append("]}");
        Path input = Files.createTempFile("patches-", ".geojson");
        Files.writeString(input, fc);
        CliRun r = run("analyze", "--file", input.toString(), "--as-of", "2026-11-26");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode results = JSON.readTree(r.out());
        assertThat(results.isArray()).isTrue();
        assertThat(results.size()).isEqualTo(3);
        List<LayerVersion> core = county.toLayerVersions(LocalDate.of(2026, 1, 1)).stream()
                .filter(v -> EnumSet.of(LayerKind.DLTB, LayerKind.JBNT, LayerKind.PLAN)
                        .contains(v.kind()))
                .toList();
        Analyser analyser =
                new Analyser(InMemoryOverlayEngine.build(county.spec().crs(), core), RuleSet.defaults());
        for (int i = 0; i < 3; i++) {
            JsonNode got = results.get(i);
            assertThat(got.at("/properties/no").asInt()).isEqualTo(i);
            assertThat(got.at("/properties/名称").asString()).isEqualTo("图斑" + i);
            JsonNode want = AnalysisJson.toJson(analyser.analyse(
                    new GeometryIntake(county.spec().crs())
                            .accept(patches.get(i), county.spec().crs()),
                    LocalDate.of(2026, 11, 26)));
            for (String f : List.of("areaM2", "cultivatedM2", "basicFarmlandM2", "unapprovedCultivatedM2")) {
                assertThat(got.get(f).doubleValue()).as(f).isCloseTo(want.get(f).doubleValue(), within(0.005));
            }
            assertThat(got.at("/verdict/code").asString())
                    .isEqualTo(want.at("/verdict/code").asString());
        }
    }

    @Test
    @Order(3)
    void badInputExitsWithTwoAndAMessageOnStandardError() {
        CliRun noFile = run("analyze", "--file", "/nonexistent/patch.geojson");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("File not found");
        CliRun badKind = run(
                "import-layer",
                "--kind",
                "roads",
                "--file",
                files.resolve("dltb.shp").toString());
        assertThat(badKind.exit()).isEqualTo(2);
        assertThat(badKind.err()).contains("Unknown layer kind").contains("未知的图层类型");
        CliRun badRole = run("user", "add", "--username", "x1", "--password", "long-enough", "--role", "KING");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("Unknown role");
        assertThat(run("bench", "overlay", "--parcels", "many").exit()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void userCommandsManageAccounts() {
        assertThat(run("user", "add", "--username", "ops", "--password", "ops-pass-1", "--role", "ADMIN")
                        .exit())
                .isZero();
        assertThat(run("user", "passwd", "--username", "ops", "--password", "ops-pass-2")
                        .exit())
                .isZero();
        assertThat(run("user", "disable", "--username", "ops").exit()).isZero();
        CliRun list = run("user", "list");
        assertThat(list.out()).containsPattern("ops\\s+ADMIN\\s+-\\s+disabled");
        assertThat(run("user", "passwd", "--username", "nobody", "--password", "whatever1")
                        .exit())
                .isEqualTo(2);
    }

    @Test
    @Order(5)
    void auditVerifyDetectsEditedAndRemovedEntries() throws Exception {
        CliRun ok = run("audit", "verify");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("audit log intact");
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_entry_no_update" + (DB.postgresql ? " ON audit_entry" : ""));
            s.execute("UPDATE audit_entry SET target = 'someone else' WHERE seq = 2");
        }
        CliRun edited = run("audit", "verify");
        assertThat(edited.exit()).isEqualTo(1);
        assertThat(edited.out()).contains("entry 2 was edited");
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit_entry WHERE seq = 4");
        }
        CliRun removed = run("audit", "verify");
        assertThat(removed.exit()).isEqualTo(1);
        assertThat(removed.out()).contains("entry 4 to 4 missing");
    }

    private static Connection connect() throws Exception {
        if (DB.postgresql) {
            return DriverManager.getConnection(DB.url, DB.user, DB.password);
        }
        return DriverManager.getConnection(
                "jdbc:h2:file:" + DB.dataDir.resolve("gengbao").toAbsolutePath() + ";AUTO_SERVER=TRUE", "sa", "");
    }
}
