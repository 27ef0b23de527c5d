package org.gengbao.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengbao.server.accounts.Role;
import org.gengbao.spatial.area.AreaUnits;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's county map: vector tiles of land use and basic farmland arrive, the legend lists the land-use classes
 * the server describes, layers switch off and on from the keyboard, and a patch drawn by clicking the map on basic
 * farmland of villageA1 is analysed — the panel shows the verdict and the area the API computes for the same polygon.
 */
class MapAnalysisTest extends BrowserTestSupport {
    /** The console's words for the verdict codes, in Chinese and in English. */
    private static final Map<String, String> VERDICTS_ZH = Map.of(
            "LEGAL", "合法",
            "ILLEGAL", "违法",
            "NEEDS_SITE_CHECK", "需实地核查",
            "NO_FARMLAND_INVOLVED", "不涉及耕地");

    private static final Map<String, String> VERDICTS_EN = Map.of(
            "LEGAL", "Legal",
            "ILLEGAL", "Illegal",
            "NEEDS_SITE_CHECK", "Needs a site check",
            "NO_FARMLAND_INVOLVED", "No farmland involved");

    private static final Pattern TILE = Pattern.compile(".*/api/v1/map/tiles/(\\w+)/\\d+/\\d+/\\d+\\.mvt$");

    @Test
    void officerSeesTheLayersAndAnalysesADrawnPatchOnBasicFarmland() throws Exception {
        Place place = nextPlace();
        Page page = desktop();
        List<Response> tiles = tileResponses(page);
        openMapAsOfficer(page);

        // The legend lists exactly the land-use classes of the server's layer description, by name.
        JsonNode landUse = layerDescription("dltb");
        List<String> classNames = new ArrayList<>();
        landUse.at("/legend/items").forEach(e -> classNames.add(e.path("zh").asString()));
        assertThat(classNames).hasSizeGreaterThan(10);
        assertThat(page.getByTestId("legend-land-use").locator("li")).hasCount(classNames.size());
        for (String name : classNames) {
            assertThat(page.getByTestId("legend-land-use")).containsText(name);
        }

        // Near the place, tiles of land use and basic farmland are fetched with the bearer token and drawn.
        List<double[]> corners = new ArrayList<>();
        for (Coordinate c : place.patch().getExteriorRing().getCoordinates()) {
            corners.add(lonLat(c));
        }
        corners.remove(corners.size() - 1);
        pagePixels(page, corners, 15);
        page.waitForCondition(() -> answered(tiles, "dltb") && answered(tiles, "jbnt"));
        for (Response tile : tiles) {
            assertThat(tile.request().headers().get("authorization")).startsWith("Bearer ");
            if (tile.status() == 200) {
                assertThat(tile.headers().get("content-type")).contains("vnd.mapbox-vector-tile");
            }
        }
        screenshot(page, "map-desktop-layers");

        // The basic-farmland layer switches off and on from the keyboard.
        Locator farmlandBox = page.locator("input[data-layer=jbnt]");
        assertThat(farmlandBox).isChecked();
        farmlandBox.focus();
        page.keyboard().press("Space");
        assertThat(farmlandBox).not().isChecked();
        assertThat(layerVisible(page, "jbnt")).isFalse();
        page.keyboard().press("Space");
        assertThat(farmlandBox).isChecked();
        assertThat(layerVisible(page, "jbnt")).isTrue();

        // Zoom to the patch; a click in it shows the basic-farmland parcel's attributes.
        List<double[]> before = pagePixels(page, corners, 21);
        page.mouse().click((before.get(0)[0] + before.get(2)[0]) / 2, (before.get(0)[1] + before.get(2)[1]) / 2);
        Locator feature = page.getByTestId("feature-panel");
        assertThat(feature.getByRole(AriaRole.HEADING)).hasText("永久基本农田");
        assertThat(feature).containsText("面积");
        // The side panel narrowed the map: the corners are elsewhere on the page now.
        List<double[]> pixels = pagePixels(page, corners, 21);

        // Esc abandons a drawing; then draw: click the corners and close the ring on the first corner.
        Locator draw = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("绘制图斑")));
        draw.click();
        page.mouse().click(pixels.get(0)[0], pixels.get(0)[1]);
        page.keyboard().press("Escape");
        assertThat(draw).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).not().isAttached();
        BoundingBox mapBox = page.getByTestId("map").boundingBox();
        draw.click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Esc");
        // The drawing hint floats over the map: a map that moved or shrank would shift the corners under the pointer.
        BoundingBox drawingBox = page.getByTestId("map").boundingBox();
        assertThat(new double[] {drawingBox.x, drawingBox.y, drawingBox.width, drawingBox.height})
                .containsExactly(mapBox.x, mapBox.y, mapBox.width, mapBox.height);
        for (double[] p : pixels) {
            page.mouse().click(p[0], p[1]);
        }
        Response analysis = page.waitForResponse(
                r -> r.url().endsWith("/api/v1/analyses")
                        && "POST".equals(r.request().method()),
                () -> page.mouse().click(pixels.get(0)[0], pixels.get(0)[1]));
        assertThat(analysis.status()).isEqualTo(201);

        // The API's own analysis of the polygon the page sent.
        String sent = analysis.request().postData();
        JsonNode expected = JSON.readTree(mvc.perform(post("/api/v1/analyses")
                        .header("Authorization", bearer(token(Role.OFFICER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sent))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        double areaM2 = expected.path("areaM2").asDouble();
        assertThat(areaM2)
                .as("the clicked polygon is the 20 m × 20 m patch")
                .isCloseTo(place.patch().getArea(), within(place.patch().getArea() * 0.03));
        assertThat(expected.path("basicFarmlandM2").asDouble()).isCloseTo(areaM2, within(areaM2 * 0.01));

        Locator panel = page.getByTestId("analysis-panel");
        assertThat(panel.getByTestId("clue-analysis"))
                .containsText(VERDICTS_ZH.get(expected.at("/verdict/code").asString()));
        Locator patchRow =
                panel.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(Pattern.compile("^图斑面积")));
        double shownMu = Double.parseDouble(
                patchRow.locator("td").nth(1).textContent().replace(",", "").trim());
        assertThat(shownMu).isCloseTo(AreaUnits.toMu(areaM2), within(0.006));
        assertThat(panel).containsText(expected.at("/verdict/reasons/0/zh").asString());
        assertThat(panel.getByTestId("land-use-table"))
                .containsText(expected.at("/landUse/0/name").asString());
        assertThat(panel).containsText(expected.at("/layerVersions/dltb").asString());
        screenshot(page, "map-desktop-analysis");

        // The language switch re-renders the console; the patch and its analysis stay, now in English.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(panel.getByTestId("clue-analysis"))
                .containsText(VERDICTS_EN.get(expected.at("/verdict/code").asString()));
        assertThat(panel).containsText(expected.at("/verdict/reasons/0/en").asString());
        page.waitForFunction("() => window.__gengbaoMap");
        page.evaluate("() => new Promise(done => {"
                + " window.__gengbaoMap.once('rendercomplete', done); window.__gengbaoMap.render(); })");
        screenshot(page, "map-desktop-analysis-en");
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void aSelfIntersectingUploadShowsTheServersMessageAndAShapefileIsExplained() throws Exception {
        Place place = nextPlace();
        double[] a = lonLat(place.patch().getExteriorRing().getCoordinateN(0));
        double[] c = lonLat(place.patch().getExteriorRing().getCoordinateN(2));
        String bowTie = String.format(
                java.util.Locale.ROOT,
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[%1$.8f,%2$.8f],[%3$.8f,%4$.8f],[%3$.8f,%2$.8f],[%1$.8f,%4$.8f],[%1$.8f,%2$.8f]]]}}",
                a[0],
                a[1],
                c[0],
                c[1]);
        Page page = desktop();
        page.navigate(url("/#/map"));
        logIn(page, "t-inspector", "secret-inspector");
        assertThat(page.getByTestId("legend-land-use")).isAttached();
        Locator upload = page.getByLabel(Pattern.compile("上传 GeoJSON"));

        Response refused = page.waitForResponse(
                r -> r.url().endsWith("/api/v1/analyses"),
                () -> upload.setInputFiles(new FilePayload(
                        "bowtie.geojson", "application/geo+json", bowTie.getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.status()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.text());
        Locator error = page.getByTestId("analysis-error");
        assertThat(error).containsText(problem.at("/messages/zh").asString());
        assertThat(error).containsText("SELF_INTERSECTION");
        screenshot(page, "map-desktop-analysis-error");

        upload.setInputFiles(new FilePayload("parcels.zip", "application/zip", new byte[] {'P', 'K', 3, 4}));
        assertThat(page.getByTestId("file-error")).containsText("GeoJSON");
        // Chromium logs every failed request; the refused analysis is the only error expected.
        assertThat(pageErrors).singleElement().asString().contains("422");
    }

    @Test
    void aClueAndAPatrolTrackShowOnTheMapAndTheClueLinksToItsPage() throws Exception {
        Place place = nextPlace();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3);
        ObjectNode patch = observation("SUSPECTED_VIOLATION", geoJson(place.patch()), start.plusMinutes(20));
        JsonNode upload = json(putRecord(
                token(Role.INSPECTOR), newId(), JSON.writeValueAsString(record(start, place.centre(), patch))));
        String clueId = upload.at("/clues/0/id").asString();
        assertThat(clueId).as(upload.toString()).isNotBlank();

        Page page = desktop();
        openMapAsOfficer(page);
        assertThat(page.getByTestId("legend-clues")).containsText("违法");
        double[] centre = pagePixels(page, List.of(lonLat(place.centre())), 19).get(0);

        Locator feature = page.getByTestId("feature-panel");
        page.mouse().click(centre[0], centre[1]);
        assertThat(feature.getByRole(AriaRole.HEADING)).hasText("线索");
        assertThat(feature.getByRole(AriaRole.LINK)).hasAttribute("href", "#/clues/" + clueId);
        screenshot(page, "map-desktop-clue");

        // With the clues switched off, the same click finds the patrol track through the place.
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("线索"))
                .uncheck();
        assertThat(feature).not().isAttached();
        page.mouse().click(centre[0], centre[1]);
        assertThat(feature.getByRole(AriaRole.HEADING)).hasText("巡查轨迹");
        assertThat(feature).containsText("t-inspector");

        feature.getByRole(AriaRole.BUTTON).click();
        assertThat(feature).not().isAttached();
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void theMapPageFitsAPhone() throws Exception {
        Place place = nextPlace();
        Page page = phone();
        List<Response> tiles = tileResponses(page);
        openMapAsOfficer(page);
        assertThat(page.getByTestId("legend-land-use")).isAttached();
        pagePixels(page, List.of(lonLat(place.centre())), 15);
        page.waitForCondition(() -> answered(tiles, "dltb") && answered(tiles, "jbnt"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("放大")))
                .isVisible();
        screenshot(page, "map-phone");
        assertThat(pageErrors).isEmpty();
    }

    /** Opens the map page with the test hook (window.__gengbaoMap) and logs in as t-officer. */
    private void openMapAsOfficer(Page page) {
        page.navigate(url("/?maptest#/map"));
        logIn(page, "t-officer", "secret-officer");
    }

    /** Every tile response the page receives from now on. */
    private static List<Response> tileResponses(Page page) {
        List<Response> tiles = new CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (TILE.matcher(r.url()).matches()) tiles.add(r);
        });
        return tiles;
    }

    /** Whether a tile of the layer came back with content (200; 204 is an empty tile). */
    private static boolean answered(List<Response> tiles, String layer) {
        return tiles.stream().anyMatch(r -> {
            Matcher m = TILE.matcher(r.url());
            return m.matches() && m.group(1).equals(layer) && r.status() == 200;
        });
    }

    /** The entry of GET /api/v1/map/layers for one layer, as the officer sees it. */
    private JsonNode layerDescription(String id) throws Exception {
        JsonNode answer = JSON.readTree(
                mvc.perform(get("/api/v1/map/layers").header("Authorization", bearer(token(Role.OFFICER))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        for (JsonNode layer : answer) {
            if (id.equals(layer.path("id").asString())) return layer;
        }
        throw new AssertionError("no layer " + id + " in " + answer);
    }

    private static boolean layerVisible(Page page, String id) {
        return (Boolean) page.evaluate(
                "id => window.__gengbaoMap.getLayers().getArray().find(l => l.get('gengbaoLayer') === id).getVisible()",
                id);
    }

    /**
     * Fits the map view to the lon/lat points (Web Mercator by formula, as the map's view is EPSG:3857) up to maxZoom,
     * waits until every tile there is loaded and drawn, and returns the points' positions in page pixels.
     */
    @SuppressWarnings("unchecked")
    private static List<double[]> pagePixels(Page page, List<double[]> lonLats, int maxZoom) {
        List<Object> points = new ArrayList<>();
        for (double[] ll : lonLats) points.add(List.of(ll[0], ll[1]));
        points.add(maxZoom);
        List<List<Number>> pixels = (List<List<Number>>) page.evaluate(
                """
                args => {
                  const maxZoom = args.pop(), points = args;
                  const map = window.__gengbaoMap;
                  // take the element's current size now (a side panel may just have narrowed it), so that a later
                  // resize cannot move the positions returned here
                  map.updateSize();
                  const R = 6378137;
                  const merc = ([lon, lat]) =>
                    [R * lon * Math.PI / 180, R * Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360))];
                  const xy = points.map(merc);
                  const xs = xy.map(p => p[0]), ys = xy.map(p => p[1]);
                  map.getView().fit([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
                                    { padding: [150, 150, 150, 150], maxZoom });
                  return new Promise(done => {
                    map.once('rendercomplete', () => done(xy.map(c => map.getPixelFromCoordinate(c))));
                    map.render();
                  });
                }
                """,
                points);
        BoundingBox box = page.getByTestId("map").boundingBox();
        List<double[]> out = new ArrayList<>();
        for (List<Number> p : pixels) {
            out.add(new double[] {
                box.x + p.get(0).doubleValue(), box.y + p.get(1).doubleValue()
            });
        }
        return out;
    }
}
