package org.gengbao.spatial.tile;

import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.crs.GaussKrugerProjection;
import org.gengbao.spatial.geom.Positions;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The map from a county's working Gauss-Krüger system to the <em>tile units</em> of one vector tile: 0 … extent from
 * the tile's western to its eastern edge and from its northern to its southern edge (y grows downwards, as in the MVT
 * specification). Each position goes the exact way — Gauss-Krüger inverse (Krüger's series) to CGCS2000 longitude and
 * latitude, then EPSG:3857 — so a parcel lands on the base map where PROJ would put it; no affine shortcut, whose error
 * over a zoom-12 tile would reach metres.
 */
public final class TileProjection {
    /** Longitudes farther than this from the zone's central meridian are not asked of the Gauss-Krüger series. */
    private static final double ZONE_REACH_DEG = 10;

    private static final int SAMPLES_PER_SIDE = 8;

    private final TileAddress tile;
    private final GaussKrugerProjection zone;
    private final int extent;
    private final double minXM;
    private final double maxYM;
    private final double unitsPerM;

    public TileProjection(TileAddress tile, GaussKrugerCrs working, int extent) {
        this.tile = tile;
        this.zone = GaussKrugerProjection.of(working);
        this.extent = extent;
        Envelope e = tile.mercatorEnvelope();
        this.minXM = e.getMinX();
        this.maxYM = e.getMaxY();
        this.unitsPerM = extent / tile.sizeM();
    }

    public TileAddress tile() {
        return tile;
    }

    public int extent() {
        return extent;
    }

    /**
     * Working easting, northing (m) → tile units.
     *
     * @param out receives {@code out[0] = x}, {@code out[1] = y} (y downwards)
     */
    public void toTile(double eastingM, double northingM, double[] out) {
        zone.inverseDegrees(eastingM, northingM, out);
        WebMercator.forward(out[0], out[1], out);
        out[0] = (out[0] - minXM) * unitsPerM;
        out[1] = (maxYM - out[1]) * unitsPerM;
    }

    /** A copy of {@code working} in tile units, built by {@code tileFactory} (whose precision model it gets). */
    public Geometry toTile(Geometry working, GeometryFactory tileFactory) {
        Geometry copy = tileFactory.createGeometry(working);
        Positions.mapInPlace(copy, this::toTile);
        return copy;
    }

    /**
     * The envelope, in the working system, of the tile widened by {@code bufferUnits} on every side: what a spatial
     * index is asked for. A tile is a longitude/latitude rectangle; in Gauss-Krüger its edges are curves (meridians
     * converge, parallels bow away from the equator towards the zone's edges), whose extremes lie at the corners or, for
     * northing along a parallel, at the central meridian. So the corners, the central meridian and points along each
     * edge are projected, and the result widened by a metre. Parts of a low-zoom tile farther than {@value
     * #ZONE_REACH_DEG}° from the central meridian are left out: a county's data lies within its zone.
     */
    public Envelope workingEnvelope(double bufferUnits) {
        double[] p = new double[2];
        WebMercator.inverse(minXM - bufferUnits / unitsPerM, maxYM + bufferUnits / unitsPerM, p);
        double west = p[0];
        double north = p[1];
        WebMercator.inverse(minXM + (extent + bufferUnits) / unitsPerM, maxYM - (extent + bufferUnits) / unitsPerM, p);
        double east = p[0];
        double south = p[1];
        double cm = zone.crs().centralMeridianDeg();
        west = Math.max(west, cm - ZONE_REACH_DEG);
        east = Math.min(east, cm + ZONE_REACH_DEG);
        Envelope out = new Envelope();
        if (west > east) {
            return out;
        }
        for (int i = 0; i <= SAMPLES_PER_SIDE; i++) {
            double lon = west + (east - west) * i / SAMPLES_PER_SIDE;
            double lat = south + (north - south) * i / SAMPLES_PER_SIDE;
            include(out, lon, north, p);
            include(out, lon, south, p);
            include(out, west, lat, p);
            include(out, east, lat, p);
        }
        if (west < cm && cm < east) {
            include(out, cm, north, p);
            include(out, cm, south, p);
        }
        out.expandBy(1.0);
        return out;
    }

    private void include(Envelope e, double lonDeg, double latDeg, double[] p) {
        zone.forwardDegrees(lonDeg, latDeg, p);
        e.expandToInclude(p[0], p[1]);
    }

    /**
     * The longitude/latitude envelope (degrees) of an envelope of a Gauss-Krüger zone: its outline is sampled, since
     * the edges bend in longitude/latitude.
     */
    public static Envelope lonLatEnvelope(Envelope working, GaussKrugerCrs crs) {
        GaussKrugerProjection zone = GaussKrugerProjection.of(crs);
        Envelope out = new Envelope();
        double[] p = new double[2];
        for (int i = 0; i <= SAMPLES_PER_SIDE; i++) {
            double x = working.getMinX() + working.getWidth() * i / SAMPLES_PER_SIDE;
            double y = working.getMinY() + working.getHeight() * i / SAMPLES_PER_SIDE;
            for (double[] q : new double[][] {
                {x, working.getMinY()}, {x, working.getMaxY()}, {working.getMinX(), y}, {working.getMaxX(), y}
            }) {
                zone.inverseDegrees(q[0], q[1], p);
                out.expandToInclude(p[0], p[1]);
            }
        }
        return out;
    }

    /** Ground metres of one tile unit at the tile's centre latitude. */
    public double groundMetresPerUnit() {
        return WebMercator.groundMetresPerProjectedMetre(tile.centreLatitudeDeg()) / unitsPerM;
    }
}
