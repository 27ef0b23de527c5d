package org.gengbao.spatial.io.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.io.FeatureWriter;
import org.gengbao.spatial.io.FieldDef;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes a shapefile: .shp, .shx, .dbf, .prj (ESRI WKT, see {@link PrjFiles#esriWkt}) and .cpg naming the encoding.
 * Streaming: features are written as they come, whatever their number; only the bounding box and counters are kept.
 *
 * <p>Guarantees: polygon shells clockwise and holes counter-clockwise (ESRI order), MultiPolygons as multi-part
 * records, {@code null}/empty geometries as null shapes; attribute rules as in {@link DbfWriter}. A feature that is
 * rejected with an {@link IllegalArgumentException} (wrong geometry type, a value that does not fit, an attribute key
 * that is not a field) is checked completely before anything is written, so the files stay consistent and the caller
 * may go on with the next feature. GBK output is marked with both a .cpg ("GBK") and the .dbf language driver 0x4D, so
 * that software ignoring .cpg files still reads Chinese; UTF-8 output only with a .cpg ("UTF-8").
 */
public final class ShapefileWriter implements FeatureWriter {
    private final ShpRecordWriter shp;
    private final DbfWriter dbf;

    private ShapefileWriter(ShpRecordWriter shp, DbfWriter dbf) {
        this.shp = shp;
        this.dbf = dbf;
    }

    /**
     * Creates (or overwrites) the shapefile {@code shpPath} and its sibling files.
     *
     * @param crs the coordinate system of the geometries, written to the .prj; {@code null} for no .prj
     * @param encoding attribute text encoding, e.g. GBK (what ArcGIS in China expects) or UTF-8
     */
    public static ShapefileWriter create(
            Path shpPath, Crs crs, ShapeType shapeType, List<FieldDef> fields, Charset encoding) throws IOException {
        String name = shpPath.getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".shp") || name.length() < 5) {
            throw new IllegalArgumentException("A shapefile's name must end with .shp: " + shpPath);
        }
        String base = name.substring(0, name.length() - 4);
        Path dir = shpPath.toAbsolutePath().getParent();
        DbfWriter dbf = new DbfWriter(dir.resolve(base + ".dbf"), fields, encoding);
        ShpRecordWriter shp;
        try {
            shp = new ShpRecordWriter(shpPath, dir.resolve(base + ".shx"), shapeType);
            Path prj = dir.resolve(base + ".prj");
            if (crs != null) {
                Files.writeString(prj, PrjFiles.esriWkt(crs), StandardCharsets.US_ASCII);
            } else {
                Files.deleteIfExists(prj);
            }
            Files.writeString(
                    dir.resolve(base + ".cpg"), ShapefileEncoding.cpgName(encoding), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            dbf.close();
            throw e;
        }
        return new ShapefileWriter(shp, dbf);
    }

    @Override
    public void write(Geometry geometry, Map<String, Object> attributes) throws IOException {
        byte[] record = dbf.encodeRecord(attributes == null ? Map.of() : attributes);
        ByteBuffer content = shp.encode(geometry);
        shp.append(content);
        dbf.append(record);
    }

    @Override
    public void close() throws IOException {
        try {
            shp.close();
        } finally {
            dbf.close();
        }
    }
}
