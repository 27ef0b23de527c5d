package org.gengbao.spatial.generate;

import java.util.List;
import org.gengbao.spatial.generate.PlanarGraph.Pt;

/** Area of the part of a polygon on the left of a directed line (Sutherland–Hodgman clip, shoelace). */
final class HalfPlane {
    private HalfPlane() {}

    static double area(List<Pt> ring, double px, double py, double dx, double dy) {
        int n = ring.size();
        double x0 = ring.get(0).x();
        double y0 = ring.get(0).y();
        double sum = 0;
        double firstX = Double.NaN;
        double firstY = 0;
        double lastX = Double.NaN;
        double lastY = 0;
        for (int k = 0; k < n; k++) {
            Pt p = ring.get(k);
            Pt q = ring.get((k + 1) % n);
            double sp = dx * (p.y() - py) - dy * (p.x() - px);
            double sq = dx * (q.y() - py) - dy * (q.x() - px);
            if (sp >= 0) {
                double[] xy = {p.x() - x0, p.y() - y0};
                if (Double.isNaN(firstX)) {
                    firstX = xy[0];
                    firstY = xy[1];
                } else {
                    sum += lastX * xy[1] - xy[0] * lastY;
                }
                lastX = xy[0];
                lastY = xy[1];
            }
            if ((sp >= 0) != (sq >= 0)) {
                double s = sp / (sp - sq);
                double x = p.x() + s * (q.x() - p.x()) - x0;
                double y = p.y() + s * (q.y() - p.y()) - y0;
                if (Double.isNaN(firstX)) {
                    firstX = x;
                    firstY = y;
                } else {
                    sum += lastX * y - x * lastY;
                }
                lastX = x;
                lastY = y;
            }
        }
        if (Double.isNaN(firstX)) {
            return 0;
        }
        sum += lastX * firstY - firstX * lastY;
        return Math.abs(sum / 2);
    }
}
