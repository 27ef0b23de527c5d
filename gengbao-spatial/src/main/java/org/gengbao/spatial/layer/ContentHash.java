package org.gengbao.spatial.layer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * The SHA-256 of a layer's content, independent of how it was delivered: the same features read from a Shapefile, a
 * GeoPackage or a GeoJSON file hash alike.
 *
 * <p>Each feature is digested as the big-endian 2D WKB of its {@linkplain Geometry#norm() normalised} geometry (a
 * one-part MultiPolygon as its Polygon; shells clockwise, holes counter-clockwise, each ring starting at its least
 * vertex), followed by its non-null attributes sorted by name as {@code name=value} lines, where decimals are written
 * without trailing zeros and dates as ISO-8601. The layer hash covers the kind, the EPSG code of the working system
 * and the sorted feature digests, so feature order does not matter.
 */
public final class ContentHash {
    private ContentHash() {}

    public static String of(LayerKind kind, GaussKrugerCrs crs, List<ReferenceFeature> features) {
        List<byte[]> digests = new ArrayList<>(features.size());
        for (ReferenceFeature f : features) {
            digests.add(featureDigest(f.geometry(), f.attributes()));
        }
        digests.sort(java.util.Arrays::compare);
        MessageDigest layer = sha256();
        layer.update((kind.id() + "\n" + crs.epsg() + "\n").getBytes(StandardCharsets.UTF_8));
        for (byte[] d : digests) {
            layer.update(d);
        }
        return HexFormat.of().formatHex(layer.digest());
    }

    static byte[] featureDigest(Geometry geometry, Map<String, Object> attributes) {
        MessageDigest md = sha256();
        Geometry g = geometry instanceof MultiPolygon mp && mp.getNumGeometries() == 1 ? mp.getGeometryN(0) : geometry;
        md.update(new WKBWriter(2, ByteOrderValues.BIG_ENDIAN).write(g.norm()));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : new TreeMap<>(attributes).entrySet()) {
            if (e.getValue() != null) {
                sb.append('\n').append(e.getKey()).append('=').append(canonical(e.getValue()));
            }
        }
        md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }

    /** The canonical text of an attribute value. */
    public static String canonical(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double d) {
            return canonical(BigDecimal.valueOf(d));
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return String.valueOf(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
