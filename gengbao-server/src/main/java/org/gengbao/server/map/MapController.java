package org.gengbao.server.map;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.tile.TileAddress;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web map's server side. {@code GET /api/v1/map/config} (open): base map, tile grid, the county's extent and
 * where the map opens. {@code GET /api/v1/map/layers?asOf=}: the layers the caller may see, with legend and style
 * hints. {@code GET /api/v1/map/tiles/{layer}/{z}/{x}/{y}.mvt?asOf=}: a Mapbox Vector Tile (EPSG:3857, extent 4096);
 * 204 when nothing shows; reference layers as in force on {@code asOf} (default: today in the county) with an entity
 * tag of their version, cacheable for a minute; scoped layers (grid, clues, tracks) revalidated on every use. {@code
 * If-None-Match} answers 304.
 */
@RestController
@RequestMapping("/api/v1/map")
class MapController {
    static final String MVT = "application/vnd.mapbox-vector-tile";

    private static final CacheControl REFERENCE =
            CacheControl.maxAge(60, TimeUnit.SECONDS).cachePrivate();
    private static final CacheControl SCOPED = CacheControl.noCache().cachePrivate();

    private final MapTiles tiles;
    private final MapCatalogue catalogue;
    private final MapConfig config;

    MapController(MapTiles tiles, MapCatalogue catalogue, MapConfig config) {
        this.tiles = tiles;
        this.catalogue = catalogue;
        this.config = config;
    }

    @GetMapping("/config")
    ObjectNode config() {
        return config.config();
    }

    @GetMapping("/layers")
    ArrayNode layers(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String asOf) {
        return catalogue.visibleTo(user, date(asOf));
    }

    @GetMapping("/tiles/{layer}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String layer,
            @PathVariable String z,
            @PathVariable String x,
            @PathVariable String y,
            @RequestParam(required = false) String asOf,
            WebRequest request) {
        TileAddress address = address(z, x, y);
        LocalDate day = date(asOf);
        Optional<String> known = tiles.referenceTag(layer, user, day);
        if (known.isPresent() && request.checkNotModified(known.get())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .cacheControl(REFERENCE)
                    .eTag(known.get())
                    .build();
        }
        MapTiles.Tile tile = tiles.render(layer, address, user, day);
        CacheControl caching = tile.reference() ? REFERENCE : SCOPED;
        if (!tile.reference() && request.checkNotModified(tile.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .cacheControl(caching)
                    .eTag(tile.etag())
                    .varyBy(HttpHeaders.AUTHORIZATION)
                    .build();
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(
                        tile.bytes().length == 0 ? HttpStatus.NO_CONTENT : HttpStatus.OK)
                .cacheControl(caching)
                .eTag(tile.etag());
        if (!tile.reference()) {
            answer.varyBy(HttpHeaders.AUTHORIZATION);
        }
        if (tile.bytes().length == 0) {
            return answer.build();
        }
        return answer.contentType(MediaType.parseMediaType(MVT)).body(tile.bytes());
    }

    /** z, x, y as integers of the pyramid, or a 400 problem. */
    private static TileAddress address(String z, String x, String y) {
        long[] v = new long[3];
        String[] text = {z, x, y};
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Long.parseLong(text[i].trim());
            } catch (NumberFormatException e) {
                v[i] = -1;
            }
        }
        if (!TileAddress.isValid(v[0], v[1], v[2])) {
            throw Problem.badRequest(
                    "TILE_INVALID",
                    "瓦片地址 " + z + "/" + x + "/" + y + " 无效：z 应为 0–" + TileAddress.MAX_ZOOM
                            + " 的整数，x、y 应为 0 到 2^z−1 的整数",
                    "The tile address " + z + "/" + x + "/" + y + " is not valid: z must be a whole number 0–"
                            + TileAddress.MAX_ZOOM + ", x and y whole numbers 0 to 2^z − 1");
        }
        return new TileAddress((int) v[0], (int) v[1], (int) v[2]);
    }

    private static LocalDate date(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(Analyses.COUNTY_TIME);
        }
        try {
            return LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(
                    "DATE_INVALID",
                    "asOf 应写成 YYYY-MM-DD，收到“" + asOf + "”",
                    "asOf must be YYYY-MM-DD; got \"" + asOf + "\"");
        }
    }
}
