package org.gengbao.spatial.io.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.FieldType;
import org.gengbao.spatial.io.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** GDAL as the independent reader of what {@link ShapefileWriter} writes and writer of what the reader reads. */
class ShapefileGdalTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"GBK", "UTF-8"})
    void gdalReadsWhatWeWrite(String encoding) throws Exception {
        Path shp = ShapefileRoundTripTest.writeSample(dir, "tb", Charset.forName(encoding));

        String summary = Gdal.run(dir, "ogrinfo", "-ro", "-al", "-so", shp.toString());
        assertThat(summary)
                .contains("Geometry: Polygon")
                .contains("Feature Count: 4")
                .contains("DLMC: String (20.0)")
                .contains("BSM: Integer64 (10.0)")
                .contains("TBMJ: Real (15.2)")
                .contains("XS: Real (8.4)")
                .contains("GXSJ: Date")
                .contains("CGCS2000 / 3-degree Gauss-Kruger zone 39")
                .contains("ID[\"EPSG\",4527]]");

        String features = Gdal.run(dir, "ogrinfo", "-ro", "-al", "-q", shp.toString());
        assertThat(features)
                .contains("DLMC (String) = 旱地")
                .contains("QSDWMC (String) = 张家村")
                .contains("QSDWMC (String) = 李家庄村民委员会")
                .contains("TBMJ (Real) = 1234.56")
                .contains("XS (Real) = 0.0800")
                .contains("GXSJ (Date) = 2024/01/31")
                .contains("DLMC (String) = (null)");
        WKTReader wkt = new WKTReader();
        List<Geometry> gdalGeometries = features.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("POLYGON") || l.startsWith("MULTIPOLYGON"))
                .map(l -> {
                    try {
                        return wkt.read(l);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        List<Geometry> expected = ShapefileRoundTripTest.geometries();
        assertThat(gdalGeometries).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(gdalGeometries.get(i).norm().equalsExact(expected.get(i).norm()))
                    .as("GDAL's geometry %d", i)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4490, 4326, 4513, 4527, 4533, 4534, 4548, 4554, 4491, 4498, 4501, 4502, 4509, 4512})
    void gdalIdentifiesTheEsriWktWeWrite(int epsg) throws Exception {
        Path prj = dir.resolve("x.prj");
        Files.writeString(prj, PrjFiles.esriWkt(CrsRegistry.byEpsg(epsg)));
        assertThat(Gdal.run(dir, "gdalsrsinfo", "-o", "epsg", prj.toString()).strip())
                .isEqualTo("EPSG:" + epsg);
    }

    static final String GEOJSON =
            """
            {"type": "FeatureCollection", "features": [
             {"type": "Feature", "properties": {"DLMC": "旱地", "QSDWMC": "张家村", "BSM": 12, "TBMJ": 1234.56,
               "GXSJ": "2024-01-31", "BZ": "  有 空格  "},
              "geometry": {"type": "Polygon", "coordinates": [[[39500000, 4000000], [39500100, 4000000],
                [39500100, 4000100], [39500000, 4000100], [39500000, 4000000]], [[39500020, 4000020],
                [39500020, 4000040], [39500040, 4000040], [39500040, 4000020], [39500020, 4000020]]]}},
             {"type": "Feature", "properties": {"DLMC": "水田", "QSDWMC": "𠀀村", "BSM": null, "TBMJ": null,
               "GXSJ": null, "BZ": ""},
              "geometry": null},
             {"type": "Feature", "properties": {"DLMC": "果园", "QSDWMC": "李家庄", "BSM": 3, "TBMJ": 0.5,
               "GXSJ": "1999-12-01", "BZ": "x"},
              "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[39500200, 4000000], [39500200, 4000050], [39500250, 4000050], [39500200, 4000000]]],
                [[[39500300, 4000000], [39500300, 4000050], [39500350, 4000050], [39500300, 4000000]]]]}}
            ]}
            """;

    private Path ogr2ogr(String encoding) throws Exception {
        String json = encoding.equals("GBK") ? GEOJSON.replace("𠀀村", "王家村") : GEOJSON;
        Path geojson = dir.resolve("in.geojson");
        Files.writeString(geojson, json, StandardCharsets.UTF_8);
        Path out = dir.resolve("out_" + encoding.replace("-", "") + ".shp");
        Gdal.run(
                dir,
                "ogr2ogr",
                "-f",
                "ESRI Shapefile",
                "-lco",
                "ENCODING=" + encoding,
                "-a_srs",
                "EPSG:4527",
                "-nlt",
                "MULTIPOLYGON",
                out.toString(),
                geojson.toString());
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"GBK", "UTF-8"})
    void readsWhatGdalWrites(String encoding) throws Exception {
        Path shp = ogr2ogr(encoding);
        assertThat(Files.readString(dir.resolve(shp.getFileName().toString().replace(".shp", ".cpg"))))
                .isEqualTo(encoding);
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.declaredCrs()).contains(CrsRegistry.byEpsg(4527));
            assertThat(r.size()).isEqualTo(3);
            Map<String, FieldType> types =
                    r.fields().stream().collect(java.util.stream.Collectors.toMap(FieldDef::name, FieldDef::type));
            assertThat(types)
                    .containsEntry("DLMC", FieldType.STRING)
                    .containsEntry("BSM", FieldType.INTEGER)
                    .containsEntry("TBMJ", FieldType.DECIMAL)
                    .containsEntry("GXSJ", FieldType.DATE);

            SourceFeature first = r.next();
            assertThat(first.attributes())
                    .containsEntry("DLMC", "旱地")
                    .containsEntry("QSDWMC", "张家村")
                    .containsEntry("BSM", 12L)
                    .containsEntry("GXSJ", LocalDate.of(2024, 1, 31))
                    .containsEntry("BZ", "有 空格");
            // GDAL writes reals with 15 decimals; the reader keeps what is written
            assertThat(((BigDecimal) first.attributes().get("TBMJ")).doubleValue())
                    .isEqualTo(1234.56);
            Polygon p = (Polygon) first.geometry();
            assertThat(p.getNumInteriorRing()).isEqualTo(1);
            assertThat(p.getSRID()).isEqualTo(4527);
            assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinates())).isFalse();

            SourceFeature second = r.next();
            assertThat((Object) second.geometry()).isNull();
            assertThat(second.attributes())
                    .containsEntry("DLMC", "水田")
                    .containsEntry("QSDWMC", encoding.equals("GBK") ? "王家村" : "𠀀村")
                    .containsEntry("BSM", null)
                    .containsEntry("TBMJ", null)
                    .containsEntry("GXSJ", null)
                    .containsEntry("BZ", null);

            SourceFeature third = r.next();
            assertThat(third.geometry().getGeometryType()).isEqualTo("MultiPolygon");
            assertThat(third.attributes()).containsEntry("QSDWMC", "李家庄");
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void readsGdalShapefileWithoutCpgByDetection() throws Exception {
        Path shp = ogr2ogr("GBK");
        Files.delete(dir.resolve("out_GBK.cpg"));
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.encoding()).isEqualTo(ShapefileEncoding.GB18030);
            assertThat(r.next().attributes()).containsEntry("QSDWMC", "张家村");
        }
        Path utf8 = ogr2ogr("UTF-8");
        Files.delete(dir.resolve("out_UTF8.cpg"));
        try (ShapefileReader r = ShapefileReader.open(utf8, null)) {
            assertThat(r.encoding()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(r.next().attributes()).containsEntry("QSDWMC", "张家村");
        }
    }

    @Test
    void gdalSkipsTheRecordsWeSkipAsDeleted() throws Exception {
        Path shp = ShapefileRoundTripTest.writeSample(dir, "del", Charset.forName("GBK"));
        ShapefileTestFiles.markDeleted(dir.resolve("del.dbf"), 1);
        String gdal = Gdal.run(dir, "ogrinfo", "-ro", "-al", "-q", shp.toString());
        assertThat(gdal.split("OGRFeature\\(", -1)).hasSize(4);
        assertThat(gdal).doesNotContain("李家庄村民委员会").contains("OGRFeature(del):3");
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.size()).isEqualTo(3);
            List<SourceFeature> all = ShapefileRoundTripTest.readAll(r);
            assertThat(all).extracting(SourceFeature::index).containsExactly(0L, 2L, 3L);
            assertThat(all.get(1).attributes()).containsEntry("QSDWMC", "王家湾");
            assertThat(all.get(1).geometry().getNumGeometries()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POLYGONZ | Polygon | [[[0,0,5],[0,1,5],[1,1,5],[1,0,5],[0,0,5]]] | POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))",
                "POLYGONM | Polygon | [[[0,0],[0,1],[1,1],[1,0],[0,0]]] | POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))",
                "POINTZ | Point | [3,4,5] | POINT (3 4)",
                "POINTM | Point | [3,4] | POINT (3 4)",
                "MULTIPOINTZ | MultiPoint | [[3,4,5],[6,7,8]] | MULTIPOINT ((3 4), (6 7))",
                "LINESTRINGM | LineString | [[0,0],[1,1]] | LINESTRING (0 0, 1 1)",
                "LINESTRINGZ | LineString | [[0,0,1],[1,1,1]] | LINESTRING (0 0, 1 1)",
            })
    void readsZAndMVariantsWrittenByGdal(String nlt, String type, String coordinates, String expected)
            throws Exception {
        Path geojson = dir.resolve("zm.geojson");
        Files.writeString(
                geojson,
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"A\":\"甲\"},"
                        + "\"geometry\":{\"type\":\"" + type + "\",\"coordinates\":" + coordinates + "}}]}");
        Path out = dir.resolve("zm.shp");
        Gdal.run(
                dir,
                "ogr2ogr",
                "-f",
                "ESRI Shapefile",
                "-lco",
                "ENCODING=UTF-8",
                "-nlt",
                nlt,
                out.toString(),
                geojson.toString());
        try (ShapefileReader r = ShapefileReader.open(out, null)) {
            assertThat(r.declaredCrs()).contains(CrsRegistry.WGS84);
            SourceFeature f = r.next();
            assertThat(f.geometry()
                            .norm()
                            .equalsExact(new WKTReader().read(expected).norm()))
                    .as("%s", f.geometry())
                    .isTrue();
            assertThat(f.attributes()).containsEntry("A", "甲");
        }
    }
}
