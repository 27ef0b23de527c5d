package org.gengbao.spatial.overlay;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;

/**
 * A part of the patch (covered by approvals, basic farmland, …) with its area, held as interior-disjoint parts so that
 * a union is only formed when an operation needs one. Set algebra skips overlay in the trivial cases: an empty region,
 * the whole patch, parts identical to a piece, containment and disjointness.
 */
final class Region {
    private final PatchClipper clip;
    private final List<Geometry> parts;
    private final double areaM2;
    private final boolean whole;
    private Geometry union;

    private Region(PatchClipper clip, List<Geometry> parts, double areaM2, boolean whole) {
        this.clip = clip;
        this.parts = parts;
        this.areaM2 = parts.isEmpty() ? 0.0 : areaM2;
        this.whole = whole;
    }

    static Region empty(PatchClipper clip) {
        return new Region(clip, List.of(), 0.0, false);
    }

    private static Region of(PatchClipper clip, Geometry g) {
        if (g == null || g.isEmpty()) {
            return empty(clip);
        }
        return new Region(clip, List.of(g), clip.area(g), g == clip.patch);
    }

    /**
     * The union of pieces. When no two pieces come from features whose interiors overlap (the normal case for a clean
     * layer), the area is the sum of the pieces' areas and no union is formed; otherwise the pieces are unioned so
     * that overlaps count once.
     */
    static Region unionOf(PatchClipper clip, List<Piece> pieces) {
        if (pieces.isEmpty()) {
            return empty(clip);
        }
        for (Piece p : pieces) {
            if (p.geometry() == clip.patch) {
                return new Region(clip, List.of(clip.patch), clip.patchAreaM2, true);
            }
        }
        if (pieces.size() == 1) {
            return new Region(
                    clip, List.of(pieces.get(0).geometry()), pieces.get(0).areaM2(), false);
        }
        boolean disjoint = true;
        for (int i = 0; i < pieces.size() && disjoint; i++) {
            for (int j = i + 1; j < pieces.size() && disjoint; j++) {
                Piece a = pieces.get(i);
                Piece b = pieces.get(j);
                disjoint = a.layer() == b.layer() && !a.layer().interiorsOverlap(a.feature(), b.feature());
            }
        }
        if (disjoint) {
            List<Geometry> parts = new ArrayList<>(pieces.size());
            double area = 0;
            for (Piece p : pieces) {
                parts.add(p.geometry());
                area += p.areaM2();
            }
            return new Region(clip, parts, area, false);
        }
        List<Geometry> all = new ArrayList<>(pieces.size());
        pieces.forEach(p -> all.add(p.geometry()));
        return of(clip, RobustOverlay.union(all));
    }

    double areaM2() {
        return areaM2;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    private Geometry geometry() {
        if (union == null) {
            union = parts.size() == 1 ? parts.get(0) : RobustOverlay.union(parts);
        }
        return union;
    }

    /** This ∩ other, part by part (parts of two disjoint decompositions intersect into a disjoint decomposition). */
    Region and(Region other) {
        if (isEmpty() || other.whole) {
            return this;
        }
        if (other.isEmpty() || whole) {
            return other;
        }
        List<Geometry> out = new ArrayList<>();
        double area = 0;
        for (Geometry p : parts) {
            Envelope env = p.getEnvelopeInternal();
            for (Geometry q : other.parts) {
                if (q.getEnvelopeInternal().intersects(env)) {
                    Geometry both = RobustOverlay.intersection(p, q);
                    if (!both.isEmpty()) {
                        out.add(both);
                        area += clip.area(both);
                    }
                }
            }
        }
        return new Region(clip, out, area, false);
    }

    Region or(Region other) {
        if (isEmpty() || other.whole) {
            return other;
        }
        if (other.isEmpty() || whole) {
            return this;
        }
        return of(clip, RobustOverlay.union(List.of(geometry(), other.geometry())));
    }

    /** This region without {@code other}: part by part, so disjoint parts stay disjoint and unions are avoided. */
    Region minus(Region other) {
        if (isEmpty() || other.isEmpty()) {
            return this;
        }
        if (other.whole) {
            return empty(clip);
        }
        List<Geometry> rest = new ArrayList<>(parts.size());
        double area = 0;
        for (Geometry part : parts) {
            Geometry left = other.subtractFrom(part);
            if (left != null && !left.isEmpty()) {
                rest.add(left);
                area += left == part ? clip.area(part) : clip.area(left);
            }
        }
        return new Region(clip, rest, area, false);
    }

    /** |piece − this|: the part of a piece outside this region. */
    double areaOutside(Piece piece) {
        return areaOutside(piece, List.of(this));
    }

    /** Σ |piece − this| over pieces. */
    double areaOutside(List<Piece> pieces) {
        double sum = 0;
        for (Piece piece : pieces) {
            sum += areaOutside(piece, List.of(this));
        }
        return sum;
    }

    /** Σ |piece − (a ∪ b)| over pieces, subtracting only the parts of a and b near each piece (no global union). */
    static double areaOutsideEither(List<Piece> pieces, Region a, Region b) {
        double sum = 0;
        for (Piece piece : pieces) {
            sum += areaOutside(piece, List.of(a, b));
        }
        return sum;
    }

    private static double areaOutside(Piece piece, List<Region> regions) {
        Geometry left = subtract(piece.geometry(), regions);
        if (left == null) {
            return 0.0;
        }
        return left == piece.geometry() ? piece.areaM2() : regions.get(0).clip.area(left);
    }

    private Geometry subtractFrom(Geometry g) {
        return subtract(g, List.of(this));
    }

    /**
     * {@code g} minus the union of {@code regions}, using only the parts near {@code g}: {@code g} itself when nothing
     * overlaps it, {@code null} when it is covered (an identical part, or containment), else the overlay difference.
     */
    private static Geometry subtract(Geometry g, List<Region> regions) {
        Envelope env = g.getEnvelopeInternal();
        List<Geometry> near = new ArrayList<>();
        RelateNG piece = null;
        for (Region r : regions) {
            if (r.whole) {
                return null;
            }
            for (Geometry part : r.parts) {
                if (!part.getEnvelopeInternal().intersects(env)) {
                    continue;
                }
                if (part == g || part.equalsExact(g)) {
                    return null;
                }
                if (piece == null) {
                    piece = RelateNG.prepare(g);
                }
                if (piece.evaluate(part, INTERIORS_INTERSECT)) {
                    near.add(part);
                }
            }
        }
        if (near.isEmpty()) {
            return g;
        }
        Geometry local = near.size() == 1 ? near.get(0) : RobustOverlay.union(near);
        if (local.getEnvelopeInternal().covers(env) && RelateNG.relate(local, g, RelatePredicate.covers())) {
            return null;
        }
        return RobustOverlay.difference(g, local);
    }

    private static final String INTERIORS_INTERSECT = "T********";
}
