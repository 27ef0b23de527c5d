package org.gengbao.spatial.io;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** A few farmland parcels (DLTB-like attributes) for the reader/writer tests, in EPSG:4527 or EPSG:4490. */
public final class SampleFeatures {
    public static final Crs GK39 = CrsRegistry.byEpsg(4527);

    public static final List<FieldDef> FIELDS = List.of(
            FieldDef.string("DLMC", 20),
            FieldDef.string("QSDWMC", 40),
            FieldDef.integer("TBBH", 10),
            FieldDef.decimal("TBMJ", 15, 2),
            FieldDef.date("BGRQ"));

    /** A parcel with a hole (shell counter-clockwise, hole clockwise). */
    public static final String POLYGON_WITH_HOLE_GK =
            "POLYGON ((39500000.125 3500000.5, 39500100.25 3500000.5, 39500100.25 3500100.75, 39500000.125 3500100.75,"
                    + " 39500000.125 3500000.5), (39500020 3500020, 39500020 3500040, 39500040 3500040, 39500040 3500020,"
                    + " 39500020 3500020))";
    /** Two parts, the first drawn clockwise (the GeoJSON writer must turn it round). */
    public static final String MULTIPOLYGON_GK = "MULTIPOLYGON (((39500200 3500000, 39500200 3500050, 39500250 3500050,"
            + " 39500250 3500000, 39500200 3500000)), ((39500300 3500000, 39500350 3500000, 39500350 3500050,"
            + " 39500300 3500000)))";

    /** A parcel in degrees whose hole is drawn counter-clockwise (the GeoJSON writer must turn it round). */
    public static final String POLYGON_WITH_HOLE_DEG = "POLYGON ((117.001 31.601, 117.002 31.601, 117.002 31.602,"
            + " 117.001 31.602, 117.001 31.601), (117.0013 31.6013, 117.0016 31.6013, 117.0016 31.6016,"
            + " 117.0013 31.6016, 117.0013 31.6013))";

    public static final String MULTIPOLYGON_DEG = "MULTIPOLYGON (((117.003 31.601, 117.004 31.601, 117.004 31.602,"
            + " 117.003 31.601)), ((117.005 31.601, 117.006 31.601, 117.006 31.602, 117.005 31.601)))";

    private SampleFeatures() {}

    /** Copies test resource {@code org/gengbao/spatial/io/<name>} into {@code dir}. */
    public static Path fixture(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = SampleFeatures.class.getResourceAsStream(name)) {
            Files.copy(in, target);
        }
        return target;
    }

    public static Geometry geometry(String wkt, Crs crs) {
        try {
            return new WKTReader(WorkingPrecision.factory(crs)).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** 旱地 / 张家村 with every field set. */
    public static Map<String, Object> dryLand() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("DLMC", "旱地");
        a.put("QSDWMC", "张家村");
        a.put("TBBH", 12L);
        a.put("TBMJ", new BigDecimal("1234.56"));
        a.put("BGRQ", LocalDate.of(2024, 3, 15));
        return a;
    }

    /** 水田 with nulls (and two fields simply missing). */
    public static Map<String, Object> paddyWithNulls() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("DLMC", "水田");
        a.put("QSDWMC", null);
        a.put("TBMJ", new BigDecimal("0.5"));
        return a;
    }

    /** The attributes a reader must return for {@link #paddyWithNulls()}. */
    public static Map<String, Object> paddyWithNullsAsRead() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("DLMC", "水田");
        a.put("QSDWMC", null);
        a.put("TBBH", null);
        a.put("TBMJ", new BigDecimal("0.5"));
        a.put("BGRQ", null);
        return a;
    }
}
