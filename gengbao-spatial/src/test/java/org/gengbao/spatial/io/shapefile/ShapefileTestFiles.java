package org.gengbao.spatial.io.shapefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.io.FieldDef;
import org.locationtech.jts.io.WKTReader;

/** Small hand-made files for the reader's error paths. */
final class ShapefileTestFiles {
    private ShapefileTestFiles() {}

    /** Sets the dBASE deletion flag of record {@code index} (0-based). */
    static void markDeleted(Path dbf, int index) throws IOException {
        try (FileChannel ch = FileChannel.open(dbf, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(h, 0);
            int headerLength = h.getShort(8) & 0xFFFF;
            int recordLength = h.getShort(10) & 0xFFFF;
            ch.write(ByteBuffer.wrap(new byte[] {'*'}), headerLength + (long) index * recordLength);
        }
    }

    /** A one-field (NAME, C 40) polygon shapefile with {@code names}, written in {@code cs} with a .cpg. */
    static Path names(Path dir, String base, Charset cs, String... names) throws Exception {
        Path shp = dir.resolve(base + ".shp");
        var square = new WKTReader().read("POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))");
        try (ShapefileWriter w = ShapefileWriter.create(
                shp, CrsRegistry.CGCS2000, ShapeType.POLYGON, List.of(FieldDef.string("NAME", 40)), cs)) {
            for (String n : names) {
                w.write(square, java.util.Collections.singletonMap("NAME", n));
            }
        }
        return shp;
    }

    /** Replaces the .cpg (or deletes it when {@code text} is null) and clears the language driver byte. */
    static void declare(Path shp, String text) throws IOException {
        String base = shp.getFileName().toString().replace(".shp", "");
        Path cpg = shp.resolveSibling(base + ".cpg");
        if (text == null) {
            Files.deleteIfExists(cpg);
        } else {
            Files.writeString(cpg, text);
        }
        try (FileChannel ch = FileChannel.open(shp.resolveSibling(base + ".dbf"), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0}), 29);
        }
    }

    /** Zips {@code entries} (name → content) into {@code zip}. */
    static Path zip(Path zip, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /** The files of shapefile {@code shp} as zip entries under {@code folder} (may be ""), renamed to {@code base}. */
    static Map<String, byte[]> entries(Path shp, String folder, String base) throws IOException {
        Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        String b = shp.getFileName().toString().replace(".shp", "");
        for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
            Path p = shp.resolveSibling(b + "." + ext);
            if (Files.exists(p)) {
                m.put(folder + base + "." + ext, Files.readAllBytes(p));
            }
        }
        return m;
    }

    /**
     * Writes a dBASE III table by hand.
     *
     * @param fields descriptors "NAME:TYPE:LENGTH:DECIMALS"
     * @param records record bytes without the deletion flag, each exactly as long as the fields together
     */
    static void rawDbf(Path dbf, int languageDriver, List<String> fields, List<byte[]> records) throws IOException {
        int recordLength = 1;
        ByteArrayOutputStream descriptors = new ByteArrayOutputStream();
        for (String f : fields) {
            String[] p = f.split(":");
            byte[] d = new byte[32];
            byte[] name = p[0].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, d, 0, name.length);
            d[11] = (byte) p[1].charAt(0);
            d[16] = (byte) Integer.parseInt(p[2]);
            d[17] = (byte) Integer.parseInt(p[3]);
            descriptors.write(d);
            recordLength += Integer.parseInt(p[2]);
        }
        int headerLength = 32 + descriptors.size() + 1;
        ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        h.put(0, (byte) 3).putInt(4, records.size()).putShort(8, (short) headerLength);
        h.putShort(10, (short) recordLength).put(29, (byte) languageDriver);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(h.array());
        out.write(descriptors.toByteArray());
        out.write(0x0D);
        for (byte[] r : records) {
            if (r.length != recordLength - 1) {
                throw new IllegalArgumentException("Record of " + r.length + " bytes, expected " + (recordLength - 1));
            }
            out.write(' ');
            out.write(r);
        }
        out.write(0x1A);
        Files.write(dbf, out.toByteArray());
    }

    /** Field values padded with spaces to {@code widths}, encoded in {@code cs}. */
    static byte[] record(Charset cs, int[] widths, String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < widths.length; i++) {
            byte[] v = values[i].getBytes(cs);
            out.write(v, 0, Math.min(v.length, widths[i]));
            for (int k = v.length; k < widths[i]; k++) {
                out.write(' ');
            }
        }
        return out.toByteArray();
    }

    /** A POINT shapefile of {@code n} null shapes, with an empty table to be replaced. */
    static Path nullShapes(Path dir, String base, int n) throws IOException {
        Path shp = dir.resolve(base + ".shp");
        try (ShapefileWriter w = ShapefileWriter.create(
                shp, CrsRegistry.CGCS2000, ShapeType.POINT, List.of(), java.nio.charset.StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write(null, Map.of());
            }
        }
        return shp;
    }
}
