package org.gengbao.spatial.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A planar subdivision built from shared edges, so that neighbouring polygons always have exactly the same vertices
 * along their common boundary (a gap-free, overlap-free, exactly noded coverage). A face is a ring of half-edges, each a
 * parameter range of a shared {@link Edge}; splitting a face inserts the cut points into the crossed edges, where every
 * face using those edges sees them. All points are on the 1 mm grid.
 */
final class PlanarGraph {

    /** A point on the 1 mm grid; equal points are equal records. */
    record Pt(double x, double y) {
        static Pt of(double x, double y) {
            return new Pt(Math.round(x * 1000.0) / 1000.0, Math.round(y * 1000.0) / 1000.0);
        }
    }

    /** A straight edge from a to b with points inserted along it, keyed by their parameter in (0, 1). */
    static final class Edge {
        final Pt a;
        final Pt b;
        final NavigableMap<Double, Pt> inner = new TreeMap<>();

        Edge(Pt a, Pt b) {
            this.a = a;
            this.b = b;
        }

        Pt at(double t) {
            return t == 0.0 ? a : t == 1.0 ? b : inner.get(t);
        }
    }

    /** The part [t0, t1] of an edge, traversed from t0 to t1 when forward, from t1 to t0 otherwise. */
    record Half(Edge edge, boolean forward, double t0, double t1) {}

    /** A polygon face: a counter-clockwise ring of halves, with a tag for its owner's data. */
    static final class Face {
        final List<Half> ring;
        Object tag;

        Face(List<Half> ring) {
            this.ring = ring;
        }
    }

    private record Key(Pt p, Pt q) {}

    private final Map<Key, Edge> edges = new HashMap<>();

    /** A face from counter-clockwise vertices (without the closing one); repeated consecutive points are skipped. */
    Face face(List<Pt> vertices) {
        List<Pt> pts = new ArrayList<>();
        for (Pt p : vertices) {
            if (pts.isEmpty() || !pts.get(pts.size() - 1).equals(p)) {
                pts.add(p);
            }
        }
        while (pts.size() > 1 && pts.get(0).equals(pts.get(pts.size() - 1))) {
            pts.remove(pts.size() - 1);
        }
        if (pts.size() < 3) {
            return null;
        }
        List<Half> ring = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            ring.add(half(pts.get(i), pts.get((i + 1) % pts.size())));
        }
        return new Face(ring);
    }

    private Half half(Pt p, Pt q) {
        Edge e = edges.get(new Key(q, p));
        if (e != null) {
            return new Half(e, false, 0, 1);
        }
        e = edges.computeIfAbsent(new Key(p, q), k -> new Edge(p, q));
        return new Half(e, true, 0, 1);
    }

    /** The ring's vertices in order, without the closing vertex. */
    static List<Pt> vertices(Face f) {
        List<Pt> out = new ArrayList<>();
        for (Half h : f.ring) {
            appendVertices(h, out);
        }
        return out;
    }

    private static void appendVertices(Half h, List<Pt> out) {
        NavigableMap<Double, Pt> between = h.edge.inner.subMap(h.t0, false, h.t1, false);
        if (h.forward) {
            out.add(h.edge.at(h.t0));
            out.addAll(between.values());
        } else {
            out.add(h.edge.at(h.t1));
            out.addAll(between.descendingMap().values());
        }
    }

    static Polygon polygon(Face f, GeometryFactory factory) {
        List<Pt> v = vertices(f);
        Coordinate[] c = new Coordinate[v.size() + 1];
        for (int i = 0; i < v.size(); i++) {
            c[i] = new Coordinate(v.get(i).x(), v.get(i).y());
        }
        c[v.size()] = c[0].copy();
        return factory.createPolygon(c);
    }

    /** Planar (shoelace) area of a face, relative to its first vertex for precision. */
    static double area(Face f) {
        List<Pt> v = vertices(f);
        double x0 = v.get(0).x();
        double y0 = v.get(0).y();
        double s = 0;
        for (int i = 0; i < v.size(); i++) {
            Pt p = v.get(i);
            Pt q = v.get((i + 1) % v.size());
            s += (p.x() - x0) * (q.y() - y0) - (q.x() - x0) * (p.y() - y0);
        }
        return s / 2;
    }

    /**
     * Splits a face by the line through (px, py) with direction (dx, dy); the cut gets the given intermediate points
     * (offsets along its normal at parameters 1/3 and 2/3, for a slightly irregular boundary). Returns the two faces,
     * or {@code null} when the line does not cross the ring cleanly at exactly two places at least {@code minGap}
     * metres from its vertices.
     */
    Face[] split(Face f, double px, double py, double dx, double dy, double minGap, double[] wiggle) {
        List<Crossing> crossings = new ArrayList<>();
        for (int h = 0; h < f.ring.size(); h++) {
            Half half = f.ring.get(h);
            List<Double> ts = params(half);
            for (int k = 0; k + 1 < ts.size(); k++) {
                Pt p = half.edge.at(ts.get(k));
                Pt q = half.edge.at(ts.get(k + 1));
                double sp = dx * (p.y() - py) - dy * (p.x() - px);
                double sq = dx * (q.y() - py) - dy * (q.x() - px);
                if (sp == 0 || sq == 0) {
                    return null;
                }
                if ((sp < 0) != (sq < 0)) {
                    double s = sp / (sp - sq);
                    double x = p.x() + s * (q.x() - p.x());
                    double y = p.y() + s * (q.y() - p.y());
                    Pt c = Pt.of(x, y);
                    if (dist(c, p) < minGap || dist(c, q) < minGap) {
                        return null;
                    }
                    double t = ts.get(k) + s * (ts.get(k + 1) - ts.get(k));
                    crossings.add(new Crossing(h, t, c));
                }
            }
        }
        if (crossings.size() != 2 || crossings.get(0).half == crossings.get(1).half) {
            return null;
        }
        for (Crossing c : crossings) {
            Edge e = f.ring.get(c.half).edge;
            if (e.inner.containsKey(c.t) || c.t <= 0 || c.t >= 1) {
                return null;
            }
        }
        Crossing c1 = crossings.get(0);
        Crossing c2 = crossings.get(1);
        c1.insert(f);
        c2.insert(f);
        Edge cut = new Edge(c1.point, c2.point);
        double len = dist(c1.point, c2.point);
        double nx = -(c2.point.y() - c1.point.y()) / len;
        double ny = (c2.point.x() - c1.point.x()) / len;
        for (int i = 0; i < wiggle.length; i++) {
            double t = (i + 1.0) / (wiggle.length + 1.0);
            cut.inner.put(
                    t,
                    Pt.of(
                            c1.point.x() + t * (c2.point.x() - c1.point.x()) + nx * wiggle[i],
                            c1.point.y() + t * (c2.point.y() - c1.point.y()) + ny * wiggle[i]));
        }
        List<Half> a = new ArrayList<>();
        a.add(after(f.ring.get(c1.half), c1.t));
        for (int h = c1.half + 1; h < c2.half; h++) {
            a.add(f.ring.get(h));
        }
        a.add(before(f.ring.get(c2.half), c2.t));
        a.add(new Half(cut, false, 0, 1));
        List<Half> b = new ArrayList<>();
        b.add(after(f.ring.get(c2.half), c2.t));
        int n = f.ring.size();
        for (int h = (c2.half + 1) % n; h != c1.half; h = (h + 1) % n) {
            b.add(f.ring.get(h));
        }
        b.add(before(f.ring.get(c1.half), c1.t));
        b.add(new Half(cut, true, 0, 1));
        Face fa = new Face(a);
        Face fb = new Face(b);
        fa.tag = f.tag;
        fb.tag = f.tag;
        return new Face[] {fa, fb};
    }

    private record Crossing(int half, double t, Pt point) {
        void insert(Face f) {
            f.ring.get(half).edge.inner.put(t, point);
        }
    }

    /** The edge parameters of a half's vertices in traversal order, both ends included. */
    private static List<Double> params(Half h) {
        List<Double> ts = new ArrayList<>();
        ts.add(h.t0);
        ts.addAll(h.edge.inner.subMap(h.t0, false, h.t1, false).keySet());
        ts.add(h.t1);
        if (!h.forward) {
            java.util.Collections.reverse(ts);
        }
        return ts;
    }

    /** The part of a half traversed before reaching parameter t. */
    private static Half before(Half h, double t) {
        return h.forward ? new Half(h.edge, true, h.t0, t) : new Half(h.edge, false, t, h.t1);
    }

    /** The part of a half traversed after parameter t. */
    private static Half after(Half h, double t) {
        return h.forward ? new Half(h.edge, true, t, h.t1) : new Half(h.edge, false, h.t0, t);
    }

    private static double dist(Pt p, Pt q) {
        return Math.hypot(p.x() - q.x(), p.y() - q.y());
    }
}
