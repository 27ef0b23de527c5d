package org.gengbao.spatial.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.layer.FieldMapping;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerSchema;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Hand-made layers for overlay tests, written in local metres: "x y" in WKT means (39 520 000 + x, 4 000 000 + y) in
 * EPSG:4527, so expected planar areas can be read off the fixture.
 */
public final class TinyCounty {
    public static final GaussKrugerCrs CRS = (GaussKrugerCrs) CrsRegistry.byEpsg(4527);
    public static final double X0 = 39_520_000;
    public static final double Y0 = 4_000_000;

    private final List<LayerVersion> versions = new ArrayList<>();

    /** Parses local WKT and shifts it to the zone. */
    public static Geometry wkt(String localWkt) {
        try {
            Geometry g = new WKTReader(WorkingPrecision.factory(CRS)).read(localWkt);
            g.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
                c.x += X0;
                c.y += Y0;
            });
            g.geometryChanged();
            g.setSRID(CRS.epsg());
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A local axis-aligned rectangle. */
    public static Geometry box(double x0, double y0, double x1, double y1) {
        return wkt(String.format(
                java.util.Locale.ROOT,
                "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))",
                x0,
                y0,
                x1,
                y0,
                x1,
                y1,
                x0,
                y1,
                x0,
                y0));
    }

    /** Adds a version of {@code kind} from (geometry, attributes) pairs given as alternating arguments. */
    public TinyCounty layer(LayerKind kind, LocalDate effectiveFrom, Object... geometryThenAttributes) {
        AreaMeasure measure = AreaMeasure.ellipsoidal(CRS);
        List<ReferenceFeature> features = new ArrayList<>();
        for (int k = 0; k < geometryThenAttributes.length; k += 2) {
            Geometry g = (Geometry) geometryThenAttributes[k];
            @SuppressWarnings("unchecked")
            Map<String, Object> a = new LinkedHashMap<>((Map<String, Object>) geometryThenAttributes[k + 1]);
            features.add(new ReferenceFeature(
                    String.valueOf(k / 2 + 1),
                    g,
                    measure.areaM2(g),
                    a,
                    LayerSchema.read(kind, a, FieldMapping.STANDARD)));
        }
        versions.add(LayerVersion.of(kind, effectiveFrom, CRS, features));
        return this;
    }

    public List<LayerVersion> versions() {
        return versions;
    }

    /** An attribute map from alternating keys and values. */
    public static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }
}
