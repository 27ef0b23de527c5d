package org.gengbao.spatial.io.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class PolygonAssemblerTest {
    static final GeometryFactory GF = new GeometryFactory();

    /** A square ring, clockwise ({@code cw}) or counter-clockwise. */
    static Coordinate[] square(double x, double y, double size, boolean cw) {
        Coordinate[] c = {
            new Coordinate(x, y),
            new Coordinate(x, y + size),
            new Coordinate(x + size, y + size),
            new Coordinate(x + size, y),
            new Coordinate(x, y)
        };
        if (!cw) {
            java.util.Collections.reverse(java.util.Arrays.asList(c));
        }
        return c;
    }

    @Test
    void holeGoesToTheSmallestContainingShell() {
        // outer shell, its hole (a lake), an island in the lake, a pond in the island
        Geometry g = PolygonAssembler.assemble(
                List.of(
                        square(0, 0, 100, true),
                        square(20, 20, 60, false),
                        square(30, 30, 40, true),
                        square(40, 40, 10, false)),
                GF);
        assertThat(g.getGeometryType()).isEqualTo("MultiPolygon");
        Polygon outer = (Polygon) g.getGeometryN(0);
        Polygon island = (Polygon) g.getGeometryN(1);
        assertThat(outer.getNumInteriorRing()).isEqualTo(1);
        assertThat(outer.getInteriorRingN(0).getEnvelopeInternal().getWidth()).isEqualTo(60);
        assertThat(island.getNumInteriorRing()).isEqualTo(1);
        assertThat(island.getInteriorRingN(0).getEnvelopeInternal().getWidth()).isEqualTo(10);
        assertThat(g.isValid()).isTrue();
    }

    @Test
    void holeTouchingItsShellIsStillAssigned() {
        Coordinate[] hole = {
            new Coordinate(0, 0), new Coordinate(5, 2), new Coordinate(5, 5), new Coordinate(2, 5), new Coordinate(0, 0)
        };
        Geometry g = PolygonAssembler.assemble(List.of(square(0, 0, 10, true), hole), GF);
        assertThat(g.getGeometryType()).isEqualTo("Polygon");
        assertThat(((Polygon) g).getNumInteriorRing()).isEqualTo(1);
    }

    @Test
    void orphanHolesBecomeShells() {
        Geometry g = PolygonAssembler.assemble(List.of(square(0, 0, 10, true), square(50, 50, 5, false)), GF);
        assertThat(g.getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(((Polygon) g.getGeometryN(1)).getNumInteriorRing()).isZero();
        // a single counter-clockwise ring is a polygon, not nothing
        assertThat(PolygonAssembler.assemble(List.<Coordinate[]>of(square(0, 0, 1, false)), GF)
                        .getGeometryType())
                .isEqualTo("Polygon");
        assertThat(PolygonAssembler.assemble(List.of(), GF).isEmpty()).isTrue();
    }

    /** A Polygon record (type 5) with the given parts. */
    static ByteBuffer polygonRecord(List<double[]> parts) {
        int points = parts.stream().mapToInt(p -> p.length / 2).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(5)
                .putDouble(0)
                .putDouble(0)
                .putDouble(0)
                .putDouble(0)
                .putInt(parts.size())
                .putInt(points);
        int start = 0;
        for (double[] p : parts) {
            b.putInt(start);
            start += p.length / 2;
        }
        for (double[] p : parts) {
            for (double v : p) {
                b.putDouble(v);
            }
        }
        return b.flip();
    }

    @Test
    void decoderClosesOpenRingsAndDropsDegenerateOnes() {
        List<double[]> parts = new ArrayList<>();
        parts.add(new double[] {0, 0, 0, 10, 10, 10, 10, 0}); // clockwise, not closed
        parts.add(new double[] {3, 3, 4, 4, 3, 3}); // a spike of zero area
        Geometry g = ShpGeometryDecoder.decode(polygonRecord(parts), GF);
        assertThat(g.getGeometryType()).isEqualTo("Polygon");
        assertThat(g.getNumPoints()).isEqualTo(5);
        assertThat(g.getArea()).isEqualTo(100);
    }

    @Test
    void decoderReadsZAndMVariantsIn2d() {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(11).putDouble(1).putDouble(2).putDouble(3).putDouble(4).flip();
        Geometry p = ShpGeometryDecoder.decode(b, GF);
        assertThat(p.getCoordinate().x).isEqualTo(1);
        assertThat(Double.isNaN(p.getCoordinate().getZ())).isTrue();
    }
}
