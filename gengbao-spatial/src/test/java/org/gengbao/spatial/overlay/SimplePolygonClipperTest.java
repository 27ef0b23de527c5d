package org.gengbao.spatial.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.BiFunction;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.testing.RandomParcels;
import org.gengbao.spatial.testing.TinyCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/** The fast clipper against JTS OverlayNG: same area, valid result, and it declines every degenerate configuration. */
class SimplePolygonClipperTest {
    private static final GaussKrugerCrs ZONE = (GaussKrugerCrs) CrsRegistry.byEpsg(4527);

    @Test
    void agreesWithOverlayNgOnRandomConcavePolygons() {
        agreesWithOverlayNg(3, 20, OverlayNG.INTERSECTION, SimplePolygonClipper::intersection);
    }

    @Test
    void differenceAgreesWithOverlayNg() {
        agreesWithOverlayNg(4, 5, OverlayNG.DIFFERENCE, SimplePolygonClipper::difference);
    }

    /** 5 000 random pairs of concave outlines; the second one's radius starts at {@code minClipRadius} metres. */
    private static void agreesWithOverlayNg(
            long seed, double minClipRadius, int opCode, BiFunction<Polygon, Polygon, Geometry> fastOp) {
        Random r = new Random(seed);
        int clipped = 0;
        for (int k = 0; k < 5_000; k++) {
            Polygon a =
                    RandomParcels.star(r, ZONE, 39_520_000, 4_000_000, 50 + r.nextDouble() * 100, 3 + r.nextInt(60));
            Polygon b = RandomParcels.star(
                    r,
                    ZONE,
                    39_520_000 + (r.nextDouble() - 0.5) * 200,
                    4_000_000 + (r.nextDouble() - 0.5) * 200,
                    minClipRadius + r.nextDouble() * 100,
                    3 + r.nextInt(20));
            Geometry fast = fastOp.apply(a, b);
            if (fast == null) {
                continue;
            }
            clipped++;
            Geometry reference = OverlayNG.overlay(a, b, opCode);
            assertThat(fast.getArea()).as("pair %d", k).isCloseTo(reference.getArea(), within(1e-6));
            assertThat(fast.isValid()).as("pair %d: %s", k, fast).isTrue();
            assertThat(fast.getNumGeometries())
                    .as("pair %d: parts", k)
                    .isEqualTo(reference.isEmpty() ? 1 : reference.getNumGeometries());
        }
        assertThat(clipped)
                .as("general position is the rule for random outlines")
                .isGreaterThan(4_900);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "shared edge; POLYGON((0 0, 10 0, 10 10, 0 10, 0 0)); POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))",
                "vertex on edge; POLYGON((0 0, 10 0, 10 10, 0 10, 0 0)); POLYGON((5 0, 15 -5, 15 5, 5 0))",
                "overlapping edge; POLYGON((0 0, 10 0, 10 10, 0 10, 0 0)); POLYGON((5 0, 15 0, 15 -5, 5 -5, 5 0))",
                "identical; POLYGON((0 0, 10 0, 10 10, 0 10, 0 0)); POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))",
                "hole; POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2)); POLYGON((1 1, 5 1, 5 5, 1 5, 1 1))"
            })
    void declinesDegenerateConfigurations(String name, String a, String b) {
        assertThat(SimplePolygonClipper.intersection((Polygon) TinyCounty.wkt(a), (Polygon) TinyCounty.wkt(b)))
                .isNull();
        assertThat(RobustOverlay.intersection(TinyCounty.wkt(a), TinyCounty.wkt(b))
                        .isValid())
                .isTrue();
    }

    @Test
    void containmentAndDisjointness() {
        Polygon big = (Polygon) TinyCounty.wkt("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))");
        Polygon small = (Polygon) TinyCounty.wkt("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))");
        Polygon away = (Polygon) TinyCounty.wkt("POLYGON((200 200, 210 200, 210 210, 200 200))");
        assertThat(SimplePolygonClipper.intersection(big, small)).isSameAs(small);
        assertThat(SimplePolygonClipper.intersection(small, big)).isSameAs(small);
        assertThat(SimplePolygonClipper.intersection(big, away).isEmpty()).isTrue();
    }

    @Test
    void aConcavePatchCrossingAParcelTwiceGivesTwoParts() {
        Polygon u = (Polygon) TinyCounty.wkt("POLYGON((0 0, 30 0, 30 30, 20 30, 20 10, 10 10, 10 30, 0 30, 0 0))");
        Polygon bar = (Polygon) TinyCounty.wkt("POLYGON((-5 20.5, 35 20.5, 35 25.5, -5 25.5, -5 20.5))");
        Geometry g = SimplePolygonClipper.intersection(u, bar);
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(g.getArea()).isCloseTo(100, within(1e-6));
    }
}
