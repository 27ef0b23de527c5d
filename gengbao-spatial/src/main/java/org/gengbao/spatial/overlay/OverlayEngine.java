package org.gengbao.spatial.overlay;

import java.time.LocalDate;
import org.gengbao.spatial.area.AreaMethod;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.locationtech.jts.geom.Geometry;

/**
 * Measures a patch against the reference layers in force on a date. Implementations are thread-safe.
 *
 * <p>The patch must be a valid Polygon or MultiPolygon in {@link #workingCrs()} (as produced by {@code
 * geom.GeometryIntake}).
 */
public interface OverlayEngine {

    OverlayMeasurements measure(Geometry patch, LocalDate asOf);

    GaussKrugerCrs workingCrs();

    /** How this engine measures areas. */
    AreaMethod areaMethod();
}
