package org.gengbao.spatial.tile;

import org.locationtech.jts.geom.Envelope;

/**
 * One tile of the web map's pyramid (the "XYZ" scheme of OpenStreetMap, Google and OpenLayers): zoom {@code z} splits
 * the square EPSG:3857 world into 2^z × 2^z tiles, {@code x} counted eastwards from 180° W and {@code y} southwards
 * from the northern edge (85.05° N).
 */
public record TileAddress(int z, int x, int y) {
    /** The deepest zoom served: tiles of about 2.4 m at the equator. */
    public static final int MAX_ZOOM = 24;

    public TileAddress {
        if (!isValid(z, x, y)) {
            throw new IllegalArgumentException("no tile " + z + "/" + x + "/" + y);
        }
    }

    /** Whether z is 0…{@link #MAX_ZOOM} and x, y are 0…2^z − 1. */
    public static boolean isValid(long z, long x, long y) {
        if (z < 0 || z > MAX_ZOOM) {
            return false;
        }
        long n = 1L << z;
        return x >= 0 && x < n && y >= 0 && y < n;
    }

    /** The tile of zoom {@code z} that contains a longitude and latitude (degrees). */
    public static TileAddress containing(double lonDeg, double latDeg, int z) {
        double[] m = new double[2];
        WebMercator.forward(lonDeg, latDeg, m);
        int n = 1 << z;
        double size = sizeM(z);
        int x = (int) Math.floor((m[0] + WebMercator.HALF_WORLD_M) / size);
        int y = (int) Math.floor((WebMercator.HALF_WORLD_M - m[1]) / size);
        return new TileAddress(z, Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y)));
    }

    /** The tiles of zoom {@code z} that a longitude/latitude envelope (degrees) touches, row by row from the north-west. */
    public static java.util.List<TileAddress> covering(Envelope lonLat, int z) {
        TileAddress nw = containing(lonLat.getMinX(), lonLat.getMaxY(), z);
        TileAddress se = containing(lonLat.getMaxX(), lonLat.getMinY(), z);
        java.util.List<TileAddress> tiles = new java.util.ArrayList<>();
        for (int y = nw.y(); y <= se.y(); y++) {
            for (int x = nw.x(); x <= se.x(); x++) {
                tiles.add(new TileAddress(z, x, y));
            }
        }
        return tiles;
    }

    /** The width (= height) of a tile of zoom {@code z} in EPSG:3857 metres. */
    public static double sizeM(int z) {
        return 2 * WebMercator.HALF_WORLD_M / (1L << z);
    }

    /** The width (= height) of this tile in EPSG:3857 metres. */
    public double sizeM() {
        return sizeM(z);
    }

    /** This tile's bounds in EPSG:3857 metres. */
    public Envelope mercatorEnvelope() {
        double size = sizeM();
        double minX = -WebMercator.HALF_WORLD_M + x * size;
        double maxY = WebMercator.HALF_WORLD_M - y * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    /** The latitude of the tile's centre, degrees. */
    public double centreLatitudeDeg() {
        double[] ll = new double[2];
        Envelope e = mercatorEnvelope();
        WebMercator.inverse(e.centre().x, e.centre().y, ll);
        return ll[1];
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
