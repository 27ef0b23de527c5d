package org.gengbao.spatial.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

/** The tile pyramid and the working-zone → tile map against PROJ ({@code cs2cs}). */
class TileProjectionTest {
    private static final GaussKrugerCrs ZONE_39 = (GaussKrugerCrs) CrsRegistry.byEpsg(4527);

    @Test
    void webMercatorAgreesWithProjToAMillimetre() {
        Random r = new Random(3857);
        List<double[]> lonLat = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lonLat.add(new double[] {73 + r.nextDouble() * 62, 18 + r.nextDouble() * 36});
        }
        List<double[]> proj = Proj.lonLatToMercator(lonLat);
        double[] ours = new double[2];
        double[] back = new double[2];
        for (int i = 0; i < lonLat.size(); i++) {
            WebMercator.forward(lonLat.get(i)[0], lonLat.get(i)[1], ours);
            assertThat(ours[0]).isCloseTo(proj.get(i)[0], within(0.001));
            assertThat(ours[1]).isCloseTo(proj.get(i)[1], within(0.001));
            WebMercator.inverse(ours[0], ours[1], back);
            assertThat(back[0]).isCloseTo(lonLat.get(i)[0], within(1e-9));
            assertThat(back[1]).isCloseTo(lonLat.get(i)[1], within(1e-9));
        }
    }

    @ParameterizedTest
    @CsvSource({
        // z, lon, lat: the tile is found, and its envelope holds PROJ's position of the point
        "0, 117.3, 36.1",
        "1, -0.5, 0.5",
        "12, 117.3, 36.1",
        "16, 117.2501, 36.0503",
        "24, 117.2501, 36.0503",
    })
    void theTileOfAPointHoldsIt(int z, double lon, double lat) {
        TileAddress tile = TileAddress.containing(lon, lat, z);
        double[] xy = Proj.lonLatToMercator(List.of(new double[] {lon, lat})).get(0);
        Envelope e = tile.mercatorEnvelope();
        assertThat(e.contains(xy[0], xy[1]))
                .as("%s holds %s, %s", tile, xy[0], xy[1])
                .isTrue();
        assertThat(e.getWidth()).isCloseTo(2 * 20037508.342789244 / (1L << z), within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"-1, 0, 0", "25, 0, 0", "1, 2, 0", "1, 0, 2", "3, -1, 0", "0, 0, 1"})
    void addressesOutsideThePyramidAreRefused(long z, long x, long y) {
        assertThat(TileAddress.isValid(z, x, y)).isFalse();
    }

    @Test
    void workingPositionsLandWherePROJPutsThem() {
        TileAddress tile = TileAddress.containing(117.2501, 36.0503, 16);
        TileProjection p = new TileProjection(tile, ZONE_39, 4096);
        Envelope mercator = tile.mercatorEnvelope();
        Random r = new Random(16);
        List<double[]> working = new ArrayList<>();
        Envelope box = p.workingEnvelope(0);
        for (int i = 0; i < 40; i++) {
            working.add(new double[] {
                box.getMinX() + r.nextDouble() * box.getWidth(), box.getMinY() + r.nextDouble() * box.getHeight()
            });
        }
        List<double[]> proj = Proj.gkToMercator(ZONE_39.code(), working);
        double unitsPerM = 4096 / tile.sizeM();
        double[] ours = new double[2];
        for (int i = 0; i < working.size(); i++) {
            p.toTile(working.get(i)[0], working.get(i)[1], ours);
            double expectedX = (proj.get(i)[0] - mercator.getMinX()) * unitsPerM;
            double expectedY = (mercator.getMaxY() - proj.get(i)[1]) * unitsPerM;
            // 1 mm on the ground is 0.007 units at zoom 16
            assertThat(ours[0]).isCloseTo(expectedX, within(0.01));
            assertThat(ours[1]).isCloseTo(expectedY, within(0.01));
        }
    }

    @ParameterizedTest
    @CsvSource({"12, 64", "14, 64", "16, 64", "18, 0", "8, 64"})
    void theWorkingEnvelopeHoldsTheWholeBufferedTileAndLittleMore(int z, int buffer) {
        TileAddress tile = TileAddress.containing(117.2501, 36.0503, z);
        TileProjection p = new TileProjection(tile, ZONE_39, 4096);
        Envelope box = p.workingEnvelope(buffer);
        Envelope m = tile.mercatorEnvelope();
        double pad = buffer * tile.sizeM() / 4096;
        List<double[]> inside = new ArrayList<>();
        int n = 12;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                inside.add(new double[] {
                    m.getMinX() - pad + (m.getWidth() + 2 * pad) * i / n,
                    m.getMinY() - pad + (m.getHeight() + 2 * pad) * j / n
                });
            }
        }
        List<double[]> gk = Proj.mercatorToGk(ZONE_39.code(), inside);
        Envelope exact = new Envelope();
        for (double[] q : gk) {
            assertThat(box.contains(q[0], q[1]))
                    .as("%s holds %s, %s", box, q[0], q[1])
                    .isTrue();
            exact.expandToInclude(q[0], q[1]);
        }
        // the grid's rotation by the meridian convergence (~0.03° here) and the 1 m margin only
        assertThat(box.getArea()).isLessThan(exact.getArea() * 1.02 + 4 * (exact.getWidth() + 2));
    }

    @Test
    void aWorkingEnvelopeIsFramedInLongitudeAndLatitudeAsPROJFramesIt() {
        Envelope working = new Envelope(39_505_000, 39_545_000, 3_990_000, 4_030_000);
        Envelope ours = TileProjection.lonLatEnvelope(working, ZONE_39);
        List<double[]> edge = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            double x = working.getMinX() + working.getWidth() * i / 40;
            double y = working.getMinY() + working.getHeight() * i / 40;
            edge.add(new double[] {x, working.getMinY()});
            edge.add(new double[] {x, working.getMaxY()});
            edge.add(new double[] {working.getMinX(), y});
            edge.add(new double[] {working.getMaxX(), y});
        }
        Envelope proj = new Envelope();
        for (double[] xy : Proj.gkToMercator(ZONE_39.code(), edge)) {
            double[] ll = new double[2];
            WebMercator.inverse(xy[0], xy[1], ll);
            proj.expandToInclude(ll[0], ll[1]);
        }
        assertThat(ours.getMinX()).isCloseTo(proj.getMinX(), within(1e-7));
        assertThat(ours.getMaxX()).isCloseTo(proj.getMaxX(), within(1e-7));
        assertThat(ours.getMinY()).isCloseTo(proj.getMinY(), within(1e-7));
        assertThat(ours.getMaxY()).isCloseTo(proj.getMaxY(), within(1e-7));

        List<TileAddress> z12 = TileAddress.covering(ours, 12);
        TileAddress nw = TileAddress.containing(ours.getMinX(), ours.getMaxY(), 12);
        TileAddress se = TileAddress.containing(ours.getMaxX(), ours.getMinY(), 12);
        assertThat(z12).hasSize((se.x() - nw.x() + 1) * (se.y() - nw.y() + 1)).contains(nw, se);
        assertThat(z12.size()).isBetween(20, 40);
    }

    @Test
    void aWorldTileAsksOnlyForTheZone() {
        TileProjection p = new TileProjection(new TileAddress(0, 0, 0), ZONE_39, 4096);
        Envelope box = p.workingEnvelope(64);
        assertThat(Double.isFinite(box.getArea())).isTrue();
        double[] county = new double[2];
        org.gengbao.spatial.crs.GaussKrugerProjection.of(ZONE_39).forwardDegrees(117.3, 36.1, county);
        assertThat(box.contains(county[0], county[1])).isTrue();
    }

    @Test
    void aUnitIsItsShareOfTheTileTimesCosLatitudeOnTheGround() {
        TileAddress tile = TileAddress.containing(117.25, 36.05, 12);
        TileProjection p = new TileProjection(tile, ZONE_39, 4096);
        // zoom 12: 9 783.9 m of Mercator per tile; at 36.05°N one unit is 2.389 × 0.8085 = 1.93 m
        assertThat(p.groundMetresPerUnit())
                .isCloseTo(tile.sizeM() / 4096 * Math.cos(Math.toRadians(tile.centreLatitudeDeg())), within(1e-9));
        assertThat(p.groundMetresPerUnit()).isCloseTo(1.93, within(0.01));
    }
}
