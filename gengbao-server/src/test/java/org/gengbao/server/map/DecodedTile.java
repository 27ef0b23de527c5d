package org.gengbao.server.map;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gengbao.spatial.testing.ExternalTool;
import org.gengbao.spatial.tile.TileAddress;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A tile read back with the library's decoder, and PROJ's {@code cs2cs} as the independent oracle of where a working
 * position belongs in a tile.
 */
final class DecodedTile {
    /** A decoded feature: geometry in tile units (y down) and tags. */
    record Feature(Geometry geometry, Map<String, Object> tags) {
        Object tag(String key) {
            return tags.get(key);
        }
    }

    private final JtsMvt mvt;

    private DecodedTile(JtsMvt mvt) {
        this.mvt = mvt;
    }

    static DecodedTile of(byte[] bytes) {
        try {
            return new DecodedTile(MvtReader.loadMvt(
                    new ByteArrayInputStream(bytes),
                    new GeometryFactory(),
                    new TagKeyValueMapConverter(false, "mvt_id")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> layerNames() {
        return mvt.getLayers().stream().map(JtsLayer::getName).toList();
    }

    @SuppressWarnings("unchecked")
    List<Feature> features(String layer) {
        JtsLayer l = mvt.getLayer(layer);
        List<Feature> out = new ArrayList<>();
        if (l != null) {
            for (Geometry g : l.getGeometries()) {
                out.add(new Feature(g, (Map<String, Object>) g.getUserData()));
            }
        }
        return out;
    }

    List<Object> values(String layer, String key) {
        return features(layer).stream().map(f -> f.tag(key)).toList();
    }

    /** EPSG:3857 x, y of a working position, by PROJ. */
    static double[] mercator(String workingCode, double easting, double northing) {
        String out = ExternalTool.run(
                List.of("cs2cs", "-f", "%.4f", workingCode, "EPSG:3857"),
                String.format(Locale.ROOT, "%.4f %.4f%n", northing, easting));
        String[] f = out.trim().split("\\s+");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
    }

    /** Tile units (0 … 4096, y down) of an EPSG:3857 position in {@code tile}. */
    static double[] units(TileAddress tile, double[] mercator) {
        Envelope e = tile.mercatorEnvelope();
        double perM = 4096 / tile.sizeM();
        return new double[] {(mercator[0] - e.getMinX()) * perM, (e.getMaxY() - mercator[1]) * perM};
    }
}
