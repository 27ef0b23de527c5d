package org.gengbao.spatial.io.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.FieldType;
import org.gengbao.spatial.io.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class ShapefileRoundTripTest {
    static final List<FieldDef> FIELDS = List.of(
            FieldDef.string("DLMC", 20),
            FieldDef.string("QSDWMC", 30),
            FieldDef.integer("BSM", 10),
            FieldDef.decimal("TBMJ", 15, 2),
            FieldDef.decimal("XS", 8, 4),
            FieldDef.date("GXSJ"));

    @TempDir
    Path dir;

    /** Sample parcels near 117°E in EPSG:4527 (3-degree zone 39, prefixed easting). */
    static List<Geometry> geometries() throws Exception {
        WKTReader r = new WKTReader();
        return List.of(
                // shell counter-clockwise and hole clockwise in JTS: the writer must turn them round
                r.read("POLYGON ((39500000 4000000, 39500100 4000000, 39500100 4000100, 39500000 4000100,"
                        + " 39500000 4000000), (39500020 4000020, 39500020 4000040, 39500040 4000040,"
                        + " 39500040 4000020, 39500020 4000020))"),
                r.read("MULTIPOLYGON (((39500200 4000000, 39500200 4000050, 39500250 4000050, 39500250 4000000,"
                        + " 39500200 4000000)), ((39500300 4000000, 39500300 4000050.125, 39500350.5 4000050,"
                        + " 39500350 4000000, 39500300 4000000)))"),
                // island inside the hole of another polygon
                r.read("MULTIPOLYGON (((39501000 4001000, 39501000 4001100, 39501100 4001100, 39501100 4001000,"
                        + " 39501000 4001000), (39501010 4001010, 39501090 4001010, 39501090 4001090,"
                        + " 39501010 4001090, 39501010 4001010)), ((39501020 4001020, 39501020 4001080,"
                        + " 39501080 4001080, 39501080 4001020, 39501020 4001020)))"));
    }

    static List<Map<String, Object>> attributes() {
        List<Map<String, Object>> a = new ArrayList<>();
        a.add(row("旱地", "张家村", 1L, new BigDecimal("1234.56"), new BigDecimal("0.0800"), LocalDate.of(2024, 1, 31)));
        a.add(row("水田", "李家庄村民委员会", 2L, new BigDecimal("0.05"), null, null));
        a.add(row(null, "王家湾", null, null, new BigDecimal("1.0000"), LocalDate.of(1999, 12, 1)));
        a.add(row("有林地", null, 4L, new BigDecimal("-3.10"), new BigDecimal("12.3457"), null));
        return a;
    }

    static Map<String, Object> row(String dlmc, String qs, Long bsm, BigDecimal mj, BigDecimal xs, LocalDate d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("DLMC", dlmc);
        m.put("QSDWMC", qs);
        m.put("BSM", bsm);
        m.put("TBMJ", mj);
        m.put("XS", xs);
        m.put("GXSJ", d);
        return m;
    }

    /** Writes the three sample geometries plus a null shape with {@link #attributes()}. */
    static Path writeSample(Path dir, String name, Charset cs) throws Exception {
        Path shp = dir.resolve(name + ".shp");
        List<Geometry> geoms = new ArrayList<>(geometries());
        geoms.add(null);
        try (ShapefileWriter w = ShapefileWriter.create(shp, CrsRegistry.byEpsg(4527), ShapeType.POLYGON, FIELDS, cs)) {
            for (int i = 0; i < geoms.size(); i++) {
                w.write(geoms.get(i), attributes().get(i));
            }
        }
        return shp;
    }

    static List<SourceFeature> readAll(ShapefileReader r) throws Exception {
        List<SourceFeature> out = new ArrayList<>();
        for (SourceFeature f; (f = r.next()) != null; ) {
            out.add(f);
        }
        return out;
    }

    @Test
    void gbkPolygonsRoundTrip() throws Exception {
        Path shp = writeSample(dir, "tb", Charset.forName("GBK"));
        assertThat(Files.readString(dir.resolve("tb.cpg"))).isEqualTo("GBK");
        assertThat(Files.readAllBytes(dir.resolve("tb.dbf"))[29]).isEqualTo((byte) 0x4D);

        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.declaredCrs()).contains(CrsRegistry.byEpsg(4527));
            assertThat(r.size()).isEqualTo(4);
            assertThat(r.fields())
                    .extracting(FieldDef::type)
                    .containsExactly(
                            FieldType.STRING,
                            FieldType.STRING,
                            FieldType.INTEGER,
                            FieldType.DECIMAL,
                            FieldType.DECIMAL,
                            FieldType.DATE);
            assertThat(r.fields().get(3)).isEqualTo(FieldDef.decimal("TBMJ", 15, 2));
            List<SourceFeature> features = readAll(r);
            assertThat(features).hasSize(4);
            List<Geometry> expected = geometries();
            for (int i = 0; i < 3; i++) {
                Geometry g = features.get(i).geometry();
                assertThat(g.getSRID()).isEqualTo(4527);
                assertThat(g.norm().equalsExact(expected.get(i).norm()))
                        .as("geometry %d: %s", i, g)
                        .isTrue();
            }
            assertThat(features.get(0).geometry().getGeometryType()).isEqualTo("Polygon");
            assertThat((Object) features.get(3).geometry()).isNull();
            for (int i = 0; i < 4; i++) {
                assertThat(features.get(i).index()).isEqualTo(i);
                assertThat(features.get(i).attributes()).isEqualTo(attributes().get(i));
            }
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void writtenRingsFollowEsriOrientation() throws Exception {
        Path shp = writeSample(dir, "orient", StandardCharsets.UTF_8);
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            Polygon p = (Polygon) r.next().geometry();
            assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinates())).isFalse();
            assertThat(Orientation.isCCW(p.getInteriorRingN(0).getCoordinates()))
                    .isTrue();
            Geometry island = readAll(r).get(1).geometry();
            assertThat(island.getNumGeometries()).isEqualTo(2);
            assertThat(((Polygon) island.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
        }
    }

    @Test
    void utf8RoundTripHasCpgAndNoLanguageDriver() throws Exception {
        Path shp = writeSample(dir, "u", StandardCharsets.UTF_8);
        assertThat(Files.readString(dir.resolve("u.cpg"))).isEqualTo("UTF-8");
        assertThat(Files.readAllBytes(dir.resolve("u.dbf"))[29]).isZero();
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.encoding()).isEqualTo(StandardCharsets.UTF_8);
            List<SourceFeature> f = readAll(r);
            assertThat(f.get(1).attributes()).isEqualTo(attributes().get(1));
        }
    }

    @Test
    void pointsAndLinesRoundTrip() throws Exception {
        WKTReader wkt = new WKTReader();
        List<FieldDef> fields = List.of(FieldDef.string("NAME", 10));
        Path points = dir.resolve("pt.shp");
        try (ShapefileWriter w =
                ShapefileWriter.create(points, CrsRegistry.CGCS2000, ShapeType.POINT, fields, StandardCharsets.UTF_8)) {
            w.write(wkt.read("POINT (117.123456789 39.5)"), Map.of("NAME", "界桩"));
            w.write(null, Map.of());
        }
        Path lines = dir.resolve("ln.shp");
        try (ShapefileWriter w = ShapefileWriter.create(
                lines, CrsRegistry.CGCS2000, ShapeType.POLYLINE, fields, StandardCharsets.UTF_8)) {
            w.write(wkt.read("LINESTRING (117 39, 117.1 39.1, 117.2 39)"), Map.of());
            w.write(wkt.read("MULTILINESTRING ((117 39, 117.1 39.1), (118 40, 118.1 40.1))"), Map.of());
        }
        try (ShapefileReader r = ShapefileReader.open(points, null)) {
            assertThat(r.declaredCrs()).contains(CrsRegistry.CGCS2000);
            SourceFeature f = r.next();
            assertThat(f.geometry().equalsExact(wkt.read("POINT (117.123456789 39.5)")))
                    .isTrue();
            assertThat(f.attributes()).containsEntry("NAME", "界桩");
            assertThat((Object) r.next().geometry()).isNull();
        }
        try (ShapefileReader r = ShapefileReader.open(lines, null)) {
            assertThat(r.next().geometry().getGeometryType()).isEqualTo("LineString");
            assertThat(r.next().geometry().getNumGeometries()).isEqualTo(2);
        }
    }

    @Test
    void rejectsValuesThatDoNotFitWithoutCorruptingTheFile() throws Exception {
        Path shp = dir.resolve("bad.shp");
        Geometry square = geometries().get(1);
        try (ShapefileWriter w = ShapefileWriter.create(
                shp, CrsRegistry.byEpsg(4527), ShapeType.POLYGON, FIELDS, Charset.forName("GBK"))) {
            Map<String, Object> tooLong = new HashMap<>(attributes().get(0));
            tooLong.put("DLMC", "这是一个非常非常长的地类名称啊");
            assertThatThrownBy(() -> w.write(square, tooLong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("DLMC")
                    .hasMessageContaining("这是一个");
            Map<String, Object> unencodable = new HashMap<>(attributes().get(0));
            unencodable.put("DLMC", "\uD840\uDC00");
            assertThatThrownBy(() -> w.write(square, unencodable)).hasMessageContaining("GBK");
            Map<String, Object> fraction = new HashMap<>(attributes().get(0));
            fraction.put("BSM", new BigDecimal("1.5"));
            assertThatThrownBy(() -> w.write(square, fraction)).hasMessageContaining("BSM");
            assertThatThrownBy(() -> w.write(square, Map.of("NOPE", "x"))).hasMessageContaining("NOPE");
            assertThatThrownBy(() -> w.write(new WKTReader().read("POINT (1 2)"), Map.of()))
                    .hasMessageContaining("Point");
            Map<String, Object> rounded = new HashMap<>(attributes().get(0));
            rounded.put("TBMJ", 10.005);
            w.write(square, rounded);
        }
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.size()).isEqualTo(1);
            assertThat(r.next().attributes()).containsEntry("TBMJ", new BigDecimal("10.01"));
        }
    }

    @Test
    void writesManyFeaturesStreaming() throws Exception {
        Path shp = dir.resolve("many.shp");
        Geometry square = geometries().get(0);
        int n = 5000;
        try (ShapefileWriter w = ShapefileWriter.create(
                shp, CrsRegistry.byEpsg(4527), ShapeType.POLYGON, FIELDS, Charset.forName("GBK"))) {
            for (int i = 0; i < n; i++) {
                w.write(square, Map.of("BSM", (long) i, "DLMC", "水浇地"));
            }
        }
        assertThat(Files.size(dir.resolve("many.shx"))).isEqualTo(100 + 8L * n);
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.size()).isEqualTo(n);
            long count = 0;
            for (SourceFeature f; (f = r.next()) != null; count++) {
                assertThat(f.attributes().get("BSM")).isEqualTo(count);
            }
            assertThat(count).isEqualTo(n);
        }
    }
}
