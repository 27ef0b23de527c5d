package org.gengbao.spatial.io.shapefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.gengbao.spatial.SpatialInputException;

/**
 * Extracts one shapefile from a zip archive uploaded by a user into a fresh temporary directory.
 *
 * <p>Guarantees: the whole archive is rejected if any entry name is absolute or contains a ".." segment
 * ({@code ZIP_UNSAFE_PATH}) or if it breaks the {@link ZipLimits} ({@code ZIP_BOMB}: too many entries, too many bytes
 * declared or actually extracted, an entry inflating beyond the ratio). Only the .shp, .shx, .dbf, .prj and .cpg of
 * the chosen layer are extracted, under fixed names ({@code layer.shp}, …), so entry names never become paths. The
 * .shp may sit in a sub-folder; the other parts must sit next to it (names compared ignoring case). macOS resource
 * forks ({@code __MACOSX/}, {@code ._name}) are ignored. Entry names without the UTF-8 flag are read as UTF-8 and, if
 * that fails, as GBK (what Windows' own zip writes on a Chinese system).
 */
final class ShapefileZip {
    private static final List<String> PARTS = List.of("shp", "shx", "dbf", "prj", "cpg");

    /** An extracted layer: {@code dir} is to be deleted with {@link #deleteTree} when done. */
    record Extracted(Path dir, Path shp, ShapefileErrors.Where where) {}

    private ShapefileZip() {}

    static boolean looksLikeZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5);
        }
    }

    /** Extracts the shapefile named {@code layer} (base name or path without extension; {@code null}: the only one). */
    static Extracted extract(Path zip, String layer, ZipLimits limits) throws IOException {
        String zipName = zip.getFileName().toString();
        try {
            return extract(zip, zipName, layer, limits, StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException e) {
            try {
                return extract(zip, zipName, layer, limits, ShapefileEncoding.GB18030);
            } catch (ZipException | IllegalArgumentException e2) {
                throw new SpatialInputException(
                        "ZIP_INVALID",
                        "“" + zipName + "”不是有效的 zip 压缩包，或已损坏。请重新压缩后上传。",
                        "\"" + zipName + "\" is not a valid zip archive, or it is damaged. Zip the files again and"
                                + " upload the new archive.",
                        null,
                        e2);
            }
        }
    }

    private static Extracted extract(Path zip, String zipName, String layer, ZipLimits limits, Charset names)
            throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile(), names)) {
            if (zf.size() > limits.maxEntries()) {
                throw bomb(
                        zipName,
                        "包含 " + zf.size() + " 个文件，超过上限 " + limits.maxEntries() + " 个",
                        "holds " + zf.size() + " entries, more than the limit of " + limits.maxEntries());
            }
            List<ZipEntry> entries = Collections.list(zf.entries()).stream()
                    .map(e -> (ZipEntry) e)
                    .toList();
            long declared = 0;
            for (ZipEntry e : entries) {
                checkSafe(zipName, e.getName());
                declared += Math.max(0, e.getSize());
            }
            if (declared > limits.maxTotalBytes()) {
                throw tooBig(zipName, limits);
            }
            String prefix = choose(zipName, entries, layer);
            ShapefileErrors.Where where = new ShapefileErrors.Where(zipName, prefix);
            Path dir = Files.createTempDirectory("gengbao-shp-");
            try {
                long[] total = {0};
                for (String ext : PARTS) {
                    ZipEntry e = find(entries, prefix + "." + ext);
                    if (e != null) {
                        copy(zf, e, dir.resolve("layer." + ext), total, zipName, limits);
                    }
                }
                return new Extracted(dir, dir.resolve("layer.shp"), where);
            } catch (IOException | RuntimeException e) {
                deleteTree(dir);
                throw e;
            }
        }
    }

    /** The chosen layer's path inside the archive, without ".shp". */
    private static String choose(String zipName, List<ZipEntry> entries, String layer) {
        List<String> shps = new ArrayList<>();
        boolean orphanParts = false;
        for (ZipEntry e : entries) {
            String n = e.getName();
            String lower = n.toLowerCase(Locale.ROOT);
            if (e.isDirectory() || ignored(n)) {
                continue;
            }
            if (lower.endsWith(".shp")) {
                shps.add(n.substring(0, n.length() - 4));
            }
            orphanParts |= lower.endsWith(".dbf") || lower.endsWith(".shx");
        }
        if (layer != null) {
            List<String> picked = shps.stream()
                    .filter(s -> s.equalsIgnoreCase(layer) || baseName(s).equalsIgnoreCase(layer))
                    .toList();
            if (picked.size() == 1) {
                return picked.get(0);
            }
            if (picked.isEmpty()) {
                throw new SpatialInputException(
                        "ZIP_LAYER_NOT_FOUND",
                        "压缩包“" + zipName + "”中没有名为“" + layer + "”的图层。其中的图层有：" + list(shps, "、") + "。",
                        "The archive \"" + zipName + "\" has no layer named \"" + layer + "\". Its layers are: "
                                + list(shps, ", ") + ".");
            }
            shps = picked;
        }
        if (shps.size() > 1) {
            throw new SpatialInputException(
                    "ZIP_SEVERAL_SHAPEFILES",
                    "压缩包“" + zipName + "”中有多个 Shapefile 图层：" + list(shps, "、") + "。请指定要导入的图层名，或每个压缩包只放一个图层。",
                    "The archive \"" + zipName + "\" holds several shapefile layers: " + list(shps, ", ")
                            + ". Name the layer to import, or put one layer per archive.");
        }
        if (shps.isEmpty() && orphanParts) {
            String some = entries.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> !ignored(n) && n.toLowerCase(Locale.ROOT).matches(".*\\.(dbf|shx)"))
                    .findFirst()
                    .orElse("");
            ShapefileErrors.Where where = new ShapefileErrors.Where(zipName, some.substring(0, some.length() - 4));
            throw ShapefileReader.missingPart(where, ".shp", "SHAPEFILE_MISSING_SHP", "图形", "geometry");
        }
        if (shps.isEmpty()) {
            throw notShapefile(zipName, entries);
        }
        return shps.get(0);
    }

    private static SpatialInputException notShapefile(String zipName, List<ZipEntry> entries) {
        List<String> names =
                entries.stream().map(ZipEntry::getName).filter(n -> !ignored(n)).toList();
        String all = String.join(" ", names).toLowerCase(Locale.ROOT);
        String hintZh = "";
        String hintEn = "";
        if (all.contains(".gdb/")) {
            hintZh = "文件地理数据库（.gdb）不受支持，请导出为 Shapefile 或 GeoPackage。";
            hintEn = " File geodatabases (.gdb) are not supported; export to a shapefile or a GeoPackage.";
        } else if (all.contains(".zip")) {
            hintZh = "压缩包里又套了压缩包，请先解开内层压缩包。";
            hintEn = " It contains another zip archive; unpack that one first.";
        } else if (all.contains(".gpkg") || all.contains(".geojson") || all.contains(".json")) {
            hintZh = "GeoPackage 和 GeoJSON 文件请直接上传，不必压缩。";
            hintEn = " Upload GeoPackage and GeoJSON files directly, without zipping them.";
        }
        if (names.isEmpty()) {
            return new SpatialInputException(
                    "ZIP_NOT_SHAPEFILE",
                    "压缩包“" + zipName + "”是空的，其中没有 Shapefile（.shp 文件）。",
                    "The archive \"" + zipName + "\" is empty; it contains no shapefile (.shp file).");
        }
        return new SpatialInputException(
                "ZIP_NOT_SHAPEFILE",
                "压缩包“" + zipName + "”中没有 Shapefile（.shp 文件）。其中的文件有：" + list(names, "、") + "。" + hintZh,
                "The archive \"" + zipName + "\" contains no shapefile (.shp file). It contains: " + list(names, ", ")
                        + "." + hintEn);
    }

    private static void copy(ZipFile zf, ZipEntry e, Path target, long[] total, String zipName, ZipLimits limits)
            throws IOException {
        long written = 0;
        long compressed = e.getCompressedSize();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = zf.getInputStream(e);
                OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                written += n;
                total[0] += n;
                if (total[0] > limits.maxTotalBytes()) {
                    throw tooBig(zipName, limits);
                }
                if (written > limits.ratioCheckMinBytes()
                        && compressed > 0
                        && written > compressed * limits.maxRatio()) {
                    throw bomb(
                            zipName,
                            "中的“" + e.getName() + "”压缩比超过 " + (long) limits.maxRatio() + ":1，疑似“压缩炸弹”",
                            "has the entry \"" + e.getName() + "\" compressed more than " + (long) limits.maxRatio()
                                    + ":1, which looks like a zip bomb");
                }
                out.write(buf, 0, n);
            }
        }
    }

    private static void checkSafe(String zipName, String name) {
        boolean unsafe = name.startsWith("/")
                || name.startsWith("\\")
                || name.matches("^[A-Za-z]:.*")
                || name.indexOf('\0') >= 0
                || Stream.of(name.split("[/\\\\]")).anyMatch(".."::equals);
        if (unsafe) {
            throw new SpatialInputException(
                    "ZIP_UNSAFE_PATH",
                    "压缩包“" + zipName + "”中的条目“" + name + "”的路径不安全（绝对路径或包含“..”），已拒绝处理。请只打包图层文件后重新上传。",
                    "The archive \"" + zipName + "\" has the entry \"" + name + "\" with an unsafe path (absolute or"
                            + " containing \"..\"); it was rejected. Zip only the layer's files and upload again.");
        }
    }

    private static ZipEntry find(List<ZipEntry> entries, String name) {
        ZipEntry caseless = null;
        for (ZipEntry e : entries) {
            if (e.getName().equals(name)) {
                return e;
            }
            if (caseless == null && e.getName().equalsIgnoreCase(name)) {
                caseless = e;
            }
        }
        return caseless;
    }

    private static boolean ignored(String name) {
        return name.startsWith("__MACOSX/") || baseName(name).startsWith("._");
    }

    private static String baseName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static String list(List<String> names, String sep) {
        return names.size() <= 10
                ? String.join(sep, names)
                : String.join(sep, names.subList(0, 10)) + sep + "…（" + names.size() + "）";
    }

    private static SpatialInputException tooBig(String zipName, ZipLimits limits) {
        String mb = String.format(Locale.ROOT, "%.0f MiB", limits.maxTotalBytes() / 1048576.0);
        return bomb(zipName, "解压后超过 " + mb + " 的上限", "unpacks to more than the limit of " + mb);
    }

    private static SpatialInputException bomb(String zipName, String zh, String en) {
        return new SpatialInputException(
                "ZIP_BOMB",
                "压缩包“" + zipName + "”" + zh + "，已拒绝处理。请只打包要导入的图层，或分批上传。",
                "The archive \"" + zipName + "\" " + en + "; it was rejected. Zip only the layer to import, or split"
                        + " the upload.");
    }

    /** Deletes {@code dir} and everything in it; quietly ignores what is already gone. */
    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
