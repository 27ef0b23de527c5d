package org.gengbao.spatial.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.testing.TinyCounty;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Overlay never lets a TopologyException escape, and keeps area relations, on the configurations that break naive
 * overlay: nearly coincident edges, vertices a hair off each other's edges, shared boundaries.
 */
class RobustOverlayTest {
    private static final GeometryFactory F = WorkingPrecision.factory(TinyCounty.CRS);

    /** A polygon with vertices on a 1 m lattice nudged by up to {@code jitter} metres: edges nearly coincide often. */
    private static Polygon lattice(Random r, double x0, double y0, int n, double jitter) {
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double x = Math.rint(x0 + 20 * Math.cos(a) * (0.6 + 0.4 * r.nextDouble()));
            double y = Math.rint(y0 + 20 * Math.sin(a) * (0.6 + 0.4 * r.nextDouble()));
            c[i] = new Coordinate(
                    TinyCounty.X0 + x + (r.nextDouble() - 0.5) * jitter,
                    TinyCounty.Y0 + y + (r.nextDouble() - 0.5) * jitter);
        }
        c[n] = c[0].copy();
        Polygon p = F.createPolygon(c);
        return p.isValid() ? p : (Polygon) p.convexHull();
    }

    @Test
    void nearlyCoincidentInputsNeverThrowAndKeepAreas() {
        Random r = new Random(8);
        for (int k = 0; k < 3_000; k++) {
            double jitter = k % 3 == 0 ? 0 : k % 3 == 1 ? 1e-9 : 1e-6;
            Polygon a = lattice(r, 0, 0, 4 + r.nextInt(12), jitter);
            Polygon b = lattice(r, r.nextInt(10), r.nextInt(10), 4 + r.nextInt(12), jitter);
            Geometry i = RobustOverlay.intersection(a, b);
            Geometry d = RobustOverlay.difference(a, b);
            Geometry u = RobustOverlay.union(List.of(a, b));
            double tol = 1e-6 * (a.getArea() + b.getArea());
            assertThat(i.getArea()).isLessThanOrEqualTo(Math.min(a.getArea(), b.getArea()) + tol);
            assertThat(i.getArea() + d.getArea()).as("pair %d", k).isCloseTo(a.getArea(), within(tol));
            assertThat(u.getArea()).as("pair %d", k).isCloseTo(a.getArea() + b.getArea() - i.getArea(), within(tol));
        }
    }

    @Test
    void sharedBoundariesGiveCleanResults() {
        Geometry left = TinyCounty.box(0, 0, 10, 10);
        Geometry right = TinyCounty.box(10, 0, 20, 10);
        assertThat(RobustOverlay.intersection(left, right).getArea()).isZero();
        assertThat(RobustOverlay.union(List.of(left, right)).getArea()).isCloseTo(200, within(1e-9));
        assertThat(RobustOverlay.difference(left, left).isEmpty()).isTrue();
        assertThat(RobustOverlay.intersection(left, left)).isSameAs(left);
    }
}
