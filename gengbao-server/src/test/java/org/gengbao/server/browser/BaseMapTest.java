package org.gengbao.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The configurable base map with a Tianditu-style WMTS template (Web Mercator, {@code TILEMATRIX/TILEROW/TILECOL} and
 * the browser key {@code tk}). The tile host is answered by the browser context (a solid magenta tile per request), so
 * the test sees exactly which tiles the console asks for: those under the map's view, at its zoom, with the key.
 */
class BaseMapTest extends BrowserTestSupport {
    private static final String HOST = "https://t0.tianditu.example";
    private static final String KEY = "test-key-123";

    @DynamicPropertySource
    static void baseMap(DynamicPropertyRegistry registry) {
        registry.add("gengbao.map.base.type", () -> "wmts");
        registry.add(
                "gengbao.map.base.url",
                () -> HOST + "/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default"
                        + "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}"
                        + "&tk={tk}");
        registry.add("gengbao.map.base.tianditu-key", () -> KEY);
        registry.add("gengbao.map.base.layer", () -> "vec");
        registry.add("gengbao.map.base.matrix-set", () -> "w");
        registry.add("gengbao.map.base.attribution", () -> "天地图 test");
    }

    private static byte[] magentaTile() throws Exception {
        BufferedImage tile = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        g.setColor(new Color(255, 0, 255));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(tile, "png", out);
        return out.toByteArray();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> q = new java.util.HashMap<>();
        for (String kv : URI.create(url).getRawQuery().split("&")) {
            String[] p = kv.split("=", 2);
            q.put(p[0].toUpperCase(java.util.Locale.ROOT), p.length > 1 ? p[1] : "");
        }
        return q;
    }

    @Test
    void theConsoleDrawsTheTiandituTilesUnderItsViewWithTheKey() throws Exception {
        byte[] png = magentaTile();
        List<String> asked = new CopyOnWriteArrayList<>();
        Page page = desktop();
        page.context().route(HOST + "/**", route -> {
            asked.add(route.request().url());
            route.fulfill(new Route.FulfillOptions()
                    .setStatus(200)
                    .setContentType("image/png")
                    .setHeaders(Map.of("Access-Control-Allow-Origin", "*"))
                    .setBodyBytes(png));
        });
        page.navigate(url("/?maptest#/map"));
        logIn(page, "t-officer", "secret-officer");
        assertThat(page.getByTestId("legend-land-use")).isAttached();
        page.waitForFunction("() => window.__gengbaoMap");
        page.waitForCondition(() -> !asked.isEmpty(), new Page.WaitForConditionOptions().setTimeout(15000));
        assertThat(page.locator(".ol-attribution")).containsText("天地图 test");

        // every request names the layer, the matrix set and the key
        for (String url : asked) {
            Map<String, String> q = query(url);
            assertThat(q)
                    .containsEntry("LAYER", "vec")
                    .containsEntry("TILEMATRIXSET", "w")
                    .containsEntry("TK", KEY);
        }
        // the tile under the centre of the view at the view's zoom is among them (Web Mercator tile numbering)
        @SuppressWarnings("unchecked")
        List<Number> view = (List<Number>)
                page.evaluate(
                        """
                () => new Promise((done, fail) => {
                  const map = window.__gengbaoMap;
                  setTimeout(() => fail(new Error('no rendercomplete in 15 s')), 15000);
                  map.once('rendercomplete', () => {
                    const v = map.getView();
                    const [x, y] = v.getCenter();
                    const lon = x / 6378137 * 180 / Math.PI;
                    const lat = (2 * Math.atan(Math.exp(y / 6378137)) - Math.PI / 2) * 180 / Math.PI;
                    done([Math.round(v.getZoom()), lon, lat]);
                  });
                  map.render();
                })
                """);
        int z = view.get(0).intValue();
        double lon = view.get(1).doubleValue();
        double lat = view.get(2).doubleValue();
        int n = 1 << z;
        long col = (long) Math.floor((lon + 180) / 360 * n);
        double latRad = Math.toRadians(lat);
        long row = (long) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n);
        assertThat(asked.stream().map(BaseMapTest::query))
                .as("tiles asked: %s", asked)
                .anySatisfy(q -> assertThat(List.of(q.get("TILEMATRIX"), q.get("TILEROW"), q.get("TILECOL")))
                        .containsExactly(String.valueOf(z), String.valueOf(row), String.valueOf(col)));

        // with the county's layers switched off, the base map is what the map shows
        Locator boxes = page.locator("input[type=checkbox][data-layer]");
        for (int i = 0; i < boxes.count(); i++) {
            if (boxes.nth(i).isChecked()) {
                boxes.nth(i).uncheck();
            }
        }
        page.evaluate("() => new Promise((done, fail) => { window.__gengbaoMap.once('rendercomplete', done);"
                + " setTimeout(() => fail(new Error('no rendercomplete in 15 s')), 15000);"
                + " window.__gengbaoMap.render(); })");
        BufferedImage shot =
                ImageIO.read(new ByteArrayInputStream(page.getByTestId("map").screenshot()));
        long magenta = 0;
        for (int y = 0; y < shot.getHeight(); y += 4) {
            for (int x = 0; x < shot.getWidth(); x += 4) {
                Color c = new Color(shot.getRGB(x, y));
                if (c.getRed() > 230 && c.getGreen() < 30 && c.getBlue() > 230) {
                    magenta++;
                }
            }
        }
        long sampled = (long) ((shot.getHeight() + 3) / 4) * ((shot.getWidth() + 3) / 4);
        assertThat(magenta).as("base-map pixels of %s", sampled).isGreaterThan(sampled * 8 / 10);
        screenshot(page, "map-desktop-base-map");
        assertThat(pageErrors).isEmpty();
    }
}
