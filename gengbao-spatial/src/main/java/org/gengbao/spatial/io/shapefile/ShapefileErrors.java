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
}
