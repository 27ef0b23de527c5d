package org.gengbao.spatial.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gengbao.spatial.generate.PlanarGraph.Face;
import org.gengbao.spatial.generate.PlanarGraph.Pt;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A jittered grid of field roads and ditches. Grid line i (vertical) and j (horizontal) are each a rural road (1006, 4–6
 * m wide), a ditch (1107, 2–3 m) or a bare field boundary; every cell (i, j) then holds the strip of its west line, the
 * strip of its south line, the crossing square at its south-west node (merged into the wider of the two strips) and the
 * block of fields between them. All are faces of one {@link PlanarGraph}, so the coverage has no gaps or overlaps.
 */
final class RoadGrid {
    enum LineRole {
        ROAD("1006", 4.0, 6.0, 2),
        DITCH("1107", 2.0, 3.0, 1),
        NONE(null, 0, 0, 0);

        final String landUseCode;
        final double minWidth;
        final double maxWidth;
        final int rank;

        LineRole(String code, double minWidth, double maxWidth, int rank) {
            this.landUseCode = code;
            this.minWidth = minWidth;
            this.maxWidth = maxWidth;
            this.rank = rank;
        }
    }

    /** A road or ditch face with its land-use code. */
    record Strip(Face face, String landUseCode, int cellI, int cellJ) {}

    final int nx;
    final int ny;
    final PlanarGraph graph = new PlanarGraph();
    private final Pt[][] node;
    private final double[] widthV;
    private final double[] widthH;
    private final LineRole[] roleV;
    private final LineRole[] roleH;
    final Face[][] blocks;
    final List<Strip> strips = new ArrayList<>();

    private RoadGrid(int nx, int ny) {
        this.nx = nx;
        this.ny = ny;
        this.node = new Pt[nx + 1][ny + 1];
        this.widthV = new double[nx + 1];
        this.widthH = new double[ny + 1];
        this.roleV = new LineRole[nx + 1];
        this.roleH = new LineRole[ny + 1];
        this.blocks = new Face[nx][ny];
    }

    /** Lays an nx × ny grid of cells of 170–230 m from the south-west corner (x0, y0). */
    static RoadGrid lay(Random r, double x0, double y0, int nx, int ny) {
        RoadGrid g = new RoadGrid(nx, ny);
        double[] xs = positions(r, x0, nx);
        double[] ys = positions(r, y0, ny);
        for (int i = 0; i <= nx; i++) {
            for (int j = 0; j <= ny; j++) {
                boolean edgeX = i == 0 || i == nx;
                boolean edgeY = j == 0 || j == ny;
                double jx = edgeX ? 0 : (r.nextDouble() * 2 - 1) * 12;
                double jy = edgeY ? 0 : (r.nextDouble() * 2 - 1) * 12;
                g.node[i][j] = Pt.of(xs[i] + jx, ys[j] + jy);
            }
        }
        for (int i = 0; i <= nx; i++) {
            g.roleV[i] = i == nx ? LineRole.NONE : role(i);
            g.widthV[i] = width(r, g.roleV[i]);
        }
        for (int j = 0; j <= ny; j++) {
            g.roleH[j] = j == ny ? LineRole.NONE : role(j);
            g.widthH[j] = width(r, g.roleH[j]);
        }
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                g.buildCell(i, j);
            }
        }
        return g;
    }

    private static double[] positions(Random r, double origin, int n) {
        double[] p = new double[n + 1];
        p[0] = origin;
        for (int k = 1; k <= n; k++) {
            p[k] = p[k - 1] + 170 + r.nextDouble() * 60;
        }
        return p;
    }

    private static LineRole role(int index) {
        return switch (index % 3) {
            case 0 -> LineRole.ROAD;
            case 1 -> LineRole.DITCH;
            default -> LineRole.NONE;
        };
    }

    private static double width(Random r, LineRole role) {
        if (role == LineRole.NONE) {
            return 0;
        }
        return Math.round((role.minWidth + r.nextDouble() * (role.maxWidth - role.minWidth)) * 1000) / 1000.0;
    }

    private Pt off(int i, int j, double dx, double dy) {
        return Pt.of(node[i][j].x() + dx, node[i][j].y() + dy);
    }

    private void buildCell(int i, int j) {
        double wv = widthV[i];
        double wh = widthH[j];
        Pt g0 = node[i][j];
        Pt gE = off(i, j, wv, 0);
        Pt gN = off(i, j, 0, wh);
        Pt gNE = off(i, j, wv, wh);
        Pt se = node[i + 1][j];
        Pt seN = off(i + 1, j, 0, wh);
        Pt nw = node[i][j + 1];
        Pt nwE = off(i, j + 1, wv, 0);
        Pt ne = node[i + 1][j + 1];
        boolean square = wv > 0 && wh > 0;
        boolean squareToH = square && roleH[j].rank >= roleV[i].rank;
        if (wh > 0) {
            List<Pt> h = squareToH ? List.of(g0, gE, se, seN, gNE, gN) : List.of(gE, se, seN, gNE);
            strips.add(new Strip(graph.face(h), roleH[j].landUseCode, i, j));
        }
        if (wv > 0) {
            List<Pt> v = square && !squareToH ? List.of(g0, gE, gNE, nwE, nw, gN) : List.of(gN, gNE, nwE, nw);
            strips.add(new Strip(graph.face(v), roleV[i].landUseCode, i, j));
        }
        blocks[i][j] = graph.face(List.of(gNE, seN, ne, nwE));
    }

    /** The whole cell (its strips, square and block): the unit of administrative and planning polygons. */
    Polygon footprint(int i, int j, GeometryFactory f) {
        return polygon(footprintRing(i, j, false, false), f);
    }

    /**
     * The cell's outline, counter-clockwise from its south-west node. With {@code midBottom}/{@code midTop} the
     * midpoint of the bottom/top edge is included as a vertex, so that a cell split there and its neighbour stay exactly
     * noded (both compute the same midpoint of their common edge).
     */
    List<Pt> footprintRing(int i, int j, boolean midBottom, boolean midTop) {
        double wv = widthV[i];
        List<Pt> pts = new ArrayList<>();
        pts.add(node[i][j]);
        pts.add(off(i, j, wv, 0));
        if (midBottom) {
            pts.add(mid(off(i, j, wv, 0), node[i + 1][j]));
        }
        pts.add(node[i + 1][j]);
        pts.add(off(i + 1, j, 0, widthH[j]));
        pts.add(node[i + 1][j + 1]);
        if (midTop) {
            pts.add(mid(off(i, j + 1, wv, 0), node[i + 1][j + 1]));
        }
        pts.add(off(i, j + 1, wv, 0));
        pts.add(node[i][j + 1]);
        pts.add(off(i, j, 0, widthH[j]));
        return pts;
    }

    /** The midpoint of the bottom and top edges of cell (i, j), as included by {@link #footprintRing}. */
    Pt[] midpoints(int i, int j) {
        return new Pt[] {
            mid(off(i, j, widthV[i], 0), node[i + 1][j]), mid(off(i, j + 1, widthV[i], 0), node[i + 1][j + 1])
        };
    }

    private static Pt mid(Pt a, Pt b) {
        return Pt.of((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }

    static Polygon polygon(List<Pt> pts, GeometryFactory f) {
        List<Coordinate> c = new ArrayList<>();
        for (Pt p : pts) {
            Coordinate k = new Coordinate(p.x(), p.y());
            if (c.isEmpty() || !c.get(c.size() - 1).equals2D(k)) {
                c.add(k);
            }
        }
        if (c.get(c.size() - 1).equals2D(c.get(0))) {
            c.remove(c.size() - 1);
        }
        c.add(c.get(0).copy());
        return f.createPolygon(c.toArray(Coordinate[]::new));
    }

    /** The centre of cell (i, j). */
    double[] centre(int i, int j) {
        return new double[] {
            (node[i][j].x() + node[i + 1][j + 1].x()) / 2, (node[i][j].y() + node[i + 1][j + 1].y()) / 2
        };
    }

    /** Corners of the block of cell (i, j): SW, SE, NE, NW. */
    Pt[] blockCorners(int i, int j) {
        return new Pt[] {
            off(i, j, widthV[i], widthH[j]),
            off(i + 1, j, 0, widthH[j]),
            node[i + 1][j + 1],
            off(i, j + 1, widthV[i], 0)
        };
    }
}
