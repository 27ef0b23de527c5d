package org.gengbao.spatial.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengbao.spatial.io.Gdal;
import org.gengbao.spatial.tile.VectorTileWriter.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/**
 * Encoded tiles read back by the library's decoder and by GDAL's MVT driver, the independent reader, which also
 * georeferences them (open options Z, X, Y) into EPSG:3857.
 */
class VectorTileWriterTest {
    private static final WKTReader WKT = new WKTReader(new GeometryFactory());
    private static final TileAddress TILE = new TileAddress(16, 54112, 25723);

    private static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static byte[] sample() throws Exception {
        VectorTileWriter w = new VectorTileWriter();
        // a square with a hole, written counter-clockwise in tile units (y down): the encoder must turn it
        Geometry parcel = WKT.read("POLYGON ((1000 1000, 1000 3000, 3000 3000, 3000 1000, 1000 1000),"
                + " (1500 1500, 2500 1500, 2500 2500, 1500 2500, 1500 1500))");
        assertThat(w.layer(
                        "dltb",
                        List.of(new Feature(
                                7L, parcel, attrs("dlbm", "0101", "dlmc", "水田", "kcxs", 0.05, "grade", 2L)))))
                .isEqualTo(1);
        assertThat(w.layer(
                        "clues",
                        List.of(
                                new Feature(null, WKT.read("POINT (2048 2048)"), attrs("id", "c-1", "open", true)),
                                new Feature(null, WKT.read("POINT (10 20)"), attrs("id", "c-2", "status", null)))))
                .isEqualTo(2);
        // a layer whose only polygon collapsed to nothing is left out
        assertThat(w.layer("empty", List.of(new Feature(null, WKT.read("POLYGON ((5 5, 5 5, 5 5, 5 5))"), Map.of()))))
                .isZero();
        assertThat(w.isEmpty()).isFalse();
        return w.toByteArray();
    }

    @Test
    void theLibraryReadsBackLayersFeaturesAndAttributes() throws Exception {
        JtsMvt mvt = MvtReader.loadMvt(
                new ByteArrayInputStream(sample()),
                new GeometryFactory(),
                new TagKeyValueMapConverter(false, "mvt_id"));
        assertThat(mvt.getLayers()).extracting(JtsLayer::getName).containsExactly("dltb", "clues");
        Geometry parcel = mvt.getLayer("dltb").getGeometries().iterator().next();
        assertThat(parcel).isInstanceOf(Polygon.class);
        assertThat(parcel.getArea()).isEqualTo(2000.0 * 2000 - 1000.0 * 1000);
        @SuppressWarnings("unchecked")
        Map<String, Object> tags = (Map<String, Object>) parcel.getUserData();
        assertThat(tags)
                .containsEntry("dlbm", "0101")
                .containsEntry("dlmc", "水田")
                .containsEntry("kcxs", 0.05)
                .containsEntry("grade", 2L)
                .containsEntry("mvt_id", 7L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clues = mvt.getLayer("clues").getGeometries().stream()
                .map(g -> (Map<String, Object>) g.getUserData())
                .toList();
        assertThat(clues).hasSize(2);
        assertThat(clues.get(0)).containsEntry("id", "c-1").containsEntry("open", true);
        assertThat(clues.get(1)).containsEntry("id", "c-2").doesNotContainKey("status");
    }

    @Test
    void gdalReadsTheTileAndPutsItOnTheMap() throws Exception {
        Path file = Files.createTempFile("gengbao-tile-", ".mvt");
        try {
            Files.write(file, sample());
            String out = Gdal.ogrinfo(
                            "-ro", "-al", "-oo", "Z=" + TILE.z(), "-oo", "X=" + TILE.x(), "-oo", "Y=" + TILE.y(), file)
                    .ok();
            assertThat(out).contains("Layer name: dltb", "Layer name: clues").doesNotContain("Layer name: empty");
            assertThat(out)
                    .contains(
                            "mvt_id (Integer64) = 7",
                            "dlbm (String) = 0101",
                            "dlmc (String) = 水田",
                            "id (String) = c-1");
            // the square's corner (1000, 1000) in EPSG:3857: the tile's west edge plus 1000/4096 of its width
            Matcher m =
                    Pattern.compile("POLYGON \\(\\(+([^()]*)\\),\\(([^()]*)\\)").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            double unit = TILE.sizeM() / 4096;
            double west = TILE.mercatorEnvelope().getMinX();
            double north = TILE.mercatorEnvelope().getMaxY();
            Polygon exterior = (Polygon) new WKTReader().read("POLYGON ((" + m.group(1) + "))");
            var e = exterior.getEnvelopeInternal();
            assertThat(e.getMinX()).isCloseTo(west + 1000 * unit, org.assertj.core.data.Offset.offset(0.01));
            assertThat(e.getMaxY()).isCloseTo(north - 1000 * unit, org.assertj.core.data.Offset.offset(0.01));
            assertThat(e.getWidth()).isCloseTo(2000 * unit, org.assertj.core.data.Offset.offset(0.01));
            // MVT winding: the exterior has positive area in tile space (y down), so GDAL, which only flips y, gives it
            // clockwise on the map, and the hole counter-clockwise — the encoder turned both rings of the input
            assertThat(Orientation.isCCW(exterior.getExteriorRing().getCoordinates()))
                    .isFalse();
            Polygon hole = (Polygon) new WKTReader().read("POLYGON ((" + m.group(2) + "))");
            assertThat(Orientation.isCCW(hole.getExteriorRing().getCoordinates()))
                    .isTrue();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anEmptyTileHasNoLayers() {
        VectorTileWriter w = new VectorTileWriter();
        w.layer("dltb", List.of());
        assertThat(w.isEmpty()).isTrue();
        assertThat(w.toByteArray()).isEmpty();
    }

    @Test
    void valuesMvtCannotHoldAreRefused() throws Exception {
        VectorTileWriter w = new VectorTileWriter();
        Geometry p = WKT.read("POINT (1 1)");
        assertThatThrownBy(() -> w.layer("x", List.of(new Feature(null, p, attrs("area", new BigDecimal("1.5"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("area");
    }
}
