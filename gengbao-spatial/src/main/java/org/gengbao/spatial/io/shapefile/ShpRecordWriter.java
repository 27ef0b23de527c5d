package org.gengbao.spatial.io.shapefile;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes .shp records and their .shx index as a stream; only the running bounding box is kept. Polygon shells are
 * written clockwise and holes counter-clockwise whatever their orientation in JTS; a MultiPolygon becomes one
 * multi-part record. A {@code null} or empty geometry becomes a null shape. Z and M are not written. The headers
 * (file length in 16-bit words, bounding box) are filled in on {@link #close()}.
 */
final class ShpRecordWriter implements Closeable {
    private final Path shpPath;
    private final Path shxPath;
    private final ShapeType type;
    private final OutputStream shp;
    private final OutputStream shx;
    private final Envelope bounds = new Envelope();
    private final ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    private long shpBytes = 100;
    private int records;

    ShpRecordWriter(Path shpPath, Path shxPath, ShapeType type) throws IOException {
        this.shpPath = shpPath;
        this.shxPath = shxPath;
        this.type = type;
        this.shp = new BufferedOutputStream(Files.newOutputStream(shpPath), 1 << 16);
        this.shx = new BufferedOutputStream(Files.newOutputStream(shxPath), 1 << 14);
        shp.write(new byte[100]);
        shx.write(new byte[100]);
    }

    /**
     * The record content (little-endian, from the shape type) of {@code g}.
     *
     * @throws IllegalArgumentException if {@code g} does not fit the shape type or has a non-finite coordinate
     */
    ByteBuffer encode(Geometry g) {
        if (g == null || g.isEmpty()) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0);
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new IllegalArgumentException("Coordinate " + c + " is not finite");
            }
        }
        return switch (type) {
            case POINT -> {
                if (!(g instanceof Point p)) {
                    throw wrongType(g);
                }
                yield ByteBuffer.allocate(20)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(1)
                        .putDouble(p.getX())
                        .putDouble(p.getY())
                        .flip();
            }
            case MULTIPOINT -> {
                if (!(g instanceof Point || g instanceof MultiPoint)) {
                    throw wrongType(g);
                }
                Coordinate[] pts = g.getCoordinates();
                ByteBuffer b = ByteBuffer.allocate(40 + 16 * pts.length).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(8);
                putBox(b, g.getEnvelopeInternal());
                b.putInt(pts.length);
                putPoints(b, pts);
                yield b.flip();
            }
            case POLYLINE -> {
                if (!(g instanceof LineString || g instanceof MultiLineString)) {
                    throw wrongType(g);
                }
                List<Coordinate[]> parts = new ArrayList<>();
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    if (!g.getGeometryN(i).isEmpty()) {
                        parts.add(g.getGeometryN(i).getCoordinates());
                    }
                }
                yield parts(3, parts, g.getEnvelopeInternal());
            }
            case POLYGON -> {
                if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
                    throw wrongType(g);
                }
                List<Coordinate[]> rings = new ArrayList<>();
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    Polygon p = (Polygon) g.getGeometryN(i);
                    if (p.isEmpty()) {
                        continue;
                    }
                    rings.add(oriented(p.getExteriorRing().getCoordinates(), false));
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        rings.add(oriented(p.getInteriorRingN(h).getCoordinates(), true));
                    }
                }
                yield parts(5, rings, g.getEnvelopeInternal());
            }
        };
    }

    /** Appends a record encoded by {@link #encode}. */
    void append(ByteBuffer content) throws IOException {
        int length = content.remaining();
        if ((shpBytes + 8 + length) / 2 > Integer.MAX_VALUE) {
            throw new IOException("The .shp would exceed the format's limit of 4 GiB");
        }
        int type = content.getInt(0);
        if (type != 0) {
            bounds.expandToInclude(content.getDouble(4), content.getDouble(12));
            if (type != 1) {
                bounds.expandToInclude(content.getDouble(20), content.getDouble(28));
            }
        }
        records++;
        head.clear().putInt(records).putInt(length / 2);
        shp.write(head.array());
        shp.write(content.array(), content.arrayOffset() + content.position(), length);
        head.clear().putInt((int) (shpBytes / 2)).putInt(length / 2);
        shx.write(head.array());
        shpBytes += 8 + length;
    }

    private static ByteBuffer parts(int shapeType, List<Coordinate[]> parts, Envelope env) {
        int points = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(shapeType);
        putBox(b, env);
        b.putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] p : parts) {
            b.putInt(start);
            start += p.length;
        }
        for (Coordinate[] p : parts) {
            putPoints(b, p);
        }
        return b.flip();
    }

    /** The ring clockwise (shell) or counter-clockwise (hole), as ESRI requires. */
    private static Coordinate[] oriented(Coordinate[] ring, boolean hole) {
        if (ring.length >= 4 && Orientation.isCCW(ring) != hole) {
            Coordinate[] r = ring.clone();
            CoordinateArrays.reverse(r);
            return r;
        }
        return ring;
    }

    private static void putBox(ByteBuffer b, Envelope e) {
        b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    }

    private static void putPoints(ByteBuffer b, Coordinate[] pts) {
        for (Coordinate c : pts) {
            b.putDouble(c.x).putDouble(c.y);
        }
    }

    private IllegalArgumentException wrongType(Geometry g) {
        return new IllegalArgumentException("A " + type + " shapefile cannot hold a " + g.getGeometryType());
    }

    @Override
    public void close() throws IOException {
        try (shp;
                shx) {
            shp.flush();
            shx.flush();
        }
        patchHeader(shpPath, shpBytes);
        patchHeader(shxPath, 100 + 8L * records);
    }

    private void patchHeader(Path path, long bytes) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(100);
        h.order(ByteOrder.BIG_ENDIAN).putInt(0, ShpRecordReader.FILE_CODE).putInt(24, (int) (bytes / 2));
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type.code());
        if (!bounds.isNull()) {
            h.putDouble(36, bounds.getMinX()).putDouble(44, bounds.getMinY());
            h.putDouble(52, bounds.getMaxX()).putDouble(60, bounds.getMaxY());
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.write(h, 0);
        }
    }
}
