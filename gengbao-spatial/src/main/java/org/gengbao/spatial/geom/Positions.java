package org.gengbao.spatial.geom;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** Moves every position of a geometry in place by a mapping of x, y (a projection, a rounding). */
public final class Positions {
    /** Where a position goes. */
    @FunctionalInterface
    public interface Mapping {
        /** Writes the new x and y of ({@code x}, {@code y}) to {@code out[0]}, {@code out[1]}. */
        void map(double x, double y, double[] out);
    }

    private Positions() {}

    /** Applies {@code mapping} to every position of {@code geometry} (which must not be shared). */
    public static void mapInPlace(Geometry geometry, Mapping mapping) {
        double[] xy = new double[2];
        geometry.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                mapping.map(seq.getX(i), seq.getY(i), xy);
                seq.setOrdinate(i, 0, xy[0]);
                seq.setOrdinate(i, 1, xy[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
    }
}
