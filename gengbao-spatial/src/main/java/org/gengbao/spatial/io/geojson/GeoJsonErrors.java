package org.gengbao.spatial.io.geojson;

import java.io.IOException;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.geom.GeoJsonGeometryParser;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;

/** The {@link SpatialInputException}s of GeoJSON input, with their stable codes. */
final class GeoJsonErrors {
    private GeoJsonErrors() {}

    /** {@code GEOJSON_INVALID}: valid JSON, but not the GeoJSON structure expected at {@code path}. */
    static SpatialInputException invalid(String path, String zh, String en) {
        return new SpatialInputException(
                "GEOJSON_INVALID", "GeoJSON 结构错误（" + path + "）：" + zh, "Invalid GeoJSON at " + path + ": " + en);
    }

    static SpatialInputException empty() {
        return new SpatialInputException("GEOJSON_MALFORMED", "GeoJSON 文件是空的", "The GeoJSON file is empty");
    }

    static SpatialInputException extraContent(TokenStreamLocation at) {
        return new SpatialInputException(
                "GEOJSON_MALFORMED",
                "GeoJSON 在结尾之后还有多余内容（第 " + at.getLineNr() + " 行）",
                "The GeoJSON has extra content after its end (line " + at.getLineNr() + ")");
    }

    static SpatialInputException crsAfterFeatures() {
        return new SpatialInputException(
                "GEOJSON_CRS_AFTER_FEATURES",
                "GeoJSON 的 crs（坐标系）成员位于 features 之后，要素已按经纬度读取。请把 crs 放在 features 之前" + "（GDAL/ogr2ogr 导出的文件即是如此）",
                "The GeoJSON crs member comes after the features array, which was already read as"
                        + " longitude/latitude. Put crs before features (as GDAL/ogr2ogr writes it)");
    }

    static SpatialInputException mixedCrs(String path) {
        return new SpatialInputException(
                "GEOJSON_MIXED_CRS",
                "要素 " + path + " 的坐标系与整个文件声明的不同；同一文件中的要素须使用同一坐标系",
                "Feature " + path + " names another coordinate system than the file; all features of a file must"
                        + " share one");
    }

    /**
     * Throws the {@code GEOJSON_MALFORMED} error for a JSON problem (a breach of Jackson's read limits says so
     * plainly); returns the {@link IOException}, for the caller to throw, when reading the input itself failed.
     */
    static IOException translate(JacksonException e) {
        if (e instanceof JacksonIOException io) {
            return io.getCause();
        }
        if (e instanceof StreamConstraintsException) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String whereZh = at == null ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
            throw new SpatialInputException(
                    "GEOJSON_MALFORMED",
                    "GeoJSON 超出读取的安全限制" + whereZh + "：嵌套层数过深，或字符串、数字过长（" + e.getOriginalMessage() + "）",
                    "The GeoJSON exceeds a safety limit of the reader" + where + ": nesting too deep, or a string or"
                            + " number too long (" + e.getOriginalMessage() + ")",
                    null,
                    e);
        }
        throw GeoJsonGeometryParser.malformed(e);
    }
}
