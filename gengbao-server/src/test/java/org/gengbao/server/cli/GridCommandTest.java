package org.gengbao.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.gengbao.server.TestDatabase;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.CountySpec;
import org.gengbao.spatial.generate.CountyWriter;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.io.FeatureFiles.Format;
import org.gengbao.spatial.layer.LayerKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gengbao grid …} end to end on a database of its own: towns and villages imported from their files (GeoJSON,
 * a GBK Shapefile, then again from a GeoPackage), parcels synced from the basic-farmland layer, cells listed, people
 * added; bad input exits 2 with both messages.
 */
@Tag("database")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridCommandTest {
    private static final TestDatabase DB = TestDatabase.create();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static GeneratedCounty county;
    private static Path files;

    @BeforeAll
    static void countyFiles() throws Exception {
        county = CountyGenerator.generate(CountySpec.of(23, 800, 0, 50, 50));
        files = Files.createTempDirectory("gengbao-grid-cli-");
        CountyWriter.write(county, files, EnumSet.allOf(Format.class));
    }

    static CliRun run(String... args) {
        String[] all =
                Stream.concat(Stream.of(args), Stream.of(DB.cliOptions())).toArray(String[]::new);
        return CliRun.of(all);
    }

    private static CliRun ok(String... args) {
        CliRun r = run(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    @Test
    @Order(1)
    void townsAndVillagesAreImportedFromEachFormat() throws Exception {
        ok("county", "--code", county.spec().countyCode(), "--name", "网格测试县", "--crs", "EPSG:4527");
        JsonNode towns = JSON.readTree(
                ok("grid", "import", "--file", files.resolve("town.geojson").toString())
                        .out());
        assertThat(towns.get("read").asInt()).isEqualTo(county.towns().size());
        assertThat(towns.get("added").asInt()).isEqualTo(county.towns().size());
        JsonNode villages = JSON.readTree(
                ok("grid", "import", "--file", files.resolve("village.shp").toString(), "--encoding", "GBK")
                        .out());
        assertThat(villages.get("added").asInt()).isEqualTo(county.villages().size());
        assertThat(villages.get("updated").asInt()).isZero();
        JsonNode again = JSON.readTree(
                ok("grid", "import", "--file", files.resolve("village.gpkg").toString())
                        .out());
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isEqualTo(county.villages().size());
    }

    @Test
    @Order(2)
    void cellsAreListedByLevelAndParent() {
        List<String> towns = lines(ok("grid", "list", "--level", "TOWN").out());
        assertThat(towns).hasSize(county.towns().size());
        assertThat(towns)
                .allMatch(l -> l.matches("\\d{9}000 +TOWN +" + county.spec().countyCode() + " .*"));
        String town = towns.get(0).substring(0, 12);
        List<String> under = lines(ok("grid", "list", "--parent", town).out());
        assertThat(under).isNotEmpty().allMatch(l -> l.startsWith(town.substring(0, 9)) && l.contains(" VILLAGE "));
        assertThat(lines(ok("grid", "list").out()))
                .hasSize(county.towns().size() + county.villages().size());
    }

    @Test
    @Order(3)
    void parcelsAreSyncedFromTheBasicFarmlandLayer() throws Exception {
        ok(
                "import-layer",
                "--kind",
                "jbnt",
                "--file",
                files.resolve("jbnt.gpkg").toString(),
                "--effective-from",
                "2026-01-01");
        JsonNode first = JSON.readTree(
                ok("grid", "sync-parcels", "--as-of", "2026-06-01").out());
        int read = first.get("read").asInt();
        assertThat(read).isEqualTo(county.features(LayerKind.JBNT).size());
        assertThat(first.get("added").asInt()).isPositive();
        assertThat(first.get("added").asInt() + first.get("outsideGrid").asInt())
                .isEqualTo(read);
        JsonNode second = JSON.readTree(
                ok("grid", "sync-parcels", "--as-of", "2026-06-01").out());
        assertThat(second.get("added").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isEqualTo(first.get("added").asInt());
        CliRun early = run("grid", "sync-parcels", "--as-of", "2025-01-01");
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.err())
                .contains("No basic-farmland (jbnt) layer is in force")
                .contains("没有生效");
    }

    @Test
    @Order(4)
    void peopleAreAddedToCellsOfTheirLevel() {
        String village =
                lines(ok("grid", "list", "--level", "VILLAGE").out()).get(0).substring(0, 12);
        String town = village.substring(0, 9) + "000";
        CliRun chief = ok(
                "grid",
                "person",
                "add",
                "--cell",
                village,
                "--duty",
                "FIELD_CHIEF",
                "--name",
                "张田长",
                "--phone",
                "13812345678");
        assertThat(chief.out()).containsPattern("^[0-9a-f-]{36} FIELD_CHIEF 张田长 added to " + village);
        ok("grid", "person", "add", "--cell", town, "--duty", "town_officer", "--name", "李镇长");

        CliRun duplicate = run("grid", "person", "add", "--cell", village, "--duty", "FIELD_CHIEF", "--name", "张田长");
        assertThat(duplicate.exit()).isEqualTo(2);
        assertThat(duplicate.err()).contains("already has a FIELD_CHIEF");
        CliRun wrongLevel = run("grid", "person", "add", "--cell", town, "--duty", "INSPECTOR", "--name", "王");
        assertThat(wrongLevel.exit()).isEqualTo(2);
        assertThat(wrongLevel.err()).contains("belongs to a village cell");
        CliRun badDuty = run("grid", "person", "add", "--cell", village, "--duty", "KING", "--name", "王");
        assertThat(badDuty.exit()).isEqualTo(2);
        assertThat(badDuty.err()).contains("Unknown duty \"KING\"").contains("INSPECTOR");
        CliRun badPhone =
                run("grid", "person", "add", "--cell", village, "--duty", "INSPECTOR", "--name", "王", "--phone", "110");
        assertThat(badPhone.exit()).isEqualTo(2);
        assertThat(badPhone.err()).contains("phone number \"110\" is invalid").contains("电话号码");
        CliRun noCell = run("grid", "person", "add", "--cell", "999999999999", "--duty", "INSPECTOR", "--name", "王");
        assertThat(noCell.exit()).isEqualTo(2);
        assertThat(noCell.err()).contains("No cell \"999999999999\"");
        CliRun noAccount = run(
                "grid",
                "person",
                "add",
                "--cell",
                village,
                "--duty",
                "INSPECTOR",
                "--name",
                "赵",
                "--username",
                "ghost");
        assertThat(noAccount.exit()).isEqualTo(2);
        assertThat(noAccount.err()).contains("no account named \"ghost\"");
    }

    @Test
    @Order(5)
    void badFilesAndOptionsExitWithTwo() throws Exception {
        CliRun missing = run("grid", "import", "--file", "/nonexistent/village.gpkg");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("File not found");
        Path garbage = Files.createTempFile("garbage-", ".gpkg");
        Files.writeString(garbage, "not a geopackage");
        CliRun bad = run("grid", "import", "--file", garbage.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("not a valid GeoPackage");
        CliRun badLevel = run("grid", "list", "--level", "CITY");
        assertThat(badLevel.exit()).isEqualTo(2);
        assertThat(badLevel.err()).contains("Unknown level");
        assertThat(run("grid", "sync-parcels", "--as-of", "tomorrow").exit()).isEqualTo(2);
        assertThat(run("grid", "frobnicate").exit()).isEqualTo(2);
    }

    private static List<String> lines(String out) {
        List<String> l = new ArrayList<>();
        for (String s : out.split("\n")) {
            if (!s.isBlank()) {
                l.add(s);
            }
        }
        return l;
    }
}
