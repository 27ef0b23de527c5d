package org.gengbao.spatial.geom;

import java.util.List;
import java.util.function.Function;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.SpatialInputException.Location;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Validation with the area-preserving repair policy: an invalid polygon is replaced by {@link GeometryFixer}'s result
 * only if that result encloses the same area as the input's rings (shell minus holes, shoelace formula), within a
 * relative tolerance; otherwise the validation error is reported with its location.
 */
final class PolygonRepair {
    private PolygonRepair() {}

    static Geometry validate(
            Geometry g, Function<Coordinate, Location> toLonLat, List<Repair> repairs, double relativeTolerance) {
        IsValidOp op = new IsValidOp(g);
        if (op.isValid()) {
            return g;
        }
        TopologyValidationError error = op.getValidationError();
        Location at = toLonLat.apply(error.getCoordinate());
        Geometry fixed = GeometryFixer.fix(g);
        double ringArea = ringArea(g);
        if (fixed instanceof Polygonal
                && !fixed.isEmpty()
                && Math.abs(fixed.getArea() - ringArea) <= relativeTolerance * ringArea + 1e-6
                && fixed.isValid()) {
            repairs.add(describeRepair(g, fixed, error, at));
            return fixed;
        }
        if (g.getNumGeometries() > 1 && partsValid(g)) {
            throw new SpatialInputException(
                    "OVERLAPPING_PARTS",
                    "多面的各部分相互重叠" + (at == null ? "" : "（位置 " + at + "）") + "：请合并或分开提交",
                    "Parts of the multipolygon overlap" + (at == null ? "" : " at " + at)
                            + "; merge them or submit them separately",
                    at);
        }
        throw reject(error, at);
    }

    private static boolean partsValid(Geometry g) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!g.getGeometryN(i).isValid()) {
                return false;
            }
        }
        return true;
    }

    /** Σ over polygons of (|shell| − Σ|holes|), planar. */
    static double ringArea(Geometry g) {
        double sum = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (p.isEmpty()) {
                continue;
            }
            sum += Math.abs(Area.ofRingSigned(p.getExteriorRing().getCoordinateSequence()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                sum -= Math.abs(Area.ofRingSigned(p.getInteriorRingN(h).getCoordinateSequence()));
            }
        }
        return sum;
    }

    private static Repair describeRepair(Geometry before, Geometry after, TopologyValidationError e, Location at) {
        if (before.getNumGeometries() > after.getNumGeometries()) {
            return new Repair(
                    "ADJACENT_PARTS_MERGED",
                    "相邻的多边形部分共边，已合并为一个面",
                    "Parts sharing an edge were merged into one polygon",
                    at);
        }
        if (holes(after) > holes(before)) {
            return new Repair(
                    "SELF_TOUCHING_RING_SPLIT",
                    "环在一点自接触，已拆分为外环和内环（洞）",
                    "A ring touching itself at a point was split into a shell and a hole",
                    at);
        }
        if (e.getErrorType() == TopologyValidationError.SELF_INTERSECTION
                || e.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION) {
            return new Repair(
                    "SPIKE_REMOVED",
                    "删除了折返的尖刺（来回重叠的边），面积不变",
                    "Removed a spike (an edge doubling back on itself); the enclosed area is unchanged",
                    at);
        }
        return new Repair(
                "GEOMETRY_REPAIRED",
                "修复了无效几何（" + e.getMessage() + "），面积不变",
                "Repaired an invalid geometry (" + e.getMessage() + "); the enclosed area is unchanged",
                at);
    }

    private static int holes(Geometry g) {
        int n = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            n += ((Polygon) g.getGeometryN(i)).getNumInteriorRing();
        }
        return n;
    }

    private static SpatialInputException reject(TopologyValidationError e, Location at) {
        String where = at == null ? "" : " at " + at;
        String whereZh = at == null ? "" : "（位置 " + at + "）";
        return switch (e.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION ->
                new SpatialInputException(
                        "SELF_INTERSECTION",
                        "边界自相交" + whereZh + "：请重新勾绘，使边界线互不交叉",
                        "The outline crosses itself" + where + "; redraw it so that its edges do not cross",
                        at);
            case TopologyValidationError.NESTED_SHELLS ->
                new SpatialInputException(
                        "OVERLAPPING_PARTS",
                        "多面的各部分相互重叠" + whereZh + "：请合并或分开提交",
                        "Parts of the multipolygon overlap" + where + "; merge them or submit them separately",
                        at);
            case TopologyValidationError.HOLE_OUTSIDE_SHELL ->
                new SpatialInputException(
                        "HOLE_OUTSIDE_SHELL",
                        "内环（洞）位于外环之外" + whereZh,
                        "A hole lies outside its polygon's shell" + where,
                        at);
            case TopologyValidationError.NESTED_HOLES ->
                new SpatialInputException(
                        "NESTED_HOLES", "内环（洞）相互嵌套" + whereZh, "Holes are nested inside each other" + where, at);
            case TopologyValidationError.DISCONNECTED_INTERIOR ->
                new SpatialInputException(
                        "DISCONNECTED_INTERIOR",
                        "内环把面分割成了不相连的部分" + whereZh,
                        "Holes split the polygon's interior into disconnected pieces" + where,
                        at);
            default ->
                new SpatialInputException(
                        "GEOMETRY_INVALID",
                        "几何图形无效" + whereZh + "：" + e.getMessage(),
                        "The geometry is invalid" + where + ": " + e.getMessage(),
                        at);
        };
    }
}
