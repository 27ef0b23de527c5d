package org.gengbao.spatial.io.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.io.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapefileEncodingTest {
    static final Charset GBK = Charset.forName("GBK");

    /** Everyday county text: GB/T 21010 land-use classes, places, names with characters outside GB2312. */
    static final String[] CORPUS = {
        "水田",
        "水浇地",
        "旱地",
        "果园",
        "茶园",
        "橡胶园",
        "其他园地",
        "乔木林地",
        "竹林地",
        "红树林地",
        "灌木林地",
        "其他林地",
        "天然牧草地",
        "人工牧草地",
        "其他草地",
        "商业服务业设施用地",
        "物流仓储用地",
        "工业用地",
        "采矿用地",
        "城镇住宅用地",
        "农村宅基地",
        "机关团体新闻出版用地",
        "科教文卫用地",
        "公用设施用地",
        "公园与绿地",
        "广场用地",
        "特殊用地",
        "铁路用地",
        "公路用地",
        "城镇村道路用地",
        "农村道路",
        "河流水面",
        "湖泊水面",
        "水库水面",
        "坑塘水面",
        "内陆滩涂",
        "沟渠",
        "沼泽地",
        "水工建筑用地",
        "设施农用地",
        "田坎",
        "盐碱地",
        "沙地",
        "裸土地",
        "裸岩石砾地",
        "空闲地",
        "永久基本农田",
        "张家村",
        "李家庄村民委员会",
        "王家湾",
        "赵家坪",
        "石门坎村",
        "白鹤镇",
        "龙王庙村",
        "黄土岭村",
        "桃花坞",
        "柳树屯",
        "马家堡",
        "王堃",
        "李犇",
        "刘喆",
        "陈昇",
        "赵珺",
        "杨玥",
        "国土資源局",
        "臺灣鄉鎮",
        "第（一）组",
        "面积１２．５亩",
        "违法占地№3",
        "鄱阳湖",
        "沣西新城",
        "亳州市谯城区",
        "濮阳县",
        "呼和浩特",
        "喀什",
        "重庆市綦江区",
        "浙江省衢州市",
        "乌鲁木齐",
        "凉山彝族自治州",
        "2024年第1季度",
        "A区-3号"
    };

    @TempDir
    Path dir;

    static SpatialInputException failure(Path shp, Charset override) {
        try (ShapefileReader r = ShapefileReader.open(shp, override)) {
            while (r.next() != null) {
                // read through
            }
        } catch (SpatialInputException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("No error reading " + shp);
    }

    static List<Object> names(Path shp, Charset override) throws Exception {
        List<Object> out = new ArrayList<>();
        try (ShapefileReader r = ShapefileReader.open(shp, override)) {
            for (SourceFeature f; (f = r.next()) != null; ) {
                out.add(f.attributes().get("NAME"));
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        "GBK, GB18030",
        "gbk, GB18030",
        "936, GB18030",
        "CP936, GB18030",
        "ANSI 936, GB18030",
        "GB2312, GB18030",
        "GB18030, GB18030",
        "UTF-8, UTF-8",
        "UTF8, UTF-8",
        "utf-8, UTF-8",
        "65001, UTF-8",
        "1252, windows-1252",
        "88591, ISO-8859-1",
        "8859_1, ISO-8859-1",
        "950, x-windows-950",
        "Big5, Big5",
    })
    void mapsCodePageNames(String cpg, String charset) {
        assertThat(ShapefileEncoding.fromCodePageName(cpg)).isEqualTo(Charset.forName(charset));
    }

    @Test
    void ignoresVagueCodePageNames() {
        assertThat(ShapefileEncoding.fromCodePageName("")).isNull();
        assertThat(ShapefileEncoding.fromCodePageName("SYSTEM")).isNull();
        assertThat(ShapefileEncoding.fromCodePageName("OEM")).isNull();
        assertThat(ShapefileEncoding.fromCodePageName("ANSI")).isNull();
        assertThat(ShapefileEncoding.fromLanguageDriver(0x4D)).isEqualTo(ShapefileEncoding.GB18030);
        assertThat(ShapefileEncoding.fromLanguageDriver(0x57)).isNull();
        assertThat(ShapefileEncoding.fromLanguageDriver(0)).isNull();
    }

    @Test
    void readsGbkCorpusWithoutFalseAlarms() throws Exception {
        Path shp = ShapefileTestFiles.names(dir, "gbk", GBK, CORPUS);
        assertThat(names(shp, null)).containsExactly((Object[]) CORPUS);
        assertThat(names(shp, GBK)).containsExactly((Object[]) CORPUS);
        ShapefileTestFiles.declare(shp, null);
        assertThat(names(shp, null)).containsExactly((Object[]) CORPUS);
        // every single value on its own, as a one-record file detected or declared GBK
        for (String s : CORPUS) {
            Path one = ShapefileTestFiles.names(dir, "one", GBK, s);
            assertThat(names(one, null)).as(s).containsExactly(s);
            ShapefileTestFiles.declare(one, null);
            assertThat(names(one, null)).as(s).containsExactly(s);
        }
    }

    @Test
    void detectsUtf8AndGbkWithoutDeclaration() throws Exception {
        Path gbk = ShapefileTestFiles.names(dir, "g", GBK, "plain", "旱地", "张家村");
        ShapefileTestFiles.declare(gbk, null);
        try (ShapefileReader r = ShapefileReader.open(gbk, null)) {
            assertThat(r.encoding()).isEqualTo(ShapefileEncoding.GB18030);
        }
        Path utf8 = ShapefileTestFiles.names(dir, "u", StandardCharsets.UTF_8, "plain", "旱地", "张家村");
        ShapefileTestFiles.declare(utf8, null);
        try (ShapefileReader r = ShapefileReader.open(utf8, null)) {
            assertThat(r.encoding()).isEqualTo(StandardCharsets.UTF_8);
        }
        assertThat(names(utf8, null)).containsExactly("plain", "旱地", "张家村");
    }

    @Test
    void honoursGbkLanguageDriverWithoutCpg() throws Exception {
        Path shp = ShapefileTestFiles.names(dir, "ldid", GBK, "水田");
        java.nio.file.Files.delete(dir.resolve("ldid.cpg"));
        assertThat(java.nio.file.Files.readAllBytes(dir.resolve("ldid.dbf"))[29])
                .isEqualTo((byte) 0x4D);
        assertThat(names(shp, null)).containsExactly("水田");
    }

    @Test
    void gbkReadAsUtf8IsAMismatch() throws Exception {
        Path shp = ShapefileTestFiles.names(dir, "tb", GBK, "abc", "旱地");
        SpatialInputException forced = failure(shp, StandardCharsets.UTF_8);
        assertThat(forced.code()).isEqualTo("ENCODING_MISMATCH");
        assertThat(forced.messageEn())
                .contains("NAME")
                .contains("record 2 (FID 1)")
                .contains("UTF-8")
                .contains("--encoding GBK")
                .contains("tb.dbf");
        assertThat(forced.messageZh())
                .contains("NAME")
                .contains("第 2 条记录")
                .contains("UTF-8")
                .contains("--encoding");

        ShapefileTestFiles.declare(shp, "UTF-8");
        SpatialInputException declared = failure(shp, null);
        assertThat(declared.code()).isEqualTo("ENCODING_MISMATCH");
        assertThat(declared.messageEn()).contains(".cpg");
    }

    @Test
    void utf8ReadAsGbkIsAMismatch() throws Exception {
        Path shp = ShapefileTestFiles.names(dir, "u8", StandardCharsets.UTF_8, "旱地", "水田", "张家村");
        SpatialInputException forced = failure(shp, GBK);
        assertThat(forced.code()).isEqualTo("ENCODING_MISMATCH");
        assertThat(forced.messageEn()).contains("actually UTF-8").contains("--encoding UTF-8");
        assertThat(forced.messageZh()).contains("UTF-8").contains("乱码");

        ShapefileTestFiles.declare(shp, "GBK");
        assertThat(failure(shp, null).messageEn()).contains(".cpg");

        // each common word alone, too
        for (String word : new String[] {"旱地", "水田", "张家村", "基本农田", "李家庄", "设施农用地"}) {
            Path one = ShapefileTestFiles.names(dir, "w", StandardCharsets.UTF_8, word);
            assertThat(failure(one, GBK).code()).as(word).isEqualTo("ENCODING_MISMATCH");
        }
    }

    @Test
    void dropsACharacterCutOffAtTheEndOfAFullField() throws Exception {
        int[] width = {5};
        ShapefileTestFiles.nullShapes(dir, "cut", 2);
        java.nio.file.Files.delete(dir.resolve("cut.cpg"));
        byte[] cut = {(byte) 0xD5, (byte) 0xC5, (byte) 0xBC, (byte) 0xD2, (byte) 0xB4}; // 张家 + half of 村
        byte[] loose = {(byte) 0xD5, (byte) 0xC5, (byte) 0xB4, ' ', ' '}; // 张 + a lone lead byte
        ShapefileTestFiles.rawDbf(
                dir.resolve("cut.dbf"),
                0x4D,
                List.of("NAME:C:5:0"),
                List.of(cut, ShapefileTestFiles.record(GBK, width, "李")));
        assertThat(names(dir.resolve("cut.shp"), null)).containsExactly("张家", "李");
        ShapefileTestFiles.rawDbf(dir.resolve("cut.dbf"), 0x4D, List.of("NAME:C:5:0"), List.of(loose, loose));
        assertThat(failure(dir.resolve("cut.shp"), null).code()).isEqualTo("ENCODING_MISMATCH");
    }
}
