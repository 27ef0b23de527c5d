package org.gengbao.spatial.generate;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.FeatureFiles.Format;
import org.gengbao.spatial.io.FeatureWriter;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.geojson.GeoJsonWriter;
import org.gengbao.spatial.io.geopackage.GeoPackageWriter;
import org.gengbao.spatial.io.shapefile.ShapeType;
import org.gengbao.spatial.io.shapefile.ShapefileWriter;
import org.gengbao.spatial.layer.LayerKind;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a generated county as a county's IT office would deliver it: per layer a Shapefile (GBK, with .prj and .cpg,
 * in the working Gauss-Krüger zone), a GeoPackage (same zone) and a GeoJSON file (RFC 7946 longitude/latitude with 9
 * decimals, 0.1 mm); the towns and villages likewise ({@code town.*}, {@code village.*}); and {@code county.json}
 * describing it all.
 */
public final class CountyWriter {
    private static final Charset GBK = Charset.forName("GBK");
    private static final int GEOJSON_DECIMALS = 9;

    private CountyWriter() {}

    /** Writes the county into {@code dir} (created if needed); returns the files written per layer and format. */
    public static Map<String, Path> write(GeneratedCounty county, Path dir, Set<Format> formats) throws IOException {
        Files.createDirectories(dir);
        Map<String, Path> files = new LinkedHashMap<>();
        for (LayerKind kind : LayerKind.values()) {
            List<FieldDef> fields = LayerFields.of(kind);
            writeLayer(county, dir, kind.id(), fields, county.features(kind), formats, files);
        }
        writeLayer(county, dir, "town", LayerFields.adminUnits(), admin(county.towns()), formats, files);
        writeLayer(county, dir, "village", LayerFields.adminUnits(), admin(county.villages()), formats, files);
        Path meta = dir.resolve("county.json");
        Files.writeString(meta, describe(county, files));
        files.put("county.json", meta);
        return files;
    }

    private static List<GeneratedFeature> admin(List<AdminUnit> units) {
        return units.stream()
                .map(u -> {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("XZQDM", u.code());
                    a.put("XZQMC", u.name());
                    a.put("SJXZQDM", u.parentCode());
                    a.put("ZLDWDM", u.locationCode());
                    return new GeneratedFeature(u.geometry(), a);
                })
                .toList();
    }

    private static void writeLayer(
            GeneratedCounty county,
            Path dir,
            String name,
            List<FieldDef> fields,
            List<GeneratedFeature> features,
            Set<Format> formats,
            Map<String, Path> files)
            throws IOException {
        if (formats.contains(Format.SHAPEFILE)) {
            Path shp = dir.resolve(name + ".shp");
            try (FeatureWriter w = ShapefileWriter.create(shp, county.spec().crs(), ShapeType.POLYGON, fields, GBK)) {
                for (GeneratedFeature f : features) {
                    w.write(f.geometry(), f.attributes());
                }
            }
            files.put(name + ".shp", shp);
        }
        if (formats.contains(Format.GEOPACKAGE)) {
            Path gpkg = dir.resolve(name + ".gpkg");
            Files.deleteIfExists(gpkg);
            try (FeatureWriter w =
                    GeoPackageWriter.create(gpkg, name, county.spec().crs(), "MULTIPOLYGON", fields)) {
                for (GeneratedFeature f : features) {
                    w.write(f.geometry(), f.attributes());
                }
            }
            files.put(name + ".gpkg", gpkg);
        }
        if (formats.contains(Format.GEOJSON)) {
            Path json = dir.resolve(name + ".geojson");
            CrsTransform toLonLat = CrsTransform.between(county.spec().crs(), CrsRegistry.CGCS2000);
            try (FeatureWriter w = GeoJsonWriter.create(json, CrsRegistry.CGCS2000, fields, GEOJSON_DECIMALS)) {
                for (GeneratedFeature f : features) {
                    Geometry lonLat = toLonLat.apply(f.geometry(), WorkingPrecision.factory(CrsRegistry.CGCS2000));
                    w.write(lonLat, f.attributes());
                }
            }
            files.put(name + ".geojson", json);
        }
    }

    private static String describe(GeneratedCounty county, Map<String, Path> files) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode o = mapper.createObjectNode();
        CountySpec s = county.spec();
        o.put("countyCode", s.countyCode());
        o.put("countyName", s.countyName());
        o.put("crs", s.crs().code());
        o.put("seed", s.seed());
        ObjectNode counts = o.putObject("features");
        for (LayerKind k : LayerKind.values()) {
            counts.put(k.id(), county.features(k).size());
        }
        counts.put("town", county.towns().size());
        counts.put("village", county.villages().size());
        o.putArray("extent")
                .add(county.extent().getMinX())
                .add(county.extent().getMinY())
                .add(county.extent().getMaxX())
                .add(county.extent().getMaxY());
        ObjectNode f = o.putObject("files");
        files.forEach((k, v) -> f.put(k, v.getFileName().toString()));
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    }
}
