package org.gengbao.spatial.io.shapefile;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.FeatureSource;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.SourceFeature;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads a shapefile, plain or zipped (see {@link ShapefileZip} for what is accepted in an archive).
 *
 * <p>The .shp and .dbf are required ({@code SHAPEFILE_MISSING_SHP}, {@code SHAPEFILE_MISSING_DBF}); the .shx, .prj
 * and .cpg are used when present. Records are read in file order; records deleted in the .dbf are skipped together with
 * their shapes and not counted by {@link #size()}. {@link SourceFeature#index()} is the record's 0-based position in
 * the file, deleted records included, i.e. the FID that GIS software shows. Geometries come from a factory whose SRID
 * is the declared EPSG code (0 without .prj); see {@link ShpGeometryDecoder} and {@link PolygonAssembler} for how
 * shapes become geometries, {@link DbfReader} for attribute values, {@link ShapefileEncoding} and
 * {@link FieldTextDecoder} for text encodings, {@link PrjFiles} for the .prj. Differing record counts in .shp and
 * .dbf, truncated or contradictory records are {@code SHAPEFILE_CORRUPT}.
 */
public final class ShapefileReader implements FeatureSource {
    private final Path tempDir;
    private final ShapefileErrors.Where where;
    private final ShpRecordReader shp;
    private final DbfReader dbf;
    private final Optional<Crs> crs;
    private final GeometryFactory factory;
    private final List<FieldDef> fields;

    private ShapefileReader(
            Path tempDir, ShapefileErrors.Where where, ShpRecordReader shp, DbfReader dbf, Optional<Crs> crs) {
        this.tempDir = tempDir;
        this.where = where;
        this.shp = shp;
        this.dbf = dbf;
        this.crs = crs;
        this.factory = crs.map(WorkingPrecision::factory).orElseGet(() -> new GeometryFactory(new PrecisionModel(), 0));
        this.fields = dbf.fields().stream().map(DbfReader.Field::toFieldDef).toList();
    }

    /**
     * Opens a {@code .shp} (or one of its sibling files) or a {@code .zip} holding exactly one shapefile.
     *
     * @param encodingOverride the attribute text encoding, overriding .cpg and detection; {@code null} to decide
     */
    public static ShapefileReader open(Path path, Charset encodingOverride) throws IOException {
        return open(path, encodingOverride, null, ZipLimits.DEFAULT);
    }

    /**
     * Opens a shapefile; in a zip, the one named {@code layer} (its file name without ".shp", or its path inside the
     * archive without ".shp"; {@code null} if there is only one). {@code layer} and {@code limits} do not matter for
     * plain files.
     */
    public static ShapefileReader open(Path path, Charset encodingOverride, String layer, ZipLimits limits)
            throws IOException {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean zip = lower.endsWith(".zip");
        if (!zip && !lower.matches(".*\\.(shp|shx|dbf|prj|cpg)")) {
            zip = ShapefileZip.looksLikeZip(path);
            if (!zip && !looksLikeShp(path)) {
                throw new SpatialInputException(
                        "ZIP_INVALID",
                        "“" + name + "”既不是 zip 压缩包也不是 Shapefile（.shp）文件。",
                        "\"" + name + "\" is neither a zip archive nor a shapefile (.shp).");
            }
        }
        if (zip) {
            ShapefileZip.Extracted x = ShapefileZip.extract(path, layer, limits);
            try {
                return open(x.dir(), x.shp(), x.where(), encodingOverride);
            } catch (IOException | RuntimeException e) {
                ShapefileZip.deleteTree(x.dir());
                throw e;
            }
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path shpPath = lower.matches(".*\\.(shx|dbf|prj|cpg)")
                ? sibling(path.toAbsolutePath().getParent(), base, "shp")
                : path;
        return open(null, shpPath, new ShapefileErrors.Where(null, base), encodingOverride);
    }

    private static ShapefileReader open(Path tempDir, Path shpPath, ShapefileErrors.Where where, Charset override)
            throws IOException {
        if (shpPath == null || !Files.isRegularFile(shpPath)) {
            throw missingPart(where, ".shp", "SHAPEFILE_MISSING_SHP", "图形", "geometry");
        }
        Path dir = shpPath.toAbsolutePath().getParent();
        String base = shpPath.getFileName().toString().replaceAll("(?i)\\.shp$", "");
        Path dbfPath = sibling(dir, base, "dbf");
        if (dbfPath == null) {
            throw missingPart(where, ".dbf", "SHAPEFILE_MISSING_DBF", "属性", "attribute");
        }
        Path prj = sibling(dir, base, "prj");
        Path cpg = sibling(dir, base, "cpg");
        Optional<Crs> crs = prj == null ? Optional.empty() : PrjFiles.recognize(readSmallText(prj), where);
        String cpgText = cpg == null ? null : readSmallText(cpg);
        ShpRecordReader shp = ShpRecordReader.open(shpPath, sibling(dir, base, "shx"), where);
        try {
            DbfReader dbf = DbfReader.open(dbfPath, where, override, cpgText);
            if (shp.indexedCount() >= 0 && shp.indexedCount() != dbf.recordCount()) {
                dbf.close();
                throw countMismatch(where, shp.indexedCount(), dbf.recordCount());
            }
            return new ShapefileReader(tempDir, where, shp, dbf, crs);
        } catch (IOException | RuntimeException e) {
            shp.close();
            throw e;
        }
    }

    @Override
    public Optional<Crs> declaredCrs() {
        return crs;
    }

    @Override
    public List<FieldDef> fields() {
        return fields;
    }

    /** Records that are not deleted. */
    @Override
    public long size() {
        return dbf.recordCount() - dbf.deletedCount();
    }

    /**
     * The charset attribute text is decoded with: GB18030 for GBK files (see {@link ShapefileEncoding}), UTF-8 while
     * detection has seen only ASCII.
     */
    public Charset encoding() {
        return dbf.charset();
    }

    @Override
    public SourceFeature next() throws IOException {
        while (true) {
            if (!dbf.next()) {
                if (shp.hasNext()) {
                    throw countMismatch(where, -1, dbf.recordCount());
                }
                return null;
            }
            if (!shp.hasNext()) {
                throw countMismatch(where, shp.recordsRead(), dbf.recordCount());
            }
            boolean deleted = dbf.deleted();
            var geometry = shp.next(!deleted, factory);
            if (!deleted) {
                return new SourceFeature(dbf.index(), geometry, Collections.unmodifiableMap(dbf.values()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        try (shp;
                dbf) {
            // closes both
        } finally {
            ShapefileZip.deleteTree(tempDir);
        }
    }

    static SpatialInputException missingPart(
            ShapefileErrors.Where where, String ext, String code, String whatZh, String whatEn) {
        return new SpatialInputException(
                code,
                "缺少 Shapefile 的" + whatZh + "文件：" + where.zh(ext) + "。Shapefile 由同名的 .shp、.dbf、.shx 和 .prj 等文件组成，"
                        + "请把它们一起上传（可打包成一个 zip）。",
                "The shapefile's " + whatEn + " file " + where.en(ext) + " is missing. A shapefile consists of files"
                        + " with the same name ending in .shp, .dbf, .shx and .prj; upload them together (zipped into"
                        + " one archive, for example).");
    }

    private static SpatialInputException countMismatch(ShapefileErrors.Where where, long shpCount, long dbfCount) {
        String zh = shpCount < 0
                ? ".shp 中的图形比 .dbf 中的 " + dbfCount + " 条属性记录多"
                : ".shp 中有 " + shpCount + " 个图形，而 .dbf 中有 " + dbfCount + " 条属性记录";
        String en = shpCount < 0
                ? "the .shp holds more shapes than the " + dbfCount + " records of the .dbf"
                : "the .shp holds " + shpCount + " shapes but the .dbf " + dbfCount + " records";
        return ShapefileErrors.corrupt(where, ".shp", zh + "，两者不匹配", en + "; they do not belong together");
    }

    /** The file {@code base.ext} in {@code dir}, exact case preferred, else ignoring case; {@code null} if none. */
    private static Path sibling(Path dir, String base, String ext) throws IOException {
        Path exact = dir.resolve(base + "." + ext);
        if (Files.isRegularFile(exact)) {
            return exact;
        }
        String wanted = (base + "." + ext).toLowerCase(Locale.ROOT);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).equals(wanted))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElse(null);
        }
    }

    private static boolean looksLikeShp(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 0 && b[1] == 0 && b[2] == 0x27 && b[3] == 0x0A;
        }
    }

    /**
     * A .prj or .cpg (its first 64 KiB; real ones are far smaller): UTF-8 if valid, otherwise GB18030 (some Chinese
     * tools write Chinese names into the .prj).
     */
    private static String readSmallText(Path p) throws IOException {
        byte[] b;
        try (var in = Files.newInputStream(p)) {
            b = in.readNBytes(1 << 16);
        }
        String utf8 =
                FieldTextDecoder.decode(FieldTextDecoder.strictDecoder(StandardCharsets.UTF_8), b, 0, b.length, false);
        return utf8 != null ? utf8 : new String(b, ShapefileEncoding.GB18030);
    }
}
