package org.gengbao.spatial.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.io.geojson.GeoJsonFeatureReader;
import org.gengbao.spatial.io.geopackage.GeoPackageReader;
import org.gengbao.spatial.io.shapefile.ShapefileReader;

/**
 * Opens a delivered file by its kind: Shapefile ({@code .shp}, or a {@code .zip} holding one), GeoPackage ({@code
 * .gpkg}) or GeoJSON ({@code .geojson}, {@code .json}). A file without a known extension is recognised by its first
 * bytes.
 */
public final class FeatureFiles {
    /** Options for opening: the text encoding of a shapefile (null: from .cpg or detected) and a layer/table name. */
    public record ReadOptions(Charset encoding, String layer) {
        public static final ReadOptions DEFAULT = new ReadOptions(null, null);
    }

    /** The formats. */
    public enum Format {
        SHAPEFILE,
        GEOPACKAGE,
        GEOJSON
    }

    private FeatureFiles() {}

    public static FeatureSource open(Path file, ReadOptions options) throws IOException {
        return switch (formatOf(file)) {
            case SHAPEFILE ->
                options.layer() == null
                        ? ShapefileReader.open(file, options.encoding())
                        : ShapefileReader.open(
                                file,
                                options.encoding(),
                                options.layer(),
                                org.gengbao.spatial.io.shapefile.ZipLimits.DEFAULT);
            case GEOPACKAGE -> GeoPackageReader.open(file, options.layer());
            case GEOJSON -> GeoJsonFeatureReader.open(file);
        };
    }

    /**
     * The coordinate system a format implies when the file declares none: longitude/latitude for GeoJSON (RFC 7946),
     * nothing for the others (a shapefile without .prj must be told its system).
     */
    public static Optional<Crs> impliedCrs(Path file) throws IOException {
        return formatOf(file) == Format.GEOJSON ? Optional.of(CrsRegistry.CGCS2000) : Optional.empty();
    }

    public static Format formatOf(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".shp") || name.endsWith(".zip") || name.endsWith(".dbf")) {
            return Format.SHAPEFILE;
        }
        if (name.endsWith(".gpkg")) {
            return Format.GEOPACKAGE;
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return Format.GEOJSON;
        }
        if (!Files.isRegularFile(file)) {
            throw new SpatialInputException("FILE_NOT_FOUND", "找不到文件 " + file, "File not found: " + file);
        }
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String start = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (start.startsWith("PK")) {
            return Format.SHAPEFILE;
        }
        if (start.startsWith("SQLite format 3")) {
            return Format.GEOPACKAGE;
        }
        if (start.stripLeading().startsWith("{")) {
            return Format.GEOJSON;
        }
        throw new SpatialInputException(
                "FILE_FORMAT_UNKNOWN",
                "无法识别文件格式：" + file.getFileName() + "；支持 Shapefile（.shp 或 .zip）、GeoPackage（.gpkg）和 GeoJSON",
                "Unknown file format: " + file.getFileName()
                        + "; Shapefile (.shp or .zip), GeoPackage (.gpkg) and GeoJSON are supported");
    }
}
