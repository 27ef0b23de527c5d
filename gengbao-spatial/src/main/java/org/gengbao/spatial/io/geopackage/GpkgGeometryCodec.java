package org.gengbao.spatial.io.geopackage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * GeoPackage binary geometry (GeoPackage 1.x, clause 2.1.3): an 8-byte header — magic {@code "GP"}, version 0, a flags
 * byte, the srs_id — then an optional envelope, then standard WKB. Parsed here directly rather than through NGA's
 * {@code GeoPackageGeometryData}, which would build NGA simple-feature objects only to convert them to JTS again.
 *
 * <p>Decoding honours the header's byte order for its own fields, skips an envelope of any kind (XY, XYZ, XYM, XYZM),
 * and reads the WKB (either byte order, OGC or ISO Z/M type codes; Z and M are dropped by the 2-D factory) with JTS. The
 * empty flag is honoured: an empty point, which WKB can only write as NaN coordinates, becomes {@code POINT EMPTY}.
 * Extended geometry types (curves, flag bit 5) are refused.
 *
 * <p>Encoding writes little-endian headers and WKB, 2-D, with an XY envelope for every non-empty geometry except a
 * point (whose envelope is the point itself, as GDAL does). Not thread-safe (it holds a JTS reader and writer).
 */
final class GpkgGeometryCodec {
    private static final int ENVELOPE_XY = 1;
    private static final int FLAG_LITTLE_ENDIAN = 0x01;
    private static final int FLAG_EMPTY = 0x10;
    private static final int FLAG_EXTENDED = 0x20;

    private final WKBReader reader;
    private final WKBWriter writer = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
    private final GeometryFactory factory;

    GpkgGeometryCodec(GeometryFactory factory) {
        this.factory = factory;
        this.reader = new WKBReader(factory);
    }

    /** The GeoPackage binary of {@code g} with {@code srsId} in its header. */
    byte[] encode(Geometry g, int srsId) {
        byte[] wkb = writer.write(g);
        boolean empty = g.isEmpty();
        boolean withEnvelope = !empty && !(g instanceof Point);
        int flags = FLAG_LITTLE_ENDIAN | (withEnvelope ? ENVELOPE_XY << 1 : 0) | (empty ? FLAG_EMPTY : 0);
        ByteBuffer b =
                ByteBuffer.allocate(8 + (withEnvelope ? 32 : 0) + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) flags).putInt(srsId);
        if (withEnvelope) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX())
                    .putDouble(e.getMaxX())
                    .putDouble(e.getMinY())
                    .putDouble(e.getMaxY());
        }
        return b.put(wkb).array();
    }

    /**
     * The geometry of a GeoPackage binary blob.
     *
     * @throws IllegalArgumentException with an English description when the blob is not a geometry JTS can represent
     */
    Geometry decode(byte[] blob) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry (the blob does not start with \"GP\")");
        }
        int flags = blob[3] & 0xff;
        if ((flags & FLAG_EXTENDED) != 0) {
            throw new IllegalArgumentException("extended (non-standard, e.g. curved) geometry types are not supported");
        }
        int envelopeBytes =
                switch ((flags >> 1) & 0x07) {
                    case 0 -> 0;
                    case 1 -> 32;
                    case 2, 3 -> 48;
                    case 4 -> 64;
                    default -> throw new IllegalArgumentException("invalid envelope code in the geometry header");
                };
        int offset = 8 + envelopeBytes;
        if (blob.length <= offset) {
            throw new IllegalArgumentException("the geometry blob is truncated");
        }
        Geometry g;
        try {
            g = reader.read(Arrays.copyOfRange(blob, offset, blob.length));
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("invalid WKB: " + e.getMessage(), e);
        }
        if ((flags & FLAG_EMPTY) != 0 && g instanceof Point p && !p.isEmpty()) {
            return factory.createPoint();
        }
        if (g instanceof Point p && !p.isEmpty() && (Double.isNaN(p.getX()) || Double.isNaN(p.getY()))) {
            return factory.createPoint();
        }
        return g;
    }
}
