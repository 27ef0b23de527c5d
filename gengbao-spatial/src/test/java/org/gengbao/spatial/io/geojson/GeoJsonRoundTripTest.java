package org.gengbao.spatial.io.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengbao.spatial.io.SampleFeatures.FIELDS;
import static org.gengbao.spatial.io.SampleFeatures.GK39;
import static org.gengbao.spatial.io.SampleFeatures.MULTIPOLYGON_DEG;
import static org.gengbao.spatial.io.SampleFeatures.MULTIPOLYGON_GK;
import static org.gengbao.spatial.io.SampleFeatures.POLYGON_WITH_HOLE_DEG;
import static org.gengbao.spatial.io.SampleFeatures.POLYGON_WITH_HOLE_GK;
import static org.gengbao.spatial.io.SampleFeatures.geometry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.FieldType;
import org.gengbao.spatial.io.SampleFeatures;
import org.gengbao.spatial.io.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class GeoJsonRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void projectedParcelsSurviveWithTheirCrsMember() throws IOException {
        Path file = dir.resolve("dltb.geojson");
        Geometry withHole = geometry(POLYGON_WITH_HOLE_GK, GK39);
        Geometry multi = geometry(MULTIPOLYGON_GK, GK39);
        try (GeoJsonWriter w = GeoJsonWriter.create(file, GK39, FIELDS, 3)) {
            w.write(withHole, SampleFeatures.dryLand());
            w.write(multi, SampleFeatures.paddyWithNulls());
            w.write(null, Map.of());
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                        + "{\"name\":\"urn:ogc:def:crs:EPSG::4527\"}},\"features\":[\n")
                .contains("\"DLMC\":\"旱地\"", "\"QSDWMC\":\"张家村\"", "\"TBMJ\":1234.56", "\"BGRQ\":\"2024-03-15\"")
                .contains("[39500000.125,3500000.5]")
                .doesNotContain("\\u");

        try (GeoJsonFeatureReader r = GeoJsonFeatureReader.open(file)) {
            assertThat(r.declaredCrs()).contains(GK39);
            assertThat(r.size()).isEqualTo(-1);
            assertThat(r.fields())
                    .containsExactly(
                            FieldDef.string("DLMC", 0),
                            FieldDef.string("QSDWMC", 0),
                            FieldDef.integer("TBBH", 0),
                            FieldDef.decimal("TBMJ", 0, 2),
                            FieldDef.string("BGRQ", 0));
            SourceFeature first = r.next();
            assertThat(first.geometry().equalsExact(withHole)).isTrue();
            assertThat(first.geometry().getSRID()).isEqualTo(4527);
            Map<String, Object> expected = new LinkedHashMap<>(SampleFeatures.dryLand());
            expected.put("BGRQ", "2024-03-15"); // GeoJSON has no date type: dates stay strings
            assertThat(first.attributes()).containsExactlyEntriesOf(expected);

            SourceFeature second = r.next();
            // the writer turned the clockwise first part round; the parcel is the same
            assertThat(second.geometry().equalsExact(multi)).isFalse();
            assertThat(second.geometry().norm().equalsExact(multi.norm())).isTrue();
            assertThat(second.attributes()).containsExactlyEntriesOf(SampleFeatures.paddyWithNullsAsRead());

            SourceFeature third = r.next();
            assertThat(third.index()).isEqualTo(2);
            assertThat((Object) third.geometry()).isNull();
            assertThat(r.next()).isNull();
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void geographicParcelsHaveNoCrsMemberAndNineDecimals() throws IOException {
        Path file = dir.resolve("deg.geojson");
        Geometry shifted = geometry("POINT (117.00123456789123 31.6000000004)", CrsRegistry.CGCS2000);
        try (GeoJsonWriter w =
                GeoJsonWriter.create(file, CrsRegistry.CGCS2000, List.of(FieldDef.string("MC", 10)), 9)) {
            w.write(geometry(POLYGON_WITH_HOLE_DEG, CrsRegistry.CGCS2000), Map.of("MC", "张家村"));
            w.write(geometry(MULTIPOLYGON_DEG, CrsRegistry.CGCS2000), Map.of());
            w.write(shifted, Map.of());
        }
        String text = Files.readString(file);
        assertThat(text).doesNotContain("crs").contains("[117.001234568,31.6]");
        try (GeoJsonFeatureReader r = GeoJsonFeatureReader.open(file)) {
            assertThat(r.declaredCrs()).isEmpty();
            Geometry first = r.next().geometry();
            assertThat(first.equalsExact(geometry(POLYGON_WITH_HOLE_DEG, CrsRegistry.CGCS2000)))
                    .isFalse(); // its hole was counter-clockwise
            assertThat(first.getSRID()).isEqualTo(4490);
            Polygon p = (Polygon) first;
            assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinateSequence()))
                    .isTrue();
            assertThat(Orientation.isCCW(p.getInteriorRingN(0).getCoordinateSequence()))
                    .isFalse();
            assertThat(first.norm()
                            .equalsExact(geometry(POLYGON_WITH_HOLE_DEG, CrsRegistry.CGCS2000)
                                    .norm()))
                    .isTrue();
            assertThat(r.next().geometry().getNumGeometries()).isEqualTo(2);
        }
    }

    @Test
    void valuesAreWrittenExactly() throws IOException {
        List<FieldDef> fields = List.of(
                FieldDef.decimal("A", 12, 3),
                FieldDef.decimal("B", 12, 0),
                FieldDef.integer("C", 1),
                FieldDef.string("D", 10));
        Path file = dir.resolve("values.geojson");
        try (GeoJsonWriter w = GeoJsonWriter.create(file, GK39, fields, 3)) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("A", new BigDecimal("1234.500"));
            a.put("B", new BigDecimal("1E+3"));
            a.put("C", Boolean.TRUE);
            a.put("D", "  带空格  ");
            w.write(geometry(POLYGON_WITH_HOLE_GK, GK39), a);
        }
        assertThat(Files.readString(file))
                .contains("\"properties\":{\"A\":1234.500,\"B\":1000,\"C\":true,\"D\":\"  带空格  \"}");
        try (GeoJsonFeatureReader r = GeoJsonFeatureReader.open(file)) {
            assertThat(r.fields())
                    .containsExactly(
                            FieldDef.decimal("A", 0, 3),
                            FieldDef.integer("B", 0),
                            new FieldDef("C", FieldType.INTEGER, 1, 0),
                            FieldDef.string("D", 0));
            assertThat(r.next().attributes())
                    .containsEntry("A", new BigDecimal("1234.500"))
                    .containsEntry("B", 1000L)
                    .containsEntry("C", true)
                    .containsEntry("D", "带空格");
        }
    }

    @Test
    void propertiesAreConvertedAsDocumented() throws IOException {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,"
                + "\"id\":7,\"properties\":{\"s\":\"  x \",\"e\":\"\",\"i\":-3,\"big\":123456789012345678901234,"
                + "\"f\":0.1,\"exp\":1.5e2,\"t\":true,\"n\":null,\"o\":{\"k\":[1,\"旱地\"]},\"a\":[1,2]}},"
                + "{\"type\":\"Feature\",\"geometry\":null,\"properties\":null},"
                + "{\"properties\":{\"only\":1},\"geometry\":null,\"type\":\"Feature\"}]}";
        try (GeoJsonFeatureReader r = open(json)) {
            Map<String, Object> p = r.next().attributes();
            assertThat(p)
                    .containsEntry("s", "x")
                    .containsEntry("e", null)
                    .containsEntry("i", -3L)
                    .containsEntry("big", new BigDecimal("123456789012345678901234"))
                    .containsEntry("f", new BigDecimal("0.1"))
                    .containsEntry("exp", new BigDecimal("1.5e2"))
                    .containsEntry("t", true)
                    .containsEntry("n", null)
                    .containsEntry("o", "{\"k\":[1,\"旱地\"]}")
                    .containsEntry("a", "[1,2]");
            assertThat(r.next().attributes()).isEmpty();
            // later features carry their own keys; "type" may come last
            assertThat(r.next().attributes()).containsExactlyEntriesOf(Map.of("only", 1L));
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void aSingleFeatureOrABareGeometryIsACollectionOfOne() throws IOException {
        String feature = "{\"type\":\"Feature\",\"properties\":{\"DLMC\":\"旱地\"},\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"EPSG:4527\"}},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[39500000,3500000]}}";
        try (GeoJsonFeatureReader r = open(feature)) {
            assertThat(r.declaredCrs()).contains(GK39);
            assertThat(r.fields()).containsExactly(FieldDef.string("DLMC", 0));
            SourceFeature f = r.next();
            assertThat(f.geometry().toText()).isEqualTo("POINT (39500000 3500000)");
            assertThat(f.attributes()).containsEntry("DLMC", "旱地");
            assertThat(r.next()).isNull();
        }
        String bare = "{\"coordinates\":[[[117,31],[117.1,31],[117.1,31.1],[117,31]]],\"type\":\"Polygon\"}";
        try (GeoJsonFeatureReader r = open(bare)) {
            assertThat(r.declaredCrs()).isEmpty();
            assertThat(r.fields()).isEmpty();
            assertThat(r.next().geometry().getGeometryType()).isEqualTo("Polygon");
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void anEmptyCollectionHasNoFeaturesAndNoFields() throws IOException {
        try (GeoJsonFeatureReader r = open("{\"features\":[],\"type\":\"FeatureCollection\"}")) {
            assertThat(r.fields()).isEmpty();
            assertThat(r.next()).isNull();
        }
    }

    static GeoJsonFeatureReader open(String json) throws IOException {
        return GeoJsonFeatureReader.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
