package org.gengbao.spatial.io.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.CrsRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapefileZipTest {
    @TempDir
    Path dir;

    Path shp;

    @BeforeEach
    void sample() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        shp = ShapefileRoundTripTest.writeSample(dir.resolve("src"), "tb", Charset.forName("GBK"));
    }

    static Set<Path> extractionDirs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("gengbao-shp-"))
                    .collect(Collectors.toSet());
        }
    }

    static SpatialInputException failure(Path zip, String layer, ZipLimits limits) {
        try (ShapefileReader r = ShapefileReader.open(zip, null, layer, limits)) {
            throw new AssertionError("Opened " + zip + " with " + r.size() + " features");
        } catch (SpatialInputException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static SpatialInputException failure(Path zip) {
        return failure(zip, null, ZipLimits.DEFAULT);
    }

    @Test
    void readsShapefileFromSubfolderAndDeletesTheExtraction() throws Exception {
        Path zip = ShapefileTestFiles.zip(dir.resolve("上传.zip"), ShapefileTestFiles.entries(shp, "2024年/图斑/", "耕地图斑"));
        Set<Path> before = extractionDirs();
        try (ShapefileReader r = ShapefileReader.open(zip, null)) {
            assertThat(extractionDirs()).hasSize(before.size() + 1);
            assertThat(r.declaredCrs()).contains(CrsRegistry.byEpsg(4527));
            assertThat(r.size()).isEqualTo(4);
            assertThat(r.next().attributes()).containsEntry("QSDWMC", "张家村");
        }
        assertThat(extractionDirs()).isEqualTo(before);
    }

    @Test
    void readsEntryNamesWrittenInGbkWithoutUtf8Flag() throws Exception {
        Path zip = dir.resolve("windows.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), Charset.forName("GBK"))) {
            for (var e : ShapefileTestFiles.entries(shp, "数据/", "耕地").entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        try (ShapefileReader r = ShapefileReader.open(zip, null)) {
            assertThat(r.size()).isEqualTo(4);
        }
        Files.delete(shp.resolveSibling("tb.dbf"));
        Path broken = dir.resolve("broken.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken), Charset.forName("GBK"))) {
            for (var e : ShapefileTestFiles.entries(shp, "数据/", "耕地").entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        SpatialInputException e = failure(broken);
        assertThat(e.code()).isEqualTo("SHAPEFILE_MISSING_DBF");
        assertThat(e.messageZh()).contains("数据/耕地.dbf").contains("broken.zip");
    }

    @Test
    void ignoresMacOsResourceForks() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(ShapefileTestFiles.entries(shp, "", "tb"));
        entries.put("__MACOSX/._tb.shp", new byte[] {0, 5, 22, 7});
        entries.put("._tb.shp", new byte[] {0, 5, 22, 7});
        try (ShapefileReader r = ShapefileReader.open(ShapefileTestFiles.zip(dir.resolve("mac.zip"), entries), null)) {
            assertThat(r.size()).isEqualTo(4);
        }
    }

    @Test
    void rejectsArchiveWithoutShapefile() throws Exception {
        Path zip = ShapefileTestFiles.zip(
                dir.resolve("docs.zip"),
                Map.of("说明.txt", "你好".getBytes(StandardCharsets.UTF_8), "data.gpkg", new byte[] {1}));
        SpatialInputException e = failure(zip);
        assertThat(e.code()).isEqualTo("ZIP_NOT_SHAPEFILE");
        assertThat(e.messageZh()).contains("说明.txt").contains("GeoPackage");
        assertThat(e.messageEn()).contains("docs.zip");
    }

    @Test
    void reportsMissingShpWhenOnlyOtherPartsAreThere() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(ShapefileTestFiles.entries(shp, "a/", "tb"));
        entries.remove("a/tb.shp");
        SpatialInputException e = failure(ShapefileTestFiles.zip(dir.resolve("noshp.zip"), entries));
        assertThat(e.code()).isEqualTo("SHAPEFILE_MISSING_SHP");
        assertThat(e.messageEn()).contains("a/tb.shp");
    }

    @Test
    void severalShapefilesNeedALayerName() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(ShapefileTestFiles.entries(shp, "", "耕地"));
        entries.putAll(ShapefileTestFiles.entries(shp, "其他/", "村界"));
        Path zip = ShapefileTestFiles.zip(dir.resolve("two.zip"), entries);
        SpatialInputException e = failure(zip);
        assertThat(e.code()).isEqualTo("ZIP_SEVERAL_SHAPEFILES");
        assertThat(e.messageZh()).contains("耕地").contains("其他/村界");
        assertThat(e.messageEn()).contains("耕地").contains("其他/村界");

        try (ShapefileReader r = ShapefileReader.open(zip, null, "村界", ZipLimits.DEFAULT)) {
            assertThat(r.size()).isEqualTo(4);
        }
        try (ShapefileReader r = ShapefileReader.open(zip, null, "耕地", ZipLimits.DEFAULT)) {
            assertThat(r.size()).isEqualTo(4);
        }
        assertThat(failure(zip, "水系", ZipLimits.DEFAULT).code()).isEqualTo("ZIP_LAYER_NOT_FOUND");
    }

    @Test
    void rejectsFilesThatAreNoZip() throws Exception {
        Path fake = dir.resolve("fake.zip");
        Files.writeString(fake, "这不是压缩包");
        SpatialInputException e = failure(fake);
        assertThat(e.code()).isEqualTo("ZIP_INVALID");
        assertThat(e.messageZh()).contains("fake.zip");
        Path text = dir.resolve("upload.bin");
        Files.writeString(text, "hello");
        assertThat(failure(text).code()).isEqualTo("ZIP_INVALID");
    }

    @Test
    void rejectsArchiveInflatingBeyondTheTotalLimit() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(ShapefileTestFiles.entries(shp, "", "tb"));
        entries.put("padding.bin", new byte[3 << 20]);
        Path zip = ShapefileTestFiles.zip(dir.resolve("bomb.zip"), entries);
        assertThat(Files.size(zip)).isLessThan(20_000);
        SpatialInputException e = failure(zip, null, ZipLimits.DEFAULT.withMaxTotalBytes(1 << 20));
        assertThat(e.code()).isEqualTo("ZIP_BOMB");
        assertThat(e.messageEn()).contains("1 MiB");
    }

    @Test
    void rejectsEntriesCompressedBeyondTheRatio() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(ShapefileTestFiles.entries(shp, "", "tb"));
        entries.put("tb.cpg", new byte[2 << 20]);
        SpatialInputException e = failure(ShapefileTestFiles.zip(dir.resolve("ratio.zip"), entries));
        assertThat(e.code()).isEqualTo("ZIP_BOMB");
        assertThat(e.messageZh()).contains("tb.cpg").contains("200:1");
    }

    @Test
    void rejectsTooManyEntries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(ShapefileTestFiles.entries(shp, "", "tb"));
        for (int i = 0; i < 10; i++) {
            entries.put("x" + i + ".txt", new byte[0]);
        }
        Path zip = ShapefileTestFiles.zip(dir.resolve("many.zip"), entries);
        SpatialInputException e = failure(zip, null, new ZipLimits(10, 1L << 30, 200, 1 << 20));
        assertThat(e.code()).isEqualTo("ZIP_BOMB");
    }

    @Test
    void rejectsUnsafePaths() throws Exception {
        for (String evil : List.of("../evil.txt", "a/../../evil.txt", "/etc/evil.txt", "C:\\evil.txt", "a\\..\\b")) {
            Map<String, byte[]> entries = new LinkedHashMap<>(ShapefileTestFiles.entries(shp, "", "tb"));
            entries.put(evil, new byte[] {1});
            SpatialInputException e = failure(ShapefileTestFiles.zip(dir.resolve("evil.zip"), entries));
            assertThat(e.code()).as(evil).isEqualTo("ZIP_UNSAFE_PATH");
            assertThat(e.messageEn()).contains(evil);
        }
    }
}
