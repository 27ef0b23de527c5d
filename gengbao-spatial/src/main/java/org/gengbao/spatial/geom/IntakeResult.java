package org.gengbao.spatial.geom;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A geometry accepted by {@link GeometryIntake}: valid, in the working Gauss-Krüger system, on the 1 mm grid.
 *
 * @param repairs what was changed to make it valid (empty when nothing was)
 */
public record IntakeResult(Geometry geometry, List<Repair> repairs) {
    public IntakeResult {
        repairs = List.copyOf(repairs);
    }
}
