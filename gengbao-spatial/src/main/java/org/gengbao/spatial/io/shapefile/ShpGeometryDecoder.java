package org.gengbao.spatial.io.shapefile;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Decodes the content of one .shp record (little-endian, starting at the shape type) into a JTS geometry: null shape →
 * {@code null}; (Multi)Point, PolyLine and Polygon with their Z and M variants, whose Z and M values are dropped.
 * Polygon rings that are not closed are closed; rings with fewer than four points after that (zero area) are dropped;
 * a line part of a single point is doubled, because JTS has no one-point line. MultiPatch is not supported.
 */
final class ShpGeometryDecoder {
    private ShpGeometryDecoder() {}

    /** A record whose content contradicts itself; the reader adds file and record to the message. */
    static final class BadRecord extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String zh;

        BadRecord(String zh, String en) {
            super(en, null, false, false);
            this.zh = zh;
        }
    }

    static Geometry decode(ByteBuffer b, GeometryFactory gf) {
        int type = b.getInt();
        return switch (type) {
            case 0 -> null;
            case 1, 11, 21 -> gf.createPoint(new Coordinate(b.getDouble(), b.getDouble()));
            case 8, 18, 28 -> multiPoint(b, gf);
            case 3, 13, 23 -> polyline(b, gf);
            case 5, 15, 25 -> polygon(b, gf);
            case 31 -> throw new BadRecord("是多面体（MultiPatch），不受支持", "is a MultiPatch, which is not supported");
            default -> throw new BadRecord("的图形类型 " + type + " 无效", "has the invalid shape type " + type);
        };
    }

    private static Geometry multiPoint(ByteBuffer b, GeometryFactory gf) {
        skip(b, 32);
        int n = b.getInt();
        if (n < 0 || (long) n * 16 > b.remaining()) {
            throw new BadRecord("的点数 " + n + " 与记录长度不符", "declares " + n + " points, more than it holds");
        }
        Coordinate[] pts = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            pts[i] = new Coordinate(b.getDouble(), b.getDouble());
        }
        return gf.createMultiPointFromCoords(pts);
    }

    private static Geometry polyline(ByteBuffer b, GeometryFactory gf) {
        List<Coordinate[]> parts = parts(b);
        List<LineString> lines = new ArrayList<>();
        for (Coordinate[] p : parts) {
            lines.add(gf.createLineString(p.length == 1 ? new Coordinate[] {p[0], p[0].copy()} : p));
        }
        if (lines.isEmpty()) {
            return gf.createLineString();
        }
        return lines.size() == 1 ? lines.get(0) : gf.createMultiLineString(lines.toArray(LineString[]::new));
    }

    private static Geometry polygon(ByteBuffer b, GeometryFactory gf) {
        List<Coordinate[]> rings = new ArrayList<>();
        for (Coordinate[] p : parts(b)) {
            Coordinate[] ring = p;
            if (!p[0].equals2D(p[p.length - 1])) {
                ring = new Coordinate[p.length + 1];
                System.arraycopy(p, 0, ring, 0, p.length);
                ring[p.length] = p[0].copy();
            }
            if (ring.length >= 4) {
                rings.add(ring);
            }
        }
        return PolygonAssembler.assemble(rings, gf);
    }

    /** The non-empty parts of a PolyLine/Polygon record. */
    private static List<Coordinate[]> parts(ByteBuffer b) {
        skip(b, 32);
        int numParts = b.getInt();
        int numPoints = b.getInt();
        if (numParts < 0 || numPoints < 0 || (long) numParts * 4 + (long) numPoints * 16 > b.remaining()) {
            throw new BadRecord(
                    "声明的部件数 " + numParts + " 或点数 " + numPoints + " 与记录长度不符",
                    "declares " + numParts + " parts and " + numPoints + " points, more than it holds");
        }
        int[] starts = new int[numParts + 1];
        for (int i = 0; i < numParts; i++) {
            starts[i] = b.getInt();
        }
        starts[numParts] = numPoints;
        if (numParts > 0) {
            starts[0] = 0;
        }
        for (int i = 0; i < numParts; i++) {
            if (starts[i] < 0 || starts[i] > starts[i + 1]) {
                throw new BadRecord("的部件索引无效", "has invalid part indexes");
            }
        }
        Coordinate[] all = new Coordinate[numPoints];
        for (int i = 0; i < numPoints; i++) {
            all[i] = new Coordinate(b.getDouble(), b.getDouble());
        }
        List<Coordinate[]> parts = new ArrayList<>(numParts);
        for (int i = 0; i < numParts; i++) {
            int len = starts[i + 1] - starts[i];
            if (len > 0) {
                Coordinate[] p = new Coordinate[len];
                System.arraycopy(all, starts[i], p, 0, len);
                parts.add(p);
            }
        }
        return parts;
    }

    private static void skip(ByteBuffer b, int n) {
        if (b.remaining() < n) {
            throw new BufferUnderflowException();
        }
        b.position(b.position() + n);
    }
}
