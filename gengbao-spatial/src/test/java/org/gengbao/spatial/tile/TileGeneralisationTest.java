package org.gengbao.spatial.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.generate.AdminUnit;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.CountySpec;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.generate.GeneratedFeature;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.tile.TileGeometry.SmallFeatures;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * How tiles generalise: the area floor ({@link TileGeometry#MIN_AREA_PX2}), the zoom-dependent simplification (valid
 * results within the tolerance of the exact outline) and, on a generated county, that a zoom-12 tile read back by the
 * decoder still covers the land it shows.
 */
class TileGeneralisationTest {
    private static final GaussKrugerCrs ZONE_39 = (GaussKrugerCrs) CrsRegistry.byEpsg(4527);
    private static final GeometryFactory WORKING = WorkingPrecision.factory(ZONE_39);
    private static final GeometryFactory TILE = new GeometryFactory(new PrecisionModel());
    private static final TileAddress Z12 = new TileAddress(12, 3382, 1607);
    private static final TileAddress Z16 = new TileAddress(16, 54112, 25723);
    /** The zoom-16 tile's centre, also inside the zoom-12 tile. */
    private static final Coordinate CENTRE = new Coordinate(39522421.837, 3991265.745);

    private static Polygon square(double sideM) {
        double x = CENTRE.x;
        double y = CENTRE.y;
        return WORKING.createPolygon(new Coordinate[] {
            new Coordinate(x, y),
            new Coordinate(x + sideM, y),
            new Coordinate(x + sideM, y + sideM),
            new Coordinate(x, y + sideM),
            new Coordinate(x, y)
        });
    }

    @Test
    void aParcelBelowTheAreaFloorIsDroppedAtZoom12ButDrawnAtZoom16() {
        TileGeometry z12 = TileGeometry.of(Z12, ZONE_39);
        double floorM2 = z12.minPolygonAreaM2();
        Polygon below = square(Math.sqrt(0.9 * floorM2));
        Polygon above = square(Math.sqrt(1.5 * floorM2));
        assertThat(z12.draw(below, SmallFeatures.DROP)).isNull();
        assertThat(z12.draw(above, SmallFeatures.DROP)).isInstanceOf(Polygon.class);
        assertThat(TileGeometry.of(Z16, ZONE_39).draw(below, SmallFeatures.DROP))
                .isInstanceOf(Polygon.class);
    }

    @Test
    void theToleranceIsAPixelUpToZoom13AndAQuarterBeyond() {
        assertThat(TileGeometry.of(Z12, ZONE_39).simplifyTolerancePx())
                .isEqualTo(TileGeometry.LOW_ZOOM_SIMPLIFY_TOLERANCE_PX);
        assertThat(TileGeometry.of(new TileAddress(13, 6764, 3214), ZONE_39).simplifyTolerancePx())
                .isEqualTo(TileGeometry.LOW_ZOOM_SIMPLIFY_TOLERANCE_PX);
        assertThat(TileGeometry.of(new TileAddress(14, 13528, 6430), ZONE_39).simplifyTolerancePx())
                .isEqualTo(TileGeometry.SIMPLIFY_TOLERANCE_PX);
        assertThat(TileGeometry.of(Z16, ZONE_39).simplifyTolerancePx()).isEqualTo(TileGeometry.SIMPLIFY_TOLERANCE_PX);
    }

    /** Random star-shaped outlines (valid, often jagged) of 20 m to 400 m round points near the tiles' centre. */
    @Test
    void simplifiedPolygonsAreValidAndWithinTheToleranceOfTheExactOutline() {
        Random random = new Random(20261127);
        List<TileAddress> tiles = List.of(Z12, new TileAddress(13, 6764, 3214), new TileAddress(14, 13528, 6430), Z16);
        int drawn = 0;
        for (int n = 0; n < 300; n++) {
            double cx = CENTRE.x + (random.nextDouble() - 0.5) * 600;
            double cy = CENTRE.y + (random.nextDouble() - 0.5) * 600;
            double r = 20 + random.nextDouble() * 380;
            int vertices = 6 + random.nextInt(120);
            Coordinate[] ring = new Coordinate[vertices + 1];
            for (int i = 0; i < vertices; i++) {
                double a = 2 * Math.PI * i / vertices;
                double ri = r * (0.4 + 0.6 * random.nextDouble());
                ring[i] = new Coordinate(cx + ri * Math.cos(a), cy + ri * Math.sin(a));
            }
            ring[vertices] = ring[0];
            Polygon outline = WORKING.createPolygon(ring);
            assertThat(outline.isValid()).isTrue();
            for (TileAddress tile : tiles) {
                TileGeometry g = TileGeometry.of(tile, ZONE_39);
                Geometry d = g.draw(outline, SmallFeatures.DROP);
                if (d == null) {
                    continue;
                }
                drawn++;
                assertThat(d.isValid()).as("valid: %s at %s", outline, tile).isTrue();
                Geometry exact = g.projection().toTile(outline, TILE);
                Envelope buffered = new Envelope(
                        -TileGeometry.BUFFER_UNITS,
                        TileGeometry.EXTENT + TileGeometry.BUFFER_UNITS,
                        -TileGeometry.BUFFER_UNITS,
                        TileGeometry.EXTENT + TileGeometry.BUFFER_UNITS);
                if (!buffered.contains(exact.getEnvelopeInternal())) {
                    exact = exact.intersection(TILE.toGeometry(buffered));
                }
                // twice the tolerance: JTS also simplifies away a ring's start point once the rest is done, which can
                // add a second tolerance around it (seen: 1.25 tolerances); plus the rounding to whole units
                double allowedUnits =
                        2 * g.simplifyTolerancePx() * TileGeometry.UNITS_PER_PIXEL + Math.sqrt(0.5) + 0.01;
                assertThat(DiscreteHausdorffDistance.distance(d, exact))
                        .as("Hausdorff distance (tile units) of %s at %s", outline, tile)
                        .isLessThanOrEqualTo(allowedUnits);
            }
        }
        assertThat(drawn).isGreaterThan(600);
    }

    @Test
    void aZoom12TileOfAGeneratedCountyStillCoversItsLand() throws Exception {
        GeneratedCounty county = CountyGenerator.generate(CountySpec.of(2026, 8_000, 0, 50, 50));
        STRtree index = new STRtree();
        for (GeneratedFeature f : county.features(LayerKind.DLTB)) {
            index.insert(f.geometry().getEnvelopeInternal(), f);
        }
        Envelope lonLat = TileProjection.lonLatEnvelope(county.extent(), ZONE_39);
        Geometry tileSquare = TILE.toGeometry(new Envelope(0, TileGeometry.EXTENT, 0, TileGeometry.EXTENT));
        double landUnits2 = 0;
        double drawnUnits2 = 0;
        int parcels = 0;
        int features = 0;
        for (TileAddress tile : TileAddress.covering(lonLat, 12)) {
            TileGeometry g = TileGeometry.of(tile, ZONE_39);
            for (AdminUnit town : county.towns()) {
                landUnits2 += g.projection()
                        .toTile(town.geometry(), TILE)
                        .intersection(tileSquare)
                        .getArea();
            }
            List<VectorTileWriter.Feature> drawn = new ArrayList<>();
            for (Object o : index.query(g.queryEnvelope())) {
                parcels++;
                Geometry d = g.draw(((GeneratedFeature) o).geometry(), SmallFeatures.DROP);
                if (d != null) {
                    drawn.add(new VectorTileWriter.Feature(null, d, Map.of("class", "0101")));
                }
            }
            VectorTileWriter writer = new VectorTileWriter();
            features += writer.layer("dltb", drawn);
            if (writer.isEmpty()) {
                continue;
            }
            JtsLayer layer = MvtReader.loadMvt(
                            new ByteArrayInputStream(writer.toByteArray()),
                            TILE,
                            new TagKeyValueMapConverter(false, "mvt_id"))
                    .getLayer("dltb");
            for (Geometry decoded : layer.getGeometries()) {
                drawnUnits2 += decoded.intersection(tileSquare).getArea();
            }
        }
        System.out.printf(
                "zoom 12: %d parcels near the tiles, %d drawn, land %.0f units², drawn %.0f units² (%.2f %%)%n",
                parcels, features, landUnits2, drawnUnits2, 100 * drawnUnits2 / landUnits2);
        assertThat(features).isLessThan(parcels);
        assertThat(drawnUnits2 / landUnits2).as("drawn area / land area").isCloseTo(1.0, within(0.04));
    }
}
