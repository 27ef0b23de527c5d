package org.gengbao.spatial.io.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapefileReaderTest {
    static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    Path sample() throws Exception {
        return ShapefileRoundTripTest.writeSample(dir, "tb", GBK);
    }

    /** Reads everything and returns the error; counts the features read before it. */
    static SpatialInputException failure(Path path, int[] readBefore) {
        try (ShapefileReader r = ShapefileReader.open(path, null)) {
            while (r.next() != null) {
                readBefore[0]++;
            }
        } catch (SpatialInputException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("No error reading " + path);
    }

    static SpatialInputException failure(Path path) {
        return failure(path, new int[1]);
    }

    static void truncate(Path file, long bytesToRemove) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - bytesToRemove);
        }
    }

    static void setRecordCount(Path dbf, int count) throws Exception {
        try (FileChannel ch = FileChannel.open(dbf, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, count), 4);
        }
    }

    @Test
    void missingDbf() throws Exception {
        Path shp = sample();
        Files.delete(dir.resolve("tb.dbf"));
        SpatialInputException e = failure(shp);
        assertThat(e.code()).isEqualTo("SHAPEFILE_MISSING_DBF");
        assertThat(e.messageZh()).contains("tb.dbf");
        assertThat(e.messageEn()).contains("tb.dbf");
    }

    @Test
    void missingShpWhenOpenedThroughASiblingFile() throws Exception {
        sample();
        try (ShapefileReader r = ShapefileReader.open(dir.resolve("tb.dbf"), null)) {
            assertThat(r.size()).isEqualTo(4);
        }
        Files.delete(dir.resolve("tb.shp"));
        SpatialInputException e = failure(dir.resolve("tb.dbf"));
        assertThat(e.code()).isEqualTo("SHAPEFILE_MISSING_SHP");
        assertThat(e.messageEn()).contains("tb.shp");
    }

    @Test
    void findsSiblingsIgnoringCase() throws Exception {
        sample();
        Files.move(dir.resolve("tb.dbf"), dir.resolve("TB.DBF"));
        Files.move(dir.resolve("tb.prj"), dir.resolve("tb.PRJ"));
        try (ShapefileReader r = ShapefileReader.open(dir.resolve("tb.shp"), null)) {
            assertThat(r.declaredCrs()).isPresent();
            assertThat(r.next().attributes()).containsEntry("DLMC", "旱地");
        }
    }

    @Test
    void worksWithoutShxAndPrj() throws Exception {
        Path shp = sample();
        Files.delete(dir.resolve("tb.shx"));
        Files.delete(dir.resolve("tb.prj"));
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.declaredCrs()).isEmpty();
            List<SourceFeature> all = ShapefileRoundTripTest.readAll(r);
            assertThat(all).hasSize(4);
            assertThat(all.get(0).geometry().getSRID()).isZero();
        }
    }

    @Test
    void truncatedShpNamesTheRecord() throws Exception {
        Path shp = sample();
        truncate(shp, 20); // the null shape (12 bytes) and the end of record 3
        for (boolean withShx : new boolean[] {true, false}) {
            if (!withShx) {
                Files.delete(dir.resolve("tb.shx"));
            }
            int[] read = new int[1];
            SpatialInputException e = failure(shp, read);
            assertThat(read[0]).isEqualTo(2);
            assertThat(e.code()).isEqualTo("SHAPEFILE_CORRUPT");
            assertThat(e.messageEn()).contains("record 3 (FID 2)").contains("tb.shp");
            assertThat(e.messageZh()).contains("第 3 条记录（FID 2）");
        }
    }

    @Test
    void recordCountsMustAgree() throws Exception {
        Path shp = sample();
        setRecordCount(dir.resolve("tb.dbf"), 3);
        SpatialInputException atOpen = failure(shp);
        assertThat(atOpen.code()).isEqualTo("SHAPEFILE_CORRUPT");
        assertThat(atOpen.messageEn()).contains("4 shapes").contains("3 records");

        Files.delete(dir.resolve("tb.shx"));
        int[] read = new int[1];
        SpatialInputException atEnd = failure(shp, read);
        assertThat(read[0]).isEqualTo(3);
        assertThat(atEnd.code()).isEqualTo("SHAPEFILE_CORRUPT");
        assertThat(atEnd.messageZh()).contains("不匹配");
    }

    @Test
    void shpWithFewerShapesThanRecords() throws Exception {
        Path shp = sample();
        Files.delete(dir.resolve("tb.shx"));
        truncate(shp, 12); // drop the null shape, record 4
        int[] read = new int[1];
        SpatialInputException e = failure(shp, read);
        assertThat(read[0]).isEqualTo(3);
        assertThat(e.code()).isEqualTo("SHAPEFILE_CORRUPT");
        assertThat(e.messageEn()).contains("3 shapes").contains("4 records");
    }

    @Test
    void truncatedDbf() throws Exception {
        Path shp = sample();
        truncate(dir.resolve("tb.dbf"), 10);
        SpatialInputException e = failure(shp);
        assertThat(e.code()).isEqualTo("SHAPEFILE_CORRUPT");
        assertThat(e.messageEn()).contains("declares 4 records").contains("only 3");
    }

    @Test
    void shpThatIsNoShapefile() throws Exception {
        Path shp = sample();
        Files.writeString(shp, "这不是 shapefile".repeat(20));
        SpatialInputException e = failure(shp);
        assertThat(e.code()).isEqualTo("SHAPEFILE_CORRUPT");
        assertThat(e.messageEn()).contains("not that of a shapefile");
    }

    @Test
    void contradictoryRecordIsCorrupt() throws Exception {
        Path shp = sample();
        // record 1 starts at 100: 8-byte header, shape type, 32-byte box, then numParts at 144
        try (FileChannel ch = FileChannel.open(shp, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 100_000), 144);
        }
        SpatialInputException e = failure(shp);
        assertThat(e.code()).isEqualTo("SHAPEFILE_CORRUPT");
        assertThat(e.messageEn()).contains("record 1 (FID 0)").contains("100000 parts");
    }

    @Test
    void deletedRecordsAreSkippedAndNotCounted() throws Exception {
        Path shp = sample();
        ShapefileTestFiles.markDeleted(dir.resolve("tb.dbf"), 0);
        ShapefileTestFiles.markDeleted(dir.resolve("tb.dbf"), 3);
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.size()).isEqualTo(2);
            List<SourceFeature> all = ShapefileRoundTripTest.readAll(r);
            assertThat(all).extracting(SourceFeature::index).containsExactly(1L, 2L);
            assertThat(all.get(0).attributes()).containsEntry("DLMC", "水田");
            assertThat(all.get(0).geometry().getNumGeometries()).isEqualTo(2);
        }
        for (int i = 0; i < 4; i++) {
            ShapefileTestFiles.markDeleted(dir.resolve("tb.dbf"), i);
        }
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.size()).isZero();
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void readsEveryDbaseType() throws Exception {
        Path shp = ShapefileTestFiles.nullShapes(dir, "types", 3);
        Files.delete(dir.resolve("types.cpg"));
        List<String> fields = List.of(
                "NAME:C:8:0", "N0:N:6:0", "N4:N:8:4", "BIG:N:20:0", "F:F:12:3", "D:D:8:0", "L:L:1:0", "M:M:10:0");
        int[] w = {8, 6, 8, 20, 12, 8, 1, 10};
        ShapefileTestFiles.rawDbf(
                dir.resolve("types.dbf"),
                0x4D,
                fields,
                List.of(
                        ShapefileTestFiles.record(
                                GBK,
                                w,
                                " 旱地 ",
                                "    42",
                                "  0.0800",
                                "12345678901234567890",
                                "-1.5e2",
                                "20240131",
                                "T",
                                "0000000012"),
                        ShapefileTestFiles.record(GBK, w, "", "******", "", "", "", "00000000", "?", ""),
                        ShapefileTestFiles.record(GBK, w, "x", "  12.5", "+3", "-7", "0", "20240229", "n", "")));
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.fields())
                    .containsExactly(
                            FieldDef.string("NAME", 8),
                            FieldDef.integer("N0", 6),
                            FieldDef.decimal("N4", 8, 4),
                            FieldDef.decimal("BIG", 20, 0),
                            FieldDef.decimal("F", 12, 3),
                            FieldDef.date("D"),
                            FieldDef.string("L", 1),
                            FieldDef.string("M", 10));
            Map<String, Object> a = r.next().attributes();
            assertThat(a)
                    .containsEntry("NAME", "旱地")
                    .containsEntry("N0", 42L)
                    .containsEntry("N4", new BigDecimal("0.0800"))
                    .containsEntry("BIG", new BigDecimal("12345678901234567890"))
                    .containsEntry("F", new BigDecimal("-1.5e2"))
                    .containsEntry("D", LocalDate.of(2024, 1, 31))
                    .containsEntry("L", Boolean.TRUE)
                    .containsEntry("M", "0000000012");
            assertThat(r.next().attributes().values()).containsOnlyNulls();
            Map<String, Object> c = r.next().attributes();
            assertThat(c)
                    .containsEntry("N0", new BigDecimal("12.5"))
                    .containsEntry("N4", new BigDecimal("3"))
                    .containsEntry("BIG", new BigDecimal("-7"))
                    .containsEntry("D", LocalDate.of(2024, 2, 29))
                    .containsEntry("L", Boolean.FALSE);
        }
    }

    @Test
    void invalidValuesNameFieldRecordAndText() throws Exception {
        Path shp = ShapefileTestFiles.nullShapes(dir, "bad", 2);
        Files.delete(dir.resolve("bad.cpg"));
        int[] w = {8, 6};
        for (String[] bad : new String[][] {{"20241341", "1"}, {"20240101", "1,5"}}) {
            ShapefileTestFiles.rawDbf(
                    dir.resolve("bad.dbf"),
                    0,
                    List.of("RQ:D:8:0", "SL:N:6:0"),
                    List.of(
                            ShapefileTestFiles.record(StandardCharsets.US_ASCII, w, "20240101", "1"),
                            ShapefileTestFiles.record(StandardCharsets.US_ASCII, w, bad)));
            int[] read = new int[1];
            SpatialInputException e = failure(shp, read);
            assertThat(read[0]).isEqualTo(1);
            assertThat(e.code()).isEqualTo("DBF_INVALID_VALUE");
            String text = bad[0].equals("20241341") ? "20241341" : "1,5";
            assertThat(e.messageEn())
                    .contains(text)
                    .contains("record 2 (FID 1)")
                    .contains("bad.dbf");
            assertThat(e.messageZh()).contains(text).contains(bad[0].equals("20241341") ? "RQ" : "SL");
        }
    }

    @Test
    void fieldNamesMayBeChinese() throws Exception {
        Path shp = ShapefileTestFiles.nullShapes(dir, "cn", 1);
        Files.delete(dir.resolve("cn.cpg"));
        Path dbf = dir.resolve("cn.dbf");
        ShapefileTestFiles.rawDbf(dbf, 0x4D, List.of("XXXX:C:4:0"), List.of("张三".getBytes(GBK)));
        byte[] bytes = Files.readAllBytes(dbf);
        byte[] name = "地类".getBytes(GBK);
        System.arraycopy(name, 0, bytes, 32, 4);
        Files.write(dbf, bytes);
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertThat(r.fields()).extracting(FieldDef::name).containsExactly("地类");
            assertThat(r.next().attributes()).isEqualTo(Map.of("地类", "张三"));
        }
        assertThat(Arrays.copyOfRange(bytes, 32, 36)).isEqualTo(name);
    }

    @Test
    void xian1980PrjIsRejectedNamingTheFile() throws Exception {
        Path shp = sample();
        Files.writeString(
                dir.resolve("tb.prj"),
                "PROJCS[\"Xian_1980_3_Degree_GK_Zone_39\",GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\","
                        + "SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],"
                        + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],"
                        + "PARAMETER[\"False_Easting\",39500000.0],PARAMETER[\"False_Northing\",0.0],"
                        + "PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",1.0],"
                        + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        SpatialInputException e = failure(shp);
        assertThat(e.code()).isEqualTo("CRS_UNSUPPORTED");
        assertThat(e.messageZh()).contains("tb.prj").contains("西安 80").contains("CGCS2000");
        assertThat(e.messageEn()).contains("tb.prj").contains("Xi'an 1980").contains("convert");
    }
}
