package org.gengbao.server.map;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.server.storage.JsonText;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.tile.TileGeometry;
import org.gengbao.spatial.tile.TileProjection;
import org.gengbao.spatial.tile.WebMercator;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the browser needs before it draws the map ({@code GET /api/v1/map/config}, open without login): the base map,
 * the projection and tile grid of the county's layers, the county's extent in longitude/latitude (of its grid cells,
 * else of the land-use layer in force) and where the map opens.
 */
@Component
class MapConfig {
    /** The window the default zoom is fitted to: a desktop browser. */
    private static final int VIEW_WIDTH_PX = 1280;

    private static final int VIEW_HEIGHT_PX = 800;

    private final MapProperties properties;
    private final Counties counties;
    private final GridCells cells;
    private final ReferenceLayers layers;
    private final Map<String, Envelope> layerExtents = new ConcurrentHashMap<>();

    MapConfig(MapProperties properties, Counties counties, GridCells cells, ReferenceLayers layers) {
        this.properties = properties;
        this.counties = counties;
        this.cells = cells;
        this.layers = layers;
    }

    ObjectNode config() {
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        MapProperties.Base b = properties.base();
        ObjectNode base = out.putObject("base");
        base.put("type", b.type());
        if (!b.type().equals("none")) {
            base.put("url", b.resolvedUrl());
            base.put("attribution", b.attribution());
            base.put("maxZoom", b.maxZoom());
        }
        if (b.type().equals("wmts")) {
            base.put("layer", b.layer());
            base.put("matrixSet", b.matrixSet());
            base.put("format", b.format());
            base.put("style", b.style());
        }
        out.put("projection", "EPSG:3857");
        out.putObject("tiles")
                .put("url", MapCatalogue.TILE_PATH + "{layer}/{z}/{x}/{y}.mvt")
                .put("format", MapController.MVT)
                .put("extent", TileGeometry.EXTENT)
                .put("layers", "/api/v1/map/layers");
        Optional<County> county = counties.current();
        Optional<Envelope> lonLat = county.flatMap(c -> workingExtent().map(e -> lonLat(e, c)));
        if (county.isEmpty()) {
            out.putNull("county");
        } else {
            out.putObject("county")
                    .put("code", county.get().code())
                    .put("name", county.get().name())
                    .put("crs", county.get().crs().code());
        }
        if (lonLat.isEmpty()) {
            out.putNull("extent");
            out.putNull("center");
            out.put("zoom", properties.defaultZoom() != null ? properties.defaultZoom() : 4);
        } else {
            Envelope e = lonLat.get();
            out.putArray("extent")
                    .add(e.getMinX())
                    .add(e.getMinY())
                    .add(e.getMaxX())
                    .add(e.getMaxY());
            out.putArray("center").add(round(e.centre().x)).add(round(e.centre().y));
            out.put("zoom", properties.defaultZoom() != null ? properties.defaultZoom() : fittingZoom(e));
        }
        return out;
    }

    private Optional<Envelope> workingExtent() {
        Optional<Envelope> grid = cells.extent();
        if (grid.isPresent()) {
            return grid;
        }
        return layers.versionInForce(LayerKind.DLTB, LocalDate.now(Analyses.COUNTY_TIME))
                .flatMap(v -> Optional.ofNullable(layerExtents.computeIfAbsent(
                        v.id(), id -> layers.extent(id).orElse(null))));
    }

    private static Envelope lonLat(Envelope working, County county) {
        Envelope e = TileProjection.lonLatEnvelope(working, county.crs());
        return new Envelope(round(e.getMinX()), round(e.getMaxX()), round(e.getMinY()), round(e.getMaxY()));
    }

    /** The deepest zoom at which the extent fits a desktop window of 256-pixel tiles. */
    static int fittingZoom(Envelope lonLat) {
        double[] sw = new double[2];
        double[] ne = new double[2];
        WebMercator.forward(lonLat.getMinX(), lonLat.getMinY(), sw);
        WebMercator.forward(lonLat.getMaxX(), lonLat.getMaxY(), ne);
        double world = 2 * WebMercator.HALF_WORLD_M;
        double zx = Math.log(VIEW_WIDTH_PX / 256.0 * world / Math.max(1, ne[0] - sw[0])) / Math.log(2);
        double zy = Math.log(VIEW_HEIGHT_PX / 256.0 * world / Math.max(1, ne[1] - sw[1])) / Math.log(2);
        return (int) Math.max(3, Math.min(18, Math.floor(Math.min(zx, zy))));
    }

    private static double round(double deg) {
        return Math.round(deg * 1e6) / 1e6;
    }
}
