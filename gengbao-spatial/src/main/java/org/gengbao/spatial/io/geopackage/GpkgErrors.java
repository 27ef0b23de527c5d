package org.gengbao.spatial.io.geopackage;

import java.nio.file.Path;
import java.util.List;
import org.gengbao.spatial.SpatialInputException;

/** The {@link SpatialInputException}s of GeoPackage input, with their stable codes. */
final class GpkgErrors {
    private GpkgErrors() {}

    static SpatialInputException invalid(Path file, String whyZh, String whyEn, Throwable cause) {
        return new SpatialInputException(
                "GPKG_INVALID",
                "文件“" + file.getFileName() + "”不是有效的 GeoPackage（.gpkg）文件：" + whyZh,
                "The file \"" + file.getFileName() + "\" is not a valid GeoPackage (.gpkg) file: " + whyEn,
                null,
                cause);
    }

    static SpatialInputException noFeatures(Path file) {
        return new SpatialInputException(
                "GPKG_NO_FEATURES",
                "GeoPackage 文件“" + file.getFileName() + "”中没有矢量要素图层（可能只有栅格瓦片或属性表）",
                "The GeoPackage \"" + file.getFileName() + "\" holds no feature (vector) layer; it may contain only"
                        + " raster tiles or attribute tables");
    }

    static SpatialInputException severalTables(Path file, List<String> tables) {
        return new SpatialInputException(
                "GPKG_SEVERAL_TABLES",
                "GeoPackage 文件“" + file.getFileName() + "”含有 " + tables.size() + " 个要素图层：" + String.join("、", tables)
                        + "。请指定要导入的图层",
                "The GeoPackage \"" + file.getFileName() + "\" holds " + tables.size() + " feature layers: "
                        + String.join(", ", tables) + ". Choose the layer to import");
    }

    static SpatialInputException tableNotFound(Path file, String table, List<String> tables) {
        return new SpatialInputException(
                "GPKG_TABLE_NOT_FOUND",
                "GeoPackage 文件“" + file.getFileName() + "”中没有名为“" + table + "”的要素图层；现有图层：" + String.join("、", tables),
                "The GeoPackage \"" + file.getFileName() + "\" has no feature layer named \"" + table
                        + "\"; its layers are: " + String.join(", ", tables));
    }

    static SpatialInputException badGeometry(String table, long index, Object fid, String detail) {
        return new SpatialInputException(
                "GPKG_GEOMETRY_INVALID",
                "GeoPackage 图层“" + table + "”第 " + (index + 1) + " 个要素（fid " + fid + "）的几何图形无法读取：" + detail,
                "The geometry of feature " + (index + 1) + " (fid " + fid + ") in GeoPackage layer \"" + table
                        + "\" cannot be read: " + detail);
    }

    static SpatialInputException tableExists(Path file, String table) {
        return new SpatialInputException(
                "GPKG_TABLE_EXISTS",
                "GeoPackage 文件“" + file.getFileName() + "”中已有名为“" + table + "”的表，请换一个图层名",
                "The GeoPackage \"" + file.getFileName() + "\" already has a table named \"" + table
                        + "\"; choose another layer name");
    }
}
