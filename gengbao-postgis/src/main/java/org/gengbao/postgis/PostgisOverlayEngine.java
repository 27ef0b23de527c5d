package org.gengbao.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.area.AreaMethod;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.overlay.LandUseArea;
import org.gengbao.spatial.overlay.OverlayEngine;
import org.gengbao.spatial.overlay.OverlayMeasurements;
import org.gengbao.spatial.overlay.PlanArea;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The overlay analysis done by PostGIS. Same interface and figures as the in-memory engine; with {@link
 * AreaMethod#GEODESIC} every area is computed in SQL, with {@link AreaMethod#ELLIPSOIDAL_TRAPEZOID} PostGIS computes the
 * regions and Java measures them with the national formula. Thread-safe if the data source is.
 */
public final class PostgisOverlayEngine implements OverlayEngine {
    private final DataSource dataSource;
    private final PostgisLayerStore store;
    private final AreaMethod method;
    private final AreaMeasure measure;
    private final OverlaySql sql;
    private volatile List<PostgisLayerStore.StoredVersion> versions;

    public PostgisOverlayEngine(PostgisLayerStore store, AreaMethod method) throws SQLException {
        if (method == AreaMethod.PLANAR) {
            throw new IllegalArgumentException("the PostGIS engine measures on the ellipsoid only");
        }
        this.dataSource = store.dataSource();
        this.store = store;
        this.method = method;
        this.measure = AreaMeasure.of(method, store.crs());
        this.sql = new OverlaySql(store.schema(), store.crs().epsg(), method);
        refresh();
    }

    /** Re-reads the stored layer versions (after another process loaded one). */
    public void refresh() throws SQLException {
        this.versions = store.versions();
    }

    @Override
    public GaussKrugerCrs workingCrs() {
        return store.crs();
    }

    @Override
    public AreaMethod areaMethod() {
        return method;
    }

    /** The version of {@code kind} in force on {@code date}: latest effective date, then latest loaded. */
    private String inForce(LayerKind kind, LocalDate date) {
        String found = null;
        for (PostgisLayerStore.StoredVersion v : versions) {
            if (v.kind() == kind && !v.effectiveFrom().isAfter(date)) {
                found = v.id();
            }
        }
        return found;
    }

    @Override
    public OverlayMeasurements measure(Geometry patch, LocalDate asOf) {
        try (Connection c = dataSource.getConnection()) {
            return measure(c, patch, asOf);
        } catch (SQLException e) {
            throw new IllegalStateException("PostGIS overlay failed: " + e.getMessage(), e);
        }
    }

    /**
     * Measures with a connection the caller holds (one per thread in batch runs). Turns PostgreSQL's JIT off for the
     * session first: the planner's cost estimates for PostGIS functions are so high that JIT would compile every
     * statement, 80 ms each, to save microseconds. (Forcing generic plans, tried too, made the statements slower.)
     */
    public OverlayMeasurements measure(Connection c, Geometry patch, LocalDate asOf) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET jit = off");
        }
        Map<LayerKind, String> used = new EnumMap<>(LayerKind.class);
        for (LayerKind k : LayerKind.values()) {
            String id = inForce(k, asOf);
            if (id != null) {
                used.put(k, id);
            }
        }
        byte[] wkb = new WKBWriter().write(patch);
        double[] r = regions(c, wkb, asOf, used);
        List<LandUseArea> landUse = landUse(c, wkb, used.get(LayerKind.DLTB), r[0]);
        List<PlanArea> planning = planning(c, wkb, used.get(LayerKind.PLAN));
        return new OverlayMeasurements(
                r[0], landUse, r[1], planning, r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
                r[13], used);
    }

    private double[] regions(Connection c, byte[] wkb, LocalDate asOf, Map<LayerKind, String> used)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.regions())) {
            int i = 1;
            ps.setBytes(i++, wkb);
            ps.setString(i++, used.get(LayerKind.JBNT));
            ps.setString(i++, used.get(LayerKind.DLTB));
            ps.setString(i++, used.get(LayerKind.APPROVAL));
            ps.setObject(i++, asOf);
            ps.setString(i++, used.get(LayerKind.SUPPLY));
            ps.setObject(i++, asOf);
            ps.setString(i++, used.get(LayerKind.FACILITY));
            ps.setObject(i++, asOf);
            ps.setString(i++, used.get(LayerKind.TEMPORARY));
            ps.setObject(i++, asOf);
            ps.setObject(i++, asOf);
            ps.setString(i++, used.get(LayerKind.TEMPORARY));
            ps.setObject(i++, asOf);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double[] out = new double[14];
                for (int k = 0; k < out.length; k++) {
                    out[k] = area(rs, k + 1);
                }
                return out;
            }
        }
    }

    private List<LandUseArea> landUse(Connection c, byte[] wkb, String version, double patchArea) throws SQLException {
        Map<String, double[]> byCode = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.landUse())) {
            ps.setBytes(1, wkb);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    double kcxs = rs.getDouble(3);
                    double stored = rs.getDouble(4);
                    double a = !rs.wasNull() ? stored : rs.getBoolean(5) ? patchArea : area(rs, 6);
                    if (a > 0) {
                        double[] acc = byCode.computeIfAbsent(code, k -> new double[2]);
                        acc[0] += a;
                        acc[1] += a * (1 - kcxs);
                        names.putIfAbsent(code, rs.getString(2));
                    }
                }
            }
        }
        List<LandUseArea> out = new ArrayList<>();
        byCode.forEach((code, a) -> out.add(new LandUseArea(code, names.get(code), a[0], a[1])));
        out.sort(Comparator.comparingDouble(LandUseArea::grossM2).reversed());
        return out;
    }

    private List<PlanArea> planning(Connection c, byte[] wkb, String version) throws SQLException {
        List<PlanArea> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.planning())) {
            ps.setBytes(1, wkb);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double a = area(rs, 4);
                    if (a > 0) {
                        out.add(new PlanArea(rs.getString(1), rs.getString(2), rs.getString(3), a));
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble(PlanArea::m2).reversed());
        return out;
    }

    /** Column {@code i}: an area computed in SQL, or a WKB region measured here. */
    private double area(ResultSet rs, int i) throws SQLException {
        if (method == AreaMethod.GEODESIC) {
            double v = rs.getDouble(i);
            return rs.wasNull() ? 0 : v;
        }
        byte[] bytes = rs.getBytes(i);
        if (bytes == null) {
            return 0;
        }
        try {
            Geometry g = new WKBReader().read(bytes);
            return g.isEmpty() ? 0 : measure.areaM2(g);
        } catch (ParseException e) {
            throw new SQLException("unreadable WKB from PostGIS", e);
        }
    }
}
