package org.gengbao.spatial.geom;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gengbao.spatial.crs.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The precision of working geometries: Gauss-Krüger metres rounded to a 1 mm grid at intake. Geometry factories carry
 * a floating precision model on purpose, so overlay does not snap-round by default; the grid is applied explicitly by
 * {@link #roundToGrid}.
 */
public final class WorkingPrecision {
    /** Grid size of working coordinates, metres. */
    public static final double GRID_M = 0.001;
    /** The 1 mm grid as a JTS precision model (scale 1000 per metre), used for rounding and snap-rounding. */
    public static final PrecisionModel MILLIMETRE_GRID = new PrecisionModel(1.0 / GRID_M);

    private static final Map<Integer, GeometryFactory> FACTORIES = new ConcurrentHashMap<>();

    private WorkingPrecision() {}

    /** The shared factory for geometries in {@code crs} (floating precision model, SRID = EPSG code). */
    public static GeometryFactory factory(Crs crs) {
        return FACTORIES.computeIfAbsent(crs.epsg(), srid -> new GeometryFactory(new PrecisionModel(), srid));
    }

    /** Rounds every coordinate of {@code geometry} in place to the 1 mm grid. */
    public static void roundToGrid(Geometry geometry) {
        Positions.mapInPlace(geometry, (x, y, out) -> {
            out[0] = MILLIMETRE_GRID.makePrecise(x);
            out[1] = MILLIMETRE_GRID.makePrecise(y);
        });
    }
}
