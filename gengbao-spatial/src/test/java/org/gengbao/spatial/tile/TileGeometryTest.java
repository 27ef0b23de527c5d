package org.gengbao.spatial.tile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.tile.TileGeometry.SmallFeatures;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;

/**
 * What a tile draws of a feature, with WKT fixtures in EPSG:4527 around tile 16/54112/25723 (117.25°E 36.05°N, about
 * 496 m across on the ground, its north-west corner at E 39 522 173.7, N 3 991 511.5): exact positions (PROJ), the
 * clip to the buffered tile, the size filter and the simplification.
 */
class TileGeometryTest {
    private static final GaussKrugerCrs ZONE_39 = (GaussKrugerCrs) CrsRegistry.byEpsg(4527);
    private static final TileAddress Z16 = new TileAddress(16, 54112, 25723);
    private static final TileAddress Z12 = new TileAddress(12, 3382, 1607);
    private static final WKTReader WKT = new WKTReader(WorkingPrecision.factory(ZONE_39));

    private static Geometry wkt(String text) throws Exception {
        return WKT.read(text);
    }

    @Test
    void aParcelInsideTheTileKeepsItsCornersWherePROJPutsThem() throws Exception {
        Geometry parcel = wkt(
                "POLYGON ((39522400 3991250, 39522440 3991250, 39522440 3991290, 39522400 3991290, 39522400 3991250))");
        Geometry drawn = TileGeometry.of(Z16, ZONE_39).draw(parcel, SmallFeatures.DROP);
        assertThat(drawn).isInstanceOf(Polygon.class);
        List<double[]> corners = new ArrayList<>();
        for (Coordinate c : parcel.getCoordinates()) {
            corners.add(new double[] {c.x, c.y});
        }
        List<double[]> mercator = Proj.gkToMercator(ZONE_39.code(), corners);
        Envelope tile = Z16.mercatorEnvelope();
        double unitsPerM = 4096 / Z16.sizeM();
        Coordinate[] got = drawn.getCoordinates();
        assertThat(got).hasSize(5);
        for (int i = 0; i < got.length; i++) {
            double x = (mercator.get(i)[0] - tile.getMinX()) * unitsPerM;
            double y = (tile.getMaxY() - mercator.get(i)[1]) * unitsPerM;
            assertThat(Math.abs(got[i].x - x)).as("x of corner %d", i).isLessThanOrEqualTo(0.5 + 1e-6);
            assertThat(Math.abs(got[i].y - y)).as("y of corner %d", i).isLessThanOrEqualTo(0.5 + 1e-6);
            assertThat(got[i].x).isEqualTo(Math.rint(got[i].x));
            assertThat(got[i].y).isEqualTo(Math.rint(got[i].y));
        }
        // 40 m at 0.121 m per unit: ~330 units across, and north is up (smaller y)
        assertThat(drawn.getEnvelopeInternal().getWidth()).isBetween(320.0, 340.0);
        assertThat(got[2].y).isLessThan(got[1].y);
    }

    @Test
    void aParcelAcrossTheWesternEdgeIsCutAtTheBuffer() throws Exception {
        Geometry parcel = wkt(
                "POLYGON ((39522150 3991250, 39522200 3991250, 39522200 3991290, 39522150 3991290, 39522150 3991250))");
        Geometry drawn = TileGeometry.of(Z16, ZONE_39).draw(parcel, SmallFeatures.DROP);
        assertThat(drawn).isInstanceOf(Polygon.class);
        assertThat(drawn.getEnvelopeInternal().getMinX()).isEqualTo(-TileGeometry.BUFFER_UNITS);
        assertThat(drawn.getEnvelopeInternal().getMaxX()).isBetween(190.0, 240.0);
        // the western neighbour draws the rest, also cut at its buffer: together more than the parcel by the overlap
        Geometry west =
                TileGeometry.of(new TileAddress(16, 54111, 25723), ZONE_39).draw(parcel, SmallFeatures.DROP);
        assertThat(west.getEnvelopeInternal().getMaxX()).isEqualTo(4096 + TileGeometry.BUFFER_UNITS);
        double whole = parcel.getArea()
                / Math.pow(TileGeometry.of(Z16, ZONE_39).projection().groundMetresPerUnit(), 2);
        double overlap =
                2 * TileGeometry.BUFFER_UNITS * drawn.getEnvelopeInternal().getHeight();
        assertThat(drawn.getArea() + west.getArea())
                .isCloseTo(whole + overlap, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void featuresOutsideTheBufferedTileAreNotDrawn() throws Exception {
        TileGeometry g = TileGeometry.of(Z16, ZONE_39);
        assertThat(g.draw(
                        wkt(
                                "POLYGON ((39523400 3991250, 39523440 3991250, 39523440 3991290, 39523400 3991290, 39523400 3991250))"),
                        SmallFeatures.DROP))
                .isNull();
        assertThat(g.draw(wkt("POINT (39522100 3991265)"), SmallFeatures.DROP)).isNull();
        Geometry inside = g.draw(wkt("POINT (39522421.837 3991265.745)"), SmallFeatures.DROP);
        assertThat(inside).isInstanceOf(Point.class);
        // the tile's centre, by PROJ
        assertThat(inside.getCoordinate().x).isBetween(2047.0, 2049.0);
        assertThat(inside.getCoordinate().y).isBetween(2047.0, 2049.0);
    }

    @Test
    void aTrackThroughTheTileIsCutToTheBufferedTile() throws Exception {
        Geometry track = wkt("LINESTRING (39521500 3991265, 39522421 3991270, 39523500 3991280)");
        Geometry drawn = TileGeometry.of(Z16, ZONE_39).draw(track, SmallFeatures.DROP);
        assertThat(drawn.getDimension()).isEqualTo(1);
        assertThat(drawn.getEnvelopeInternal().getMinX()).isEqualTo(-64);
        assertThat(drawn.getEnvelopeInternal().getMaxX()).isEqualTo(4160);
    }

    @Test
    void polygonsSmallerThanAPixelDisappearAtLowZoomOrBecomePoints() throws Exception {
        // 10 m × 10 m: a pixel of zoom 12 is ~31 m across here, of zoom 16 ~1.9 m
        Geometry shed = wkt(
                "POLYGON ((39522400 3991250, 39522410 3991250, 39522410 3991260, 39522400 3991260, 39522400 3991250))");
        TileGeometry z12 = TileGeometry.of(Z12, ZONE_39);
        assertThat(z12.minPolygonAreaM2()).isBetween(900.0, 1000.0);
        assertThat(z12.draw(shed, SmallFeatures.DROP)).isNull();
        assertThat(z12.draw(shed, SmallFeatures.AS_POINT)).isInstanceOf(Point.class);
        assertThat(TileGeometry.of(Z16, ZONE_39).draw(shed, SmallFeatures.DROP)).isInstanceOf(Polygon.class);
        // a short line is dropped the same way
        assertThat(z12.draw(wkt("LINESTRING (39522400 3991250, 39522420 3991250)"), SmallFeatures.DROP))
                .isNull();
    }

    @Test
    void outlinesAreSimplifiedToAQuarterPixel() throws Exception {
        GeometryFactory f = WorkingPrecision.factory(ZONE_39);
        // a 200 m circle of 720 vertices round the zoom-16 tile's centre
        Geometry pond = f.createPoint(new Coordinate(39522421.837, 3991265.745)).buffer(200, 180);
        int[] vertices = new int[2];
        int i = 0;
        for (TileAddress tile : List.of(Z12, Z16)) {
            TileGeometry g = TileGeometry.of(tile, ZONE_39);
            Geometry drawn = g.draw(pond, SmallFeatures.DROP);
            Geometry exact = g.projection().toTile(pond, new GeometryFactory(new PrecisionModel()));
            double allowed = TileGeometry.SIMPLIFY_PIXELS * TileGeometry.UNITS_PER_PIXEL + Math.sqrt(0.5);
            if (tile == Z16) {
                exact = exact.intersection(new GeometryFactory().toGeometry(new Envelope(-64, 4160, -64, 4160)));
            }
            assertThat(DiscreteHausdorffDistance.distance(drawn, exact))
                    .as("Hausdorff distance at zoom %d", tile.z())
                    .isLessThanOrEqualTo(allowed);
            vertices[i++] = drawn.getNumPoints();
        }
        assertThat(vertices[0]).as("vertices at zoom 12").isLessThan(30);
        assertThat(vertices[1]).as("vertices at zoom 16").isBetween(vertices[0], 300);
    }
}
