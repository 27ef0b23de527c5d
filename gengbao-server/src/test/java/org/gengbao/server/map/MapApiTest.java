package org.gengbao.server.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengbao.server.PatrolTestSupport;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.storage.JsonText;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.Gdal;
import org.gengbao.spatial.layer.LandUseClasses;
import org.gengbao.spatial.tile.TileAddress;
import org.gengbao.spatial.tile.TileGeometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web map's server side (issue 6) on the database of the run: vector tiles decoded by the library and by GDAL
 * (positions checked against PROJ), the caller's scope on clues, tracks and grid cells, caching, bad addresses; the
 * layer catalogue and the open map configuration.
 */
class MapApiTest extends PatrolTestSupport {
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-09-02T09:00:00+08:00");

    private MockHttpServletResponse tile(String token, String layer, TileAddress t, String... headers)
            throws Exception {
        var request = get("/api/v1/map/tiles/" + layer + "/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt");
        if (token != null) {
            request.header("Authorization", bearer(token));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private TileAddress tileOf(Coordinate working, int z) {
        double[] ll = lonLat(working);
        return TileAddress.containing(ll[0], ll[1], z);
    }

    /** The version of {@code kind} in force today (other test classes of the run may have imported more). */
    private String versionOf(String kind) {
        return jdbc.sql("SELECT id FROM layer_version WHERE kind = ? AND effective_from <= ?"
                        + " ORDER BY effective_from DESC, imported_at DESC")
                .params(kind, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))
                .query(String.class)
                .list()
                .get(0);
    }

    /** A land-use parcel of over 3 000 m² in village A1's area: id, DLBM, geometry. */
    private Object[] landUseParcel() throws Exception {
        Geometry village = new WKBReader(WorkingPrecision.factory(crs()))
                .read(jdbc.sql("SELECT ST_AsBinary(geom) FROM grid_cell WHERE code = ?")
                        .param(villageA1)
                        .query(byte[].class)
                        .single());
        Coordinate c = village.getInteriorPoint().getCoordinate();
        var rows = jdbc.sql("SELECT feature_id, attributes, ST_AsBinary(geom) AS wkb FROM layer_feature"
                        + " WHERE version_id = ? AND area_m2 > 3000 ORDER BY fid")
                .param(versionOf("dltb"))
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)})
                .list();
        Object[] best = null;
        double nearest = Double.MAX_VALUE;
        WKBReader reader = new WKBReader(WorkingPrecision.factory(crs()));
        for (Object[] r : rows) {
            Geometry g = reader.read((byte[]) r[2]);
            double d = g.getInteriorPoint().getCoordinate().distance(c);
            if (d < nearest) {
                nearest = d;
                best = new Object[] {
                    r[0], JsonText.read((String) r[1]).path("DLBM").asString(), g
                };
            }
        }
        return best;
    }

    @Test
    void landUseTilesHoldTheParcelsWherePROJPutsThemAndGDALReadsThem() throws Exception {
        Object[] parcel = landUseParcel();
        String id = (String) parcel[0];
        String dlbm = (String) parcel[1];
        Geometry geometry = (Geometry) parcel[2];
        Coordinate inside = geometry.getInteriorPoint().getCoordinate();
        TileAddress t = tileOf(inside, 16);
        String token = token(Role.INSPECTOR);

        MockHttpServletResponse r = tile(token, "dltb", t);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(r.getHeader("ETag")).isEqualTo("\"" + versionOf("dltb") + ".t1\"");
        assertThat(r.getHeader("Cache-Control")).contains("max-age=60", "private");
        DecodedTile decoded = DecodedTile.of(r.getContentAsByteArray());
        assertThat(decoded.layerNames()).containsExactly("dltb");
        DecodedTile.Feature f = decoded.features("dltb").stream()
                .filter(x -> id.equals(x.tag("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("parcel " + id + " not in tile " + t));
        assertThat(f.tag("dlbm")).isEqualTo(dlbm);
        assertThat(f.tag("class"))
                .isEqualTo(LandUseClasses.lookup(dlbm).orElseThrow().code());
        assertThat(f.tag("category")).isNotNull();
        double[] mercator = DecodedTile.mercator(crs().code(), inside.x, inside.y);
        double[] units = DecodedTile.units(t, mercator);
        GeometryFactory plain = new GeometryFactory();
        assertThat(f.geometry().buffer(1).contains(plain.createPoint(new Coordinate(units[0], units[1]))))
                .as("parcel %s holds its interior point (%s, %s) in tile units", id, units[0], units[1])
                .isTrue();
        // every vertex of the parcel that lies inside the tile is where PROJ puts it, to a tile unit
        for (Coordinate v : geometry.getCoordinates()) {
            double[] u = DecodedTile.units(t, DecodedTile.mercator(crs().code(), v.x, v.y));
            if (u[0] > 0 && u[0] < 4096 && u[1] > 0 && u[1] < 4096) {
                assertThat(f.geometry().distance(plain.createPoint(new Coordinate(u[0], u[1]))))
                        .as("vertex of %s", id)
                        .isLessThanOrEqualTo(1.0);
            }
        }

        // GDAL's MVT driver, an independent reader, places the tile on the map itself (open options Z, X, Y)
        Path file = Files.createTempFile("gengbao-map-test-", ".mvt");
        try {
            Files.write(file, r.getContentAsByteArray());
            String info = Gdal.ogrinfo(
                            "-ro",
                            "-al",
                            "-where",
                            "id = '" + id + "'",
                            "-oo",
                            "Z=" + t.z(),
                            "-oo",
                            "X=" + t.x(),
                            "-oo",
                            "Y=" + t.y(),
                            file)
                    .ok();
            assertThat(info).contains("Feature Count: 1", "dlbm (String) = " + dlbm);
            Matcher m = Pattern.compile("(MULTI)?POLYGON \\(.*\\)").matcher(info);
            assertThat(m.find()).as(info).isTrue();
            Geometry onMap = new WKTReader().read(m.group());
            assertThat(onMap.buffer(0.5).contains(plain.createPoint(new Coordinate(mercator[0], mercator[1]))))
                    .as("GDAL's parcel %s holds PROJ's position %s, %s", id, mercator[0], mercator[1])
                    .isTrue();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void lowZoomsLeaveOutWhatIsSmallerThanAPixelAndWhatIsTooDense() throws Exception {
        Object[] parcel = landUseParcel();
        Coordinate inside = ((Geometry) parcel[2]).getInteriorPoint().getCoordinate();
        String token = token(Role.OFFICER);
        TileAddress z12 = tileOf(inside, 12);
        MockHttpServletResponse r = tile(token, "dltb", z12);
        assertThat(r.getStatus()).isEqualTo(200);
        List<Object> drawn = DecodedTile.of(r.getContentAsByteArray()).values("dltb", "id");
        TileGeometry g = TileGeometry.of(z12, crs());
        Envelope box = g.queryEnvelope();
        List<String> small = jdbc.sql("SELECT feature_id FROM layer_feature WHERE version_id = ? AND area_m2 < ?"
                        + " AND ST_XMin(geom) > ? AND ST_XMax(geom) < ? AND ST_YMin(geom) > ? AND ST_YMax(geom) < ?")
                .params(
                        versionOf("dltb"),
                        g.minPolygonAreaM2(),
                        box.getMinX(),
                        box.getMaxX(),
                        box.getMinY(),
                        box.getMaxY())
                .query(String.class)
                .list();
        assertThat(small).as("parcels smaller than a zoom-12 pixel in the tile").isNotEmpty();
        assertThat(drawn).isNotEmpty().doesNotContainAnyElementsOf(small);
        // below the layer's minimum zoom the tile is empty, not a county's worth of parcels
        assertThat(tile(token, "dltb", tileOf(inside, 11)).getStatus()).isEqualTo(204);
    }

    @Test
    void tilesAreRevalidatedByTheirTagAndEmptyOnesAnswer204() throws Exception {
        String token = token(Role.VILLAGE);
        Coordinate inside = ((Geometry) landUseParcel()[2]).getInteriorPoint().getCoordinate();
        TileAddress t = tileOf(inside, 15);
        String etag = tile(token, "jbnt", t).getHeader("ETag");
        assertThat(etag).isEqualTo("\"" + versionOf("jbnt") + ".t1\"");
        MockHttpServletResponse again = tile(token, "jbnt", t, "If-None-Match", etag);
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(tile(token, "jbnt", t, "If-None-Match", "\"jbnt-2020-01-01-000000000000.t1\"")
                        .getStatus())
                .isEqualTo(200);
        // far from the county: nothing to draw, but still tagged and cacheable
        MockHttpServletResponse sea = tile(token, "jbnt", TileAddress.containing(150.0, 10.0, 15));
        assertThat(sea.getStatus()).isEqualTo(204);
        assertThat(sea.getHeader("ETag")).isEqualTo(etag);
        // a scoped layer's tag follows its content
        MockHttpServletResponse grid = tile(token, "grid", tileOf(inside, 13));
        assertThat(grid.getStatus()).isEqualTo(200);
        assertThat(grid.getHeader("Cache-Control")).contains("no-cache");
        assertThat(tile(token, "grid", tileOf(inside, 13), "If-None-Match", grid.getHeader("ETag"))
                        .getStatus())
                .isEqualTo(304);
    }

    @Test
    void badAddressesLayersAndRolesAreProblems() throws Exception {
        String police = token(Role.POLICE);
        for (String path : List.of("dltb/25/0/0", "dltb/3/8/0", "dltb/3/0/-1", "dltb/x/1/1", "dltb/12/3382/1e3")) {
            problemAt(police, path, 400, "TILE_INVALID");
        }
        problemAt(police, "roads/12/3382/1607", 404, "MAP_LAYER_UNKNOWN");
        problemAt(police, "clues/12/3382/1607", 403, "FORBIDDEN");
        problemAt(police, "dltb/12/3382/1607.mvt?asOf=2026-13-01", 400, "DATE_INVALID");
        problemAt(null, "dltb/12/3382/1607", 401, "AUTHENTICATION_REQUIRED");
        problem(mvc.perform(get("/api/v1/map/layers")), 401, "AUTHENTICATION_REQUIRED");
    }

    /** Asks for the tile {@code path} (layer/z/x/y, ".mvt" added unless given) and expects a problem. */
    private void problemAt(String token, String path, int status, String code) throws Exception {
        var request = get("/api/v1/map/tiles/" + (path.contains(".mvt") ? path : path + ".mvt"));
        if (token != null) {
            request.header("Authorization", bearer(token));
        }
        problem(mvc.perform(request), status, code);
    }

    @Test
    void cluesTracksAndCellsAreDrawnOnlyForThoseWhoMaySeeThem() throws Exception {
        Place place = nextPlace();
        String inspector = token(Role.INSPECTOR);
        String recordId = newId();
        ObjectNode body = record(
                AT, place.centre(), observation("SUSPECTED_VIOLATION", geoJson(place.patch()), AT.plusMinutes(10)));
        JsonNode accepted = json(putRecord(inspector, recordId, JSON.writeValueAsString(body)));
        String clueId = accepted.at("/clues/0/id").asString();
        assertThat(clueId).as(accepted.toString()).isNotEmpty();
        TileAddress t = tileOf(place.centre(), 16);

        DecodedTile own = DecodedTile.of(tile(inspector, "clues", t).getContentAsByteArray());
        DecodedTile.Feature clue = own.features("clues").stream()
                .filter(f -> clueId.equals(f.tag("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("clue not drawn for its inspector"));
        String verdict = jdbc.sql("SELECT verdict FROM clue WHERE id = ?")
                .param(clueId)
                .query(String.class)
                .single();
        assertThat(clue.tag("status")).isEqualTo("NEW");
        assertThat(clue.tag("verdict")).isEqualTo(verdict);
        double[] centre = DecodedTile.units(t, DecodedTile.mercator(crs().code(), place.centre().x, place.centre().y));
        assertThat(clue.geometry().getDimension()).isEqualTo(2);
        assertThat(clue.geometry().getCentroid().getCoordinate().distance(new Coordinate(centre[0], centre[1])))
                .as("the 20 m patch is centred where PROJ puts its centre")
                .isLessThan(2.0);
        // at zoom 9 the 20 m patch is far below a pixel: still shown, as a point
        DecodedTile far = DecodedTile.of(
                tile(inspector, "clues", tileOf(place.centre(), 9)).getContentAsByteArray());
        assertThat(far.features("clues").stream().filter(f -> clueId.equals(f.tag("id"))))
                .singleElement()
                .satisfies(f -> assertThat(f.geometry().getDimension()).isZero());

        assertThat(DecodedTile.of(tile(inspector, "tracks", t).getContentAsByteArray())
                        .values("tracks", "id"))
                .contains(recordId);
        for (Role role : List.of(Role.TOWN, Role.OFFICER, Role.ADMIN, Role.LEADER, Role.VILLAGE)) {
            assertThat(DecodedTile.of(tile(token(role), "clues", t).getContentAsByteArray())
                            .values("clues", "id"))
                    .as("clues seen by %s", role)
                    .contains(clueId);
        }
        assertThat(DecodedTile.of(tile(token(Role.VILLAGE), "tracks", t).getContentAsByteArray())
                        .values("tracks", "id"))
                .as("the village sees the tracks in its cell")
                .contains(recordId);

        String otherVillage = login("t-inspector-a2", "secret-inspector");
        String otherTown = login("t-town-b", "secret-town");
        for (String other : List.of(otherVillage, otherTown)) {
            for (String layer : List.of("clues", "tracks", "grid")) {
                MockHttpServletResponse r = tile(other, layer, t);
                assertThat(r.getStatus()).isIn(200, 204);
                String text = new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
                assertThat(text).as("%s tile of another cell", layer).doesNotContain(clueId, recordId, villageA1);
            }
        }
        assertThat(DecodedTile.of(tile(inspector, "grid", t).getContentAsByteArray())
                        .values("grid", "code"))
                .contains(villageA1)
                .allSatisfy(code -> assertThat((String) code).startsWith(villageA1));
    }

    @Test
    void theCatalogueListsWhatTheRoleMaySeeWithLegendsAndStyles() throws Exception {
        JsonNode admin = json(getJson(token(Role.ADMIN), "/api/v1/map/layers"));
        List<String> ids = admin.valueStream().map(n -> n.path("id").asString()).toList();
        assertThat(ids)
                .containsExactly(
                        "dltb",
                        "jbnt",
                        "plan",
                        "approval",
                        "supply",
                        "facility",
                        "temporary",
                        "grid",
                        "clues",
                        "tracks");
        JsonNode dltb = admin.get(0);
        assertThat(dltb.path("title").path("zh").asString()).isEqualTo("地类图斑");
        assertThat(dltb.path("tiles").asString()).isEqualTo("/api/v1/map/tiles/dltb/{z}/{x}/{y}.mvt");
        assertThat(dltb.path("version").path("id").asString()).isEqualTo(versionOf("dltb"));
        assertThat(dltb.path("minZoom").asInt()).isLessThan(dltb.path("maxZoom").asInt());
        Map<String, String> colours = new java.util.HashMap<>();
        for (JsonNode item : dltb.at("/legend/items")) {
            colours.put(
                    item.path("value").asString("other"), item.path("colour").asString());
        }
        assertThat(dltb.at("/legend/attribute").asString()).isEqualTo("class");
        assertThat(colours.keySet())
                .containsAll(LandUseClasses.all().stream().map(c -> c.code()).toList());
        // cultivated yellows, forest green, construction red, water blue: red ≥ green > blue, green dominant, …
        assertThat(hue(colours.get("0101"))).isBetween(45.0, 65.0);
        assertThat(hue(colours.get("0301"))).isBetween(100.0, 150.0);
        assertThat(hue(colours.get("0702"))).isBetween(-20.0, 20.0);
        assertThat(hue(colours.get("1101"))).isBetween(190.0, 230.0);
        JsonNode plan = admin.get(2);
        assertThat(plan.at("/legend/items/3/zh").asString()).isEqualTo("禁止建设区");

        JsonNode police = json(getJson(token(Role.POLICE), "/api/v1/map/layers"));
        assertThat(police.valueStream().map(n -> n.path("id").asString()))
                .contains("dltb", "grid")
                .doesNotContain("clues", "tracks");
    }

    /** The hue of #RRGGBB in degrees, red near 0 (negative just below). */
    private static double hue(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        float[] hsb = java.awt.Color.RGBtoHSB(rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255, null);
        double h = hsb[0] * 360;
        return h > 330 ? h - 360 : h;
    }

    @Test
    void theConfigurationIsOpenAndFramesTheCounty() throws Exception {
        JsonNode config = JSON.readTree(mvc.perform(get("/api/v1/map/config"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(config.at("/base/type").asString()).isEqualTo("none");
        assertThat(config.at("/base/url").isMissingNode()).isTrue();
        assertThat(config.path("projection").asString()).isEqualTo("EPSG:3857");
        assertThat(config.at("/county/code").asString())
                .isEqualTo(county().spec().countyCode());
        double[] e = new double[4];
        for (int i = 0; i < 4; i++) {
            e[i] = config.path("extent").get(i).asDouble();
        }
        Envelope extent = new Envelope(e[0], e[2], e[1], e[3]);
        double[] village = lonLat(new WKBReader(WorkingPrecision.factory(crs()))
                .read(jdbc.sql("SELECT ST_AsBinary(geom) FROM grid_cell WHERE code = ?")
                        .param(villageA1)
                        .query(byte[].class)
                        .single())
                .getInteriorPoint()
                .getCoordinate());
        assertThat(extent.contains(village[0], village[1])).isTrue();
        assertThat(extent.getMinX()).isGreaterThanOrEqualTo(county().spec().originLonDeg() - 0.01);
        assertThat(extent.contains(
                        config.at("/center/0").asDouble(),
                        config.at("/center/1").asDouble()))
                .isTrue();
        assertThat(config.path("zoom").asInt()).isBetween(9, 15);
    }
}
