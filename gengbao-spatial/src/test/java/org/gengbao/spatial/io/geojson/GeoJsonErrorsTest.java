package org.gengbao.spatial.io.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gengbao.spatial.io.geojson.GeoJsonRoundTripTest.open;

import java.io.IOException;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gengbao.spatial.SpatialInputException;
import org.junit.jupiter.api.Test;

class GeoJsonErrorsTest {
    private static final String POLYGON =
            "{\"type\":\"Polygon\",\"coordinates\":[[[117,31],[117.1,31],[117.1,31.1]," + "[117,31]]]}";
    private static final String FEATURE = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + POLYGON + "}";

    private static void fails(ThrowingCallable call, String code, Consumer<SpatialInputException> more) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SpatialInputException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.messageZh()).isNotBlank();
            more.accept(e);
        });
    }

    /** Reads every feature. */
    private static void readAll(String json) throws IOException {
        try (GeoJsonFeatureReader r = open(json)) {
            while (r.next() != null) {
                // reading is the test
            }
        }
    }

    @Test
    void malformedJsonIsReportedWithItsLine() {
        fails(
                () -> readAll("{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",,}]}"),
                "GEOJSON_MALFORMED",
                e -> {
                    assertThat(e.getMessage()).contains("not valid JSON", "line 3");
                    assertThat(e.messageZh()).contains("第 3 行");
                });
        // an error deep in the stream surfaces from next(), after the features before it
        String late =
                "{\"type\":\"FeatureCollection\",\"features\":[\n" + FEATURE + ",\n" + FEATURE + ",\n{\"type\":}]}";
        fails(() -> readAll(late), "GEOJSON_MALFORMED", e -> assertThat(e.getMessage())
                .contains("line 4"));
        fails(() -> readAll(""), "GEOJSON_MALFORMED", e -> assertThat(e.getMessage())
                .contains("empty"));
        fails(() -> readAll(FEATURE + " {}"), "GEOJSON_MALFORMED", e -> assertThat(e.getMessage())
                .contains("extra content"));
    }

    @Test
    void jsonThatIsNotGeoJsonIsInvalid() {
        fails(() -> readAll("[1, 2, 3]"), "GEOJSON_INVALID", e -> {});
        fails(() -> readAll("{\"name\": \"parcels\"}"), "GEOJSON_INVALID", e -> assertThat(e.getMessage())
                .contains("not a FeatureCollection, Feature or geometry"));
        fails(() -> readAll("{\"type\":\"FeatureCollection\"}"), "GEOJSON_INVALID", e -> {});
        fails(() -> readAll("{\"type\":\"Topology\",\"features\":[]}"), "GEOJSON_INVALID", e -> {});
        fails(() -> readAll("{\"type\":\"FeatureCollection\",\"features\":{}}"), "GEOJSON_INVALID", e -> {});
    }

    @Test
    void aFeaturesArrayMayHoldOnlyFeatures() {
        fails(
                () -> readAll("{\"type\":\"FeatureCollection\",\"features\":[" + FEATURE + "," + POLYGON + "]}"),
                "GEOJSON_INVALID",
                e -> assertThat(e.getMessage()).contains("features[1]", "expected a Feature, found Polygon"));
        fails(
                () -> readAll("{\"type\":\"FeatureCollection\",\"features\":[" + FEATURE + ",42]}"),
                "GEOJSON_INVALID",
                e -> assertThat(e.getMessage()).contains("features[1]"));
        fails(
                () -> readAll("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"properties\":[1],\"geometry\":null}]}"),
                "GEOJSON_INVALID",
                e -> assertThat(e.getMessage()).contains("features[0].properties"));
    }

    @Test
    void aNanCoordinateIsNamed() {
        String nan = "{\"type\":\"FeatureCollection\",\"features\":[" + FEATURE + ",{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[117,31],[117.1,NaN],"
                + "[117.1,31.1],[117,31]]]}}]}";
        fails(() -> readAll(nan), "NON_FINITE_COORDINATE", e -> assertThat(e.getMessage())
                .contains("features[1].geometry.coordinates[0][1]"));
    }

    @Test
    void readingGoesOnAfterABadGeometry() throws IOException {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[" + FEATURE + ",{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[117,31],[117.1,31],"
                + "[117,31]]]}}," + FEATURE + "]}";
        try (GeoJsonFeatureReader r = open(json)) {
            assertThat(r.next().index()).isZero();
            fails(r::next, "TOO_FEW_POINTS", e -> assertThat(e.getMessage()).contains("features[1]"));
            assertThat(r.next().index()).isEqualTo(2);
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void theCrsMustComeBeforeTheFeatures() {
        String after = "{\"type\":\"FeatureCollection\",\"features\":[" + FEATURE + "],"
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4527\"}}}";
        fails(() -> readAll(after), "GEOJSON_CRS_AFTER_FEATURES", e -> assertThat(e.messageZh())
                .contains("features 之前"));
    }

    @Test
    void unsupportedOrMixedCoordinateSystemsAreRefused() {
        String beijing = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::4214\"}},\"features\":[]}";
        fails(() -> readAll(beijing), "CRS_UNSUPPORTED", e -> assertThat(e.getMessage())
                .contains("4214"));
        String mixed = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4527\"}},\"geometry\":null}]}";
        fails(() -> readAll(mixed), "GEOJSON_MIXED_CRS", e -> assertThat(e.getMessage())
                .contains("features[0]"));
    }

    @Test
    void breachingAReadLimitIsAClearMalformedError() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,"
                + "\"properties\":{\"x\":" + deep + "}}]}";
        fails(() -> readAll(json), "GEOJSON_MALFORMED", e -> {
            assertThat(e.getMessage()).contains("safety limit", "nesting");
            assertThat(e.messageZh()).contains("安全限制");
        });
    }
}
