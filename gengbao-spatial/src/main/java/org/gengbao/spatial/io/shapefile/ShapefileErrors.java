package org.gengbao.spatial.io.shapefile;

import org.gengbao.spatial.SpatialInputException;

/** Builders for the {@link SpatialInputException}s of this package, so that messages name files the same way. */
final class ShapefileErrors {
    private ShapefileErrors() {}

    /**
     * How a file is named in messages: its own name, or its path inside the zip archive the user uploaded.
     *
     * @param zipName the uploaded archive's file name, or {@code null} for a plain file
     * @param base the path of the shapefile without extension, e.g. {@code data/耕地}
     */
    record Where(String zipName, String base) {
        String zh(String ext) {
            return zipName == null ? "“" + base + ext + "”" : "压缩包“" + zipName + "”中的“" + base + ext + "”";
        }

        String en(String ext) {
            return zipName == null
                    ? "\"" + base + ext + "\""
                    : "\"" + base + ext + "\" in the archive \"" + zipName + "\"";
        }
    }

    static SpatialInputException corrupt(Where where, String ext, String whatZh, String whatEn) {
        return new SpatialInputException(
                "SHAPEFILE_CORRUPT",
                "文件" + where.zh(ext) + "已损坏或不完整：" + whatZh + "。请在 GIS 软件中重新导出该图层后再试。",
                "The file " + where.en(ext) + " is damaged or incomplete: " + whatEn
                        + ". Export the layer again from your GIS software and retry.");
    }

    /** A damaged record; {@code recordNo} is 1-based (the FID that GIS software shows is one less). */
    static SpatialInputException corruptRecord(Where where, String ext, long recordNo, String whatZh, String whatEn) {
        return corrupt(where, ext, recordZh(recordNo) + whatZh, recordEn(recordNo) + whatEn);
    }

    static String recordZh(long recordNo) {
        return "第 " + recordNo + " 条记录（FID " + (recordNo - 1) + "）";
    }

    static String recordEn(long recordNo) {
        return "record " + recordNo + " (FID " + (recordNo - 1) + ")";
    }

    static SpatialInputException invalidValue(
            Where where, long recordNo, String field, String text, String expectedZh, String expectedEn) {
        return new SpatialInputException(
                "DBF_INVALID_VALUE",
                "文件" + where.zh(".dbf") + recordZh(recordNo) + "的字段 " + field + " 的值“" + text + "”不是有效的" + expectedZh
                        + "。请在 GIS 软件中改正该值后重新导出。",
                "Field " + field + " of " + recordEn(recordNo) + " in " + where.en(".dbf") + " holds \"" + text
                        + "\", which is not a valid " + expectedEn + ". Correct the value in your GIS software and"
                        + " export again.");
    }

    /** {@code CRS_UNSUPPORTED}: "the coordinate system in {file} {zh/en}", plus what to do. */
    static SpatialInputException crsUnsupported(String zh, String en, String fileZh, String fileEn) {
        return new SpatialInputException(
                "CRS_UNSUPPORTED",
                fileZh + "中的坐标系" + zh + "。本系统只接受 2000 国家大地坐标系（CGCS2000）的经纬度或高斯-克吕格 3 度/6 度分带坐标，"
                        + "请先在 GIS 软件中把数据转换到 CGCS2000 后重新导出。",
                "The coordinate system in " + fileEn + " " + en + ". Only CGCS2000 longitude/latitude and CGCS2000"
                        + " Gauss-Kruger 3- or 6-degree zones are accepted; convert the data to CGCS2000 in your GIS"
                        + " software first and export it again.");
    }

    static SpatialInputException crsUnrecognised(String t, String fileZh, String fileEn) {
        String head = t.length() > 100 ? t.substring(0, 100) + "…" : t;
        return new SpatialInputException(
                "CRS_UNRECOGNISED",
                "无法识别" + fileZh + "中的坐标系：“" + head + "”。请在 GIS 软件中为数据定义坐标系后重新导出，或在导入时直接指定 EPSG 代码。",
                "The coordinate system in " + fileEn + " cannot be recognised: \"" + head + "\". Define the"
                        + " coordinate system in your GIS software and export again, or name the EPSG code when"
                        + " importing.");
    }
}
