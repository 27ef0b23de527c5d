package org.gengbao.spatial.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

class GeometryIntakeTest {
    private static final GaussKrugerCrs ZONE_39 = (GaussKrugerCrs) CrsRegistry.byEpsg(4527);
    private final GeometryIntake intake = new GeometryIntake(ZONE_39, 1000);

    private static final String SQUARE =
            """
            {"type":"Polygon","coordinates":[[[117.30,36.10],[117.301,36.10],[117.301,36.101],[117.30,36.101],\
            [117.30,36.10]]]}""";

    @Test
    void acceptsAGeoJsonPolygonInLonLatAndBringsItToTheWorkingZoneOnTheMillimetreGrid() {
        IntakeResult r = intake.fromGeoJson(SQUARE, null);
        Geometry g = r.geometry();
        assertThat(g.getSRID()).isEqualTo(4527);
        assertThat(r.repairs()).isEmpty();
        assertThat(g.getCoordinates()).allSatisfy(c -> {
            assertThat(c.x).isBetween(39_520_000.0, 39_530_000.0);
            assertThat(Math.abs(c.x * 1000 - Math.rint(c.x * 1000))).isLessThan(1e-6);
        });
        assertThat(g.getArea()).isCloseTo(90.0 * 111.0, within(500.0));
    }

    @Test
    void acceptsAFeatureAndAMultiPolygonWithAHole() {
        String json =
                """
                {"type":"Feature","properties":{"name":"x"},"geometry":{"type":"MultiPolygon","coordinates":[
                 [[[117.30,36.10],[117.302,36.10],[117.302,36.102],[117.30,36.102],[117.30,36.10]],
                  [[117.3005,36.1005],[117.3005,36.1010],[117.3010,36.1010],[117.3010,36.1005],[117.3005,36.1005]]],
                 [[[117.31,36.10],[117.311,36.10],[117.311,36.101],[117.31,36.10]]]]}}""";
        IntakeResult r = intake.fromGeoJson(json, null);
        assertThat(r.geometry().getNumGeometries()).isEqualTo(2);
        assertThat(r.repairs()).isEmpty();
    }

    @Test
    void wktAndWkbInAProjectedSystem() {
        String wkt = "POLYGON((39520000 4000000, 39520100 4000000, 39520100 4000100, 39520000 4000100,"
                + " 39520000 4000000))";
        IntakeResult fromWkt = intake.fromWkt(wkt, ZONE_39);
        assertThat(fromWkt.geometry().getArea()).isCloseTo(10_000, within(1e-9));
        byte[] wkb = new WKBWriter().write(fromWkt.geometry());
        assertThat(intake.fromWkb(wkb, ZONE_39).geometry().equalsExact(fromWkt.geometry()))
                .isTrue();
        IntakeResult fromUnprefixed = intake.fromWkt(wkt.replace("39520", "520"), CrsRegistry.byEpsg(4548));
        assertThat(fromUnprefixed.geometry().equalsExact(fromWkt.geometry(), 1e-6))
                .isTrue();
    }

    @Test
    void otherZoneIsTransformedIntoTheWorkingZone() {
        // the same square given in zone 38 (EPSG:4526) lands where the lon/lat version lands
        IntakeResult lonLat = intake.fromGeoJson(SQUARE, null);
        double[] xy = new double[2];
        org.gengbao.spatial.crs.GaussKrugerProjection.of((GaussKrugerCrs) CrsRegistry.byEpsg(4526))
                .forwardDegrees(117.30, 36.10, xy);
        String wkt = String.format(
                java.util.Locale.ROOT,
                "POLYGON((%.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f))",
                xy[0],
                xy[1],
                xy[0] + 50,
                xy[1],
                xy[0] + 50,
                xy[1] + 50,
                xy[0],
                xy[1]);
        IntakeResult other = intake.fromWkt(wkt, CrsRegistry.byEpsg(4526));
        assertThat(other.geometry()
                        .getCoordinates()[0]
                        .distance(lonLat.geometry().getCoordinates()[0]))
                .isLessThan(0.002);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "UNCLOSED_RING | {\"type\":\"Polygon\",\"coordinates\":[[[117.3,36.1],[117.31,36.1],[117.31,36.11],[117.3,36.11]]]}",
                "TOO_FEW_POINTS | {\"type\":\"Polygon\",\"coordinates\":[[[117.3,36.1],[117.31,36.1],[117.3,36.1]]]}",
                "NON_FINITE_COORDINATE | {\"type\":\"Polygon\",\"coordinates\":[[[117.3,36.1],[NaN,36.1],[117.31,36.11],[117.3,36.1]]]}",
                "NON_FINITE_COORDINATE | {\"type\":\"Polygon\",\"coordinates\":[[[117.3,36.1],[1e999,36.1],[117.31,36.11],[117.3,36.1]]]}",
                "OUTSIDE_CHINA | {\"type\":\"Polygon\",\"coordinates\":[[[2.3,48.8],[2.31,48.8],[2.31,48.81],[2.3,48.8]]]}",
                "AXES_SWAPPED | {\"type\":\"Polygon\",\"coordinates\":[[[36.1,117.3],[36.1,117.31],[36.11,117.31],[36.1,117.3]]]}",
                "COORDINATES_LOOK_PROJECTED | {\"type\":\"Polygon\",\"coordinates\":[[[39520000,4000000],[39520100,4000000],[39520100,4000100],[39520000,4000000]]]}",
                "GEOMETRY_TYPE_UNSUPPORTED | {\"type\":\"LineString\",\"coordinates\":[[117.3,36.1],[117.31,36.1]]}",
                "GEOMETRY_TYPE_UNSUPPORTED | {\"type\":\"Circle\",\"coordinates\":[117.3,36.1]}",
                "GEOJSON_MALFORMED | {\"type\":\"Polygon\",\"coordinates\":[[[117.3,36.1],",
                "GEOJSON_INVALID | {\"type\":\"Polygon\",\"coordinates\":[[[117.3],[117.31,36.1],[117.31,36.11],[117.3]]]}",
                "EMPTY_GEOMETRY | {\"type\":\"Polygon\",\"coordinates\":[]}",
                "SELF_INTERSECTION | {\"type\":\"Polygon\",\"coordinates\":[[[117.3,36.1],[117.31,36.11],[117.31,36.1],[117.3,36.11],[117.3,36.1]]]}",
                "OVERLAPPING_PARTS | {\"type\":\"MultiPolygon\",\"coordinates\":[[[[117.3,36.1],[117.31,36.1],[117.31,36.11],[117.3,36.11],[117.3,36.1]]],[[[117.305,36.105],[117.315,36.105],[117.315,36.115],[117.305,36.115],[117.305,36.105]]]]}",
                "HOLE_OUTSIDE_SHELL | {\"type\":\"Polygon\",\"coordinates\":[[[117.3,36.1],[117.31,36.1],[117.31,36.11],[117.3,36.11],[117.3,36.1]],[[117.4,36.1],[117.4,36.101],[117.401,36.101],[117.4,36.1]]]}",
                "CRS_UNSUPPORTED | {\"type\":\"Polygon\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:2436\"}},\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}"
            })
    void badGeoJsonIsRejectedWithAStableCodeAndAMessageInBothLanguages(String code, String json) {
        assertThatThrownBy(() -> intake.fromGeoJson(json, null))
                .isInstanceOfSatisfying(SpatialInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.messageZh()).isNotBlank().isNotEqualTo(e.messageEn());
                    assertThat(e.messageEn()).isNotBlank();
                });
    }

    @Test
    void aBowTieIsRejectedWithItsCrossingPoint() {
        String json = "{\"type\":\"Polygon\",\"coordinates\":[[[117.3,36.1],[117.31,36.11],[117.31,36.1],[117.3,36.11],"
                + "[117.3,36.1]]]}";
        assertThatThrownBy(() -> intake.fromGeoJson(json, null))
                .isInstanceOfSatisfying(SpatialInputException.class, e -> {
                    assertThat(e.location()).isPresent();
                    assertThat(e.location().get().x()).isCloseTo(117.305, within(1e-4));
                    assertThat(e.location().get().y()).isCloseTo(36.105, within(1e-4));
                });
    }

    @Test
    void tooManyVertices() {
        StringBuilder sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < 1200; i++) {
            double a = 2 * Math.PI * i / 1200;
            sb.append(String.format(
                    java.util.Locale.ROOT, "[%.8f,%.8f],", 117.3 + 0.01 * Math.cos(a), 36.1 + 0.01 * Math.sin(a)));
        }
        sb.append("[117.31,36.1]]]}");
        assertThatThrownBy(() -> intake.fromGeoJson(sb.toString(), null))
                .isInstanceOfSatisfying(
                        SpatialInputException.class, e -> assertThat(e.code()).isEqualTo("TOO_MANY_VERTICES"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "'POLYGON((520000 4000000, 520100 4000000, 520100 4000100, 520000 4000000))', EPSG:4527, ZONE_PREFIX_MISMATCH",
        "'POLYGON((38520000 4000000, 38520100 4000000, 38520100 4000100, 38520000 4000000))', EPSG:4527, ZONE_PREFIX_MISMATCH",
        "'POLYGON((39520000 4000000, 39520100 4000000, 39520100 4000100, 39520000 4000000))', EPSG:4548, ZONE_PREFIX_MISMATCH",
        "'POLYGON((117.3 36.1, 117.31 36.1, 117.31 36.11, 117.3 36.1))', EPSG:4527, COORDINATES_LOOK_GEOGRAPHIC",
        "'POLYGON((39520000 9000000, 39520100 9000000, 39520100 9000100, 39520000 9000000))', EPSG:4527, OUTSIDE_CHINA",
        "'POLYGON((39520000 4000000, 39520100 4000000, 39520100 4000100, 39520000 4000100))', EPSG:4527, UNCLOSED_RING",
        "'POLYGON((39520000 4000000, 39520100, 4000000))', EPSG:4527, WKT_MALFORMED"
    })
    void projectedCoordinatesThatDoNotFitTheirSystem(String wkt, String crs, String code) {
        assertThatThrownBy(() -> intake.fromWkt(wkt, CrsRegistry.parse(crs)))
                .isInstanceOfSatisfying(
                        SpatialInputException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aSpikeIsRemovedAndRecorded() {
        String wkt = "POLYGON((39520000 4000000, 39520100 4000000, 39520100 4000050, 39520150 4000050,"
                + " 39520100 4000050, 39520100 4000100, 39520000 4000100, 39520000 4000000))";
        IntakeResult r = intake.fromWkt(wkt, ZONE_39);
        assertThat(r.geometry().getArea()).isCloseTo(10_000, within(1e-6));
        assertThat(r.geometry().isValid()).isTrue();
        assertThat(r.repairs()).extracting(Repair::code).containsExactly("SPIKE_REMOVED");
        assertThat(r.repairs().get(0).location()).isNotNull();
    }

    @Test
    void aSelfTouchingRingIsSplitIntoShellAndHole() {
        // the ring touches itself at (39520050, 4000000): the inner loop is a hole
        String wkt = "POLYGON((39520000 4000000, 39520050 4000000, 39520040 4000020, 39520060 4000020,"
                + " 39520050 4000000, 39520100 4000000, 39520100 4000100, 39520000 4000100, 39520000 4000000))";
        IntakeResult r = intake.fromWkt(wkt, ZONE_39);
        assertThat(r.geometry().getArea()).isCloseTo(10_000 - 200, within(1e-6));
        assertThat(r.repairs()).extracting(Repair::code).containsExactly("SELF_TOUCHING_RING_SPLIT");
    }

    @Test
    void partsSharingAnEdgeAreMerged() {
        String wkt = "MULTIPOLYGON(((39520000 4000000, 39520100 4000000, 39520100 4000100, 39520000 4000100,"
                + " 39520000 4000000)), ((39520100 4000000, 39520200 4000000, 39520200 4000100, 39520100 4000100,"
                + " 39520100 4000000)))";
        IntakeResult r = intake.fromWkt(wkt, ZONE_39);
        assertThat(r.geometry().getArea()).isCloseTo(20_000, within(1e-6));
        assertThat(r.geometry().getNumGeometries()).isEqualTo(1);
        assertThat(r.repairs()).extracting(Repair::code).containsExactly("ADJACENT_PARTS_MERGED");
    }

    @Test
    void repeatedVerticesAreDroppedAndRecorded() {
        String wkt = "POLYGON((39520000 4000000, 39520100 4000000, 39520100 4000000, 39520100.0002 4000000.0001,"
                + " 39520100 4000100, 39520000 4000100, 39520000 4000000))";
        IntakeResult r = intake.fromWkt(wkt, ZONE_39);
        assertThat(r.geometry().getNumPoints()).isEqualTo(5);
        assertThat(r.repairs()).extracting(Repair::code).containsExactly("REPEATED_POINTS_REMOVED");
    }
}
