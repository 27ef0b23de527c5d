package org.gengbao.spatial.io.shapefile;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns the rings of one shapefile polygon record into a JTS Polygon or MultiPolygon, following the ESRI convention:
 * clockwise rings are shells, counter-clockwise rings are holes (rings of zero area count as shells). Each hole goes to
 * the smallest shell that contains it, tested with a point of the hole that is not on the shell's boundary after an
 * envelope pre-check. A hole inside no shell is kept as a shell of its own, as GDAL does; so is every ring when there
 * is no clockwise ring at all. Nothing is repaired here: validation downstream reports invalid results.
 */
final class PolygonAssembler {
    private PolygonAssembler() {}

    private static final class Ring {
        final Coordinate[] coords;
        final Envelope envelope;
        final double area;
        final List<LinearRing> holes = new ArrayList<>();

        Ring(Coordinate[] coords) {
            this.coords = coords;
            this.envelope = new Envelope();
            for (Coordinate c : coords) {
                envelope.expandToInclude(c);
            }
            this.area = Area.ofRingSigned(coords);
        }
    }

    /** Assembles closed rings of at least four coordinates, in file order. */
    static Geometry assemble(List<Coordinate[]> rings, GeometryFactory gf) {
        List<Ring> shells = new ArrayList<>();
        List<Ring> holes = new ArrayList<>();
        for (Coordinate[] coords : rings) {
            Ring r = new Ring(coords);
            // Area.ofRingSigned is positive for clockwise rings.
            (r.area >= 0 ? shells : holes).add(r);
        }
        List<Ring> orphans = new ArrayList<>();
        for (Ring hole : holes) {
            Ring owner = null;
            for (Ring shell : shells) {
                if (shell.envelope.covers(hole.envelope)
                        && (owner == null || Math.abs(shell.area) < Math.abs(owner.area))
                        && contains(shell, hole)) {
                    owner = shell;
                }
            }
            if (owner == null) {
                orphans.add(hole);
            } else {
                owner.holes.add(gf.createLinearRing(hole.coords));
            }
        }
        shells.addAll(orphans);
        if (shells.isEmpty()) {
            return gf.createPolygon();
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < polygons.length; i++) {
            Ring s = shells.get(i);
            polygons[i] = gf.createPolygon(gf.createLinearRing(s.coords), s.holes.toArray(LinearRing[]::new));
        }
        return polygons.length == 1 ? polygons[0] : gf.createMultiPolygon(polygons);
    }

    private static boolean contains(Ring shell, Ring hole) {
        for (Coordinate c : hole.coords) {
            int loc = PointLocation.locateInRing(c, shell.coords);
            if (loc != Location.BOUNDARY) {
                return loc == Location.INTERIOR;
            }
        }
        return true;
    }
}
