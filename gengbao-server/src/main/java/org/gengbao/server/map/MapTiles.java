package org.gengbao.server.map;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.clues.Clues;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.server.grid.GridCell;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.layers.LayerVersionInfo;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.server.patrol.PatrolTracks;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.gengbao.spatial.tile.TileAddress;
import org.gengbao.spatial.tile.TileGeometry;
import org.gengbao.spatial.tile.TileGeometry.SmallFeatures;
import org.gengbao.spatial.tile.VectorTileWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The vector tiles of the map layers. A tile holds one MVT layer named after the map layer; its features are read
 * through the spatial index of their table (the tile's envelope in the working zone, and for reference layers a floor
 * on the stored area of one pixel), then drawn by {@link TileGeometry}. Grid cells, clues and tracks are limited to
 * what the caller may see, exactly as their own list endpoints limit them.
 *
 * <p>Every tile carries an entity tag: a reference layer's names the version in force (and the revision of the tile
 * drawing, {@value #DRAWING}), so it is known before the tile is drawn; the scoped layers' is a hash of the tile.
 */
@Service
public class MapTiles {
    /** Revision of how tiles are drawn; part of every entity tag, so that a change invalidates cached tiles. */
    static final String DRAWING = "t1";

    /**
     * A drawn tile.
     *
     * @param bytes the MVT; empty when no feature shows
     * @param features features drawn
     * @param etag the entity tag, quoted
     * @param reference whether it is a reference layer's (the same for every caller, changing only with the version)
     */
    public record Tile(byte[] bytes, int features, String etag, boolean reference) {}

    private final Counties counties;
    private final ReferenceLayers layers;
    private final GridCells cells;
    private final Clues clues;
    private final PatrolTracks tracks;

    MapTiles(Counties counties, ReferenceLayers layers, GridCells cells, Clues clues, PatrolTracks tracks) {
        this.counties = counties;
        this.layers = layers;
        this.cells = cells;
        this.clues = clues;
        this.tracks = tracks;
    }

    /**
     * The entity tag a reference layer's tiles have on {@code asOf} (from the version in force), or empty for the
     * scoped layers, whose tag depends on the tile's content. Checks that the layer exists and the caller may see it.
     */
    public Optional<String> referenceTag(String layerId, CurrentUser user, LocalDate asOf) {
        MapLayer layer = visible(layerId, user);
        return layer.isReference()
                ? Optional.of(tag(layer, layers.versionInForce(layer.kind(), asOf)))
                : Optional.empty();
    }

    /** Draws a tile of {@code layerId} for {@code user}; reference layers as in force on {@code asOf}. */
    public Tile render(String layerId, TileAddress address, CurrentUser user, LocalDate asOf) {
        MapLayer layer = visible(layerId, user);
        Optional<County> county = counties.current();
        if (layer.isReference()) {
            Optional<LayerVersionInfo> version = layers.versionInForce(layer.kind(), asOf);
            String etag = tag(layer, version);
            if (county.isEmpty() || version.isEmpty() || address.z() < layer.minZoom()) {
                return new Tile(new byte[0], 0, etag, true);
            }
            TileGeometry drawing = TileGeometry.of(address, county.get().crs());
            List<VectorTileWriter.Feature> features = new ArrayList<>();
            for (ReferenceFeature f :
                    layers.featuresInBox(version.get().id(), drawing.queryEnvelope(), drawing.minPolygonAreaM2())) {
                add(features, drawing.draw(f.geometry(), SmallFeatures.DROP), ReferenceAttributes.of(f, asOf));
            }
            return encode(layer, features, etag);
        }
        List<VectorTileWriter.Feature> features = new ArrayList<>();
        if (county.isPresent() && address.z() >= layer.minZoom()) {
            TileGeometry drawing = TileGeometry.of(address, county.get().crs());
            Envelope box = drawing.queryEnvelope();
            GridScope scope = GridScope.of(user);
            switch (layer) {
                case GRID -> {
                    for (GridCell c : cells.inBox(scope, box)) {
                        add(
                                features,
                                drawing.draw(c.geometry(), SmallFeatures.DROP),
                                attributes(
                                        "code",
                                        c.code(),
                                        "name",
                                        c.name(),
                                        "level",
                                        c.level().name()));
                    }
                }
                case CLUES -> {
                    for (Clues.Located c : clues.inBox(scope, box)) {
                        add(
                                features,
                                drawing.draw(c.geometry(), SmallFeatures.AS_POINT),
                                attributes("id", c.id(), "status", c.status(), "verdict", c.verdict()));
                    }
                }
                case TRACKS -> {
                    for (PatrolTracks.Track t : tracks.inBox(scope, box)) {
                        add(
                                features,
                                drawing.draw(t.geometry(), SmallFeatures.DROP),
                                attributes(
                                        "id", t.recordId(),
                                        "inspector", t.inspector(),
                                        "startedAt", t.startedAt().toString(),
                                        "lengthM", Math.round(t.lengthM() * 10) / 10.0));
                    }
                }
                default -> throw new IllegalStateException("not a scoped layer: " + layer);
            }
        }
        return encode(layer, features, null);
    }

    private static MapLayer visible(String layerId, CurrentUser user) {
        MapLayer layer = MapLayer.parse(layerId);
        if (!layer.visibleTo(user.role())) {
            throw new Problem(
                    HttpStatus.FORBIDDEN,
                    "FORBIDDEN",
                    "当前账号的角色无权查看图层“" + layer.titleZh() + "”",
                    "The role of this account may not see the layer \"" + layer.titleEn() + "\"");
        }
        return layer;
    }

    private static String tag(MapLayer layer, Optional<LayerVersionInfo> version) {
        return "\"" + version.map(LayerVersionInfo::id).orElse(layer.id() + "-none") + "." + DRAWING + "\"";
    }

    private static void add(List<VectorTileWriter.Feature> features, Geometry drawn, Map<String, Object> attributes) {
        if (drawn != null) {
            features.add(new VectorTileWriter.Feature(null, drawn, attributes));
        }
    }

    static Map<String, Object> attributes(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Tile encode(MapLayer layer, List<VectorTileWriter.Feature> features, String etag) {
        VectorTileWriter writer = new VectorTileWriter();
        int written = writer.layer(layer.id(), features);
        byte[] bytes = writer.isEmpty() ? new byte[0] : writer.toByteArray();
        return new Tile(bytes, written, etag != null ? etag : contentTag(bytes), etag != null);
    }

    private static String contentTag(byte[] bytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(sha, 0, 16) + "." + DRAWING + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
