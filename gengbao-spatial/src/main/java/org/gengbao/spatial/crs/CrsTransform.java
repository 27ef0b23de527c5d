package org.gengbao.spatial.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A transform between two CGCS2000 systems, applied to JTS geometries. Geographic systems are identical to each other
 * (EPSG:4326 is treated as CGCS2000); Gauss-Krüger zones are reached through geodetic coordinates.
 */
public final class CrsTransform {
    private final Crs source;
    private final Crs target;
    private final GaussKrugerProjection inverse;
    private final GaussKrugerProjection forward;

    private CrsTransform(Crs source, Crs target) {
        this.source = source;
        this.target = target;
        this.inverse = source instanceof GaussKrugerCrs gk ? GaussKrugerProjection.of(gk) : null;
        this.forward = target instanceof GaussKrugerCrs gk ? GaussKrugerProjection.of(gk) : null;
    }

    public static CrsTransform between(Crs source, Crs target) {
        return new CrsTransform(source, target);
    }

    public Crs source() {
        return source;
    }

    public Crs target() {
        return target;
    }

    /** True when coordinates do not change (same system, or two geographic aliases). */
    public boolean isIdentity() {
        return source.epsg() == target.epsg() || (source.isGeographic() && target.isGeographic());
    }

    /** Transforms one position in place: {@code xy[0]}, {@code xy[1]} in source units become target units. */
    public void apply(double[] xy) {
        if (isIdentity()) {
            return;
        }
        if (inverse != null) {
            inverse.inverseDegrees(xy[0], xy[1], xy);
        }
        if (forward != null) {
            forward.forwardDegrees(xy[0], xy[1], xy);
        }
    }

    /** A transformed copy of {@code geometry}, built by {@code targetFactory} (whose SRID it takes). */
    public Geometry apply(Geometry geometry, GeometryFactory targetFactory) {
        Geometry copy = targetFactory.createGeometry(geometry);
        if (!isIdentity()) {
            double[] xy = new double[2];
            copy.apply(new CoordinateSequenceFilter() {
                @Override
                public void filter(CoordinateSequence seq, int i) {
                    xy[0] = seq.getX(i);
                    xy[1] = seq.getY(i);
                    apply(xy);
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
        copy.setSRID(target.epsg());
        return copy;
    }
}
