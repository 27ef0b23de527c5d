package org.gengbao.spatial.tile;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.IUserDataConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerProps;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds one Mapbox Vector Tile (MVT 2.1, protobuf) from layers of features already drawn in tile units ({@link
 * TileGeometry}), with the encoder of mapbox-vector-tile-java: zig-zag delta-encoded commands, exterior rings made
 * clockwise and holes counter-clockwise in tile space (y down) as the specification requires, repeated positions and
 * zero-area rings left out. Attribute values may be strings, booleans, whole numbers (int, long) and doubles; null
 * values are left out.
 */
public final class VectorTileWriter {
    /**
     * A feature of a layer.
     *
     * @param id the MVT feature id (unsigned), or null for none
     * @param tileGeometry the geometry in integer tile units, as {@link TileGeometry#draw} returns it
     * @param attributes the feature's tags, in order
     */
    public record Feature(Long id, Geometry tileGeometry, Map<String, Object> attributes) {}

    private static final IUserDataConverter TAGS = (userData, props, builder) -> {
        Feature f = (Feature) userData;
        if (f.id() != null) {
            builder.setId(f.id());
        }
        for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
            if (e.getValue() != null) {
                int value = props.addValue(e.getValue());
                if (value < 0) {
                    throw new IllegalArgumentException("attribute " + e.getKey() + " has a type MVT cannot hold: "
                            + e.getValue().getClass().getSimpleName());
                }
                builder.addTags(props.addKey(e.getKey()));
                builder.addTags(value);
            }
        }
    };

    private final MvtLayerParams params;
    private final Map<String, VectorTile.Tile.Layer> layers = new LinkedHashMap<>();

    public VectorTileWriter() {
        this.params = new MvtLayerParams(TileGeometry.EXTENT);
    }

    /** Adds a layer; one whose features all collapse is left out. Returns the number of features written. */
    public int layer(String name, Iterable<Feature> features) {
        VectorTile.Tile.Layer.Builder builder = MvtUtil.newLayerBuilder(name, params);
        MvtLayerProps props = new MvtLayerProps();
        for (Feature f : features) {
            Geometry g = f.tileGeometry();
            g.setUserData(f);
            JtsAdapter.addFeatures(builder, g, props, TAGS);
        }
        MvtUtil.writeProps(builder, props);
        if (builder.getFeaturesCount() > 0) {
            layers.put(name, builder.build());
        }
        return builder.getFeaturesCount();
    }

    /** Whether no layer has a feature (an empty tile: answer 204). */
    public boolean isEmpty() {
        return layers.isEmpty();
    }

    /** The encoded tile. */
    public byte[] toByteArray() {
        VectorTile.Tile.Builder tile = VectorTile.Tile.newBuilder();
        layers.values().forEach(tile::addLayers);
        return tile.build().toByteArray();
    }
}
