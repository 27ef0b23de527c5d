package org.gengbao.server.grid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.server.storage.Boxes;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.geom.GeometryIntake;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.FeatureFiles;
import org.gengbao.spatial.io.FeatureSource;
import org.gengbao.spatial.io.SourceFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grid cells: imported from a boundary file (Shapefile, GeoPackage or GeoJSON with the columns XZQDM code, XZQMC
 * name and optionally SJXZQDM parent code, one feature per town or village), listed by scope, and found by location.
 */
@Service
public class GridCells {
    private final JdbcClient jdbc;
    private final Counties counties;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    GridCells(JdbcClient jdbc, Counties counties, AuditLog audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.counties = counties;
        this.audit = audit;
        this.tx = tx;
    }

    /** What an import did: features read, cells added and updated, and the features refused with the reason. */
    public record ImportReport(int read, int added, int updated, List<String> rejected) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("read", read);
            m.put("added", added);
            m.put("updated", updated);
            m.put("rejected", rejected);
            return m;
        }
    }

    /**
     * Imports (adds or updates) the towns or villages of a boundary file. The file's declared system is used unless
     * {@code crs} is given; one of them is required. All or nothing: a file with a bad feature is refused whole. The
     * outcome is audited (a refusal too, outside the transaction that was rolled back).
     */
    public ImportReport importFile(Path file, String layer, Crs crs, Charset encoding) {
        String target = String.valueOf(file.getFileName());
        ImportReport report;
        try {
            report = tx.execute(status -> load(file, layer, crs, encoding, target));
        } catch (Problem e) {
            audit.record("GRID_IMPORTED", target, AuditLog.Result.REJECTED, e.code() + ": " + e.en());
            throw e;
        }
        audit.record("GRID_IMPORTED", target, AuditLog.Result.OK, report.toMap().toString());
        return report;
    }

    private ImportReport load(Path file, String layer, Crs crs, Charset encoding, String target) {
        County county = counties.require();
        GeometryIntake intake = new GeometryIntake(county.crs(), 1_000_000);
        AreaMeasure measure = AreaMeasure.ellipsoidal(county.crs());
        int read = 0;
        int added = 0;
        int updated = 0;
        List<String> rejected = new ArrayList<>();
        try (FeatureSource source = FeatureFiles.open(file, new FeatureFiles.ReadOptions(encoding, layer))) {
            Crs sourceCrs = crs != null
                    ? crs
                    : source.declaredCrs().or(() -> implied(file)).orElse(null);
            if (sourceCrs == null) {
                throw Problem.badRequest(
                        "CRS_MISSING",
                        "边界文件没有声明坐标系，请指定 crs",
                        "The boundary file declares no coordinate system; give one with crs");
            }
            for (SourceFeature f = source.next(); f != null; f = source.next()) {
                read++;
                String code = text(f.attributes().get("XZQDM"));
                String name = text(f.attributes().get("XZQMC"));
                if (code == null || !code.matches("\\d{12}") || !code.startsWith(county.code())) {
                    rejected.add("#" + (f.index() + 1) + ": XZQDM " + code + " is not a 12-digit code of county "
                            + county.code());
                    continue;
                }
                if (name == null) {
                    rejected.add("#" + (f.index() + 1) + ": XZQMC (name) is empty");
                    continue;
                }
                Geometry g;
                try {
                    g = intake.accept(f.geometry(), sourceCrs).geometry();
                } catch (SpatialInputException e) {
                    rejected.add("#" + (f.index() + 1) + " " + code + ": " + e.messageEn());
                    continue;
                }
                GridLevel level = GridLevel.ofCode(code);
                String parent = text(f.attributes().get("SJXZQDM"));
                if (parent == null) {
                    parent = level == GridLevel.TOWN ? county.code() : code.substring(0, 9) + "000";
                }
                if (save(new GridCell(code, level, name, parent, g, measure.areaM2(g)))) {
                    added++;
                } else {
                    updated++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw Problem.badRequest(
                    "FILE_UNREADABLE",
                    "无法读取文件 " + target + "：" + e.getMessage(),
                    "The file " + target + " cannot be read: " + e.getMessage());
        } catch (SpatialInputException e) {
            throw Problem.of(e);
        }
        if (!rejected.isEmpty()) {
            throw new Problem(
                    org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "GRID_FEATURES_REJECTED",
                    "边界文件有 " + rejected.size() + " 个要素不能导入，未导入任何网格：" + rejected.get(0),
                    rejected.size() + " features of the boundary file cannot be imported, so nothing was: "
                            + rejected.get(0));
        }
        return new ImportReport(read, added, updated, rejected);
    }

    /** Adds or replaces a cell; true when it was new. */
    @Transactional
    public boolean save(GridCell cell) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        byte[] wkb = new WKBWriter().write(cell.geometry());
        int srid = counties.require().crs().epsg();
        int n = jdbc.sql("UPDATE grid_cell SET cell_level = ?, name = ?, parent_code = ?, geom = ST_GeomFromWKB(?, ?),"
                        + " area_m2 = ?, updated_at = ? WHERE code = ?")
                .params(cell.level().name(), cell.name(), cell.parentCode(), wkb, srid, cell.areaM2(), now, cell.code())
                .update();
        if (n > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO grid_cell (code, cell_level, name, parent_code, geom, area_m2, updated_at)"
                        + " VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, ?), ?, ?)")
                .params(cell.code(), cell.level().name(), cell.name(), cell.parentCode(), wkb, srid, cell.areaM2(), now)
                .update();
        return true;
    }

    /** The cells in scope, towns before their villages, by code; optionally of one level or under one parent. */
    public List<GridCell> list(GridScope scope, GridLevel level, String parent, boolean withGeometry) {
        StringBuilder sql = new StringBuilder("SELECT code, cell_level, name, parent_code, area_m2"
                + (withGeometry ? ", ST_AsBinary(geom) AS wkb" : "") + " FROM grid_cell WHERE code LIKE :scope");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scope", scope.likePattern());
        if (level != null) {
            sql.append(" AND cell_level = :level");
            params.put("level", level.name());
        }
        if (parent != null) {
            sql.append(" AND parent_code = :parent");
            params.put("parent", parent);
        }
        sql.append(" ORDER BY code");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> new GridCell(
                        rs.getString("code"),
                        GridLevel.valueOf(rs.getString("cell_level")),
                        rs.getString("name"),
                        rs.getString("parent_code"),
                        withGeometry ? geometry(rs.getBytes("wkb")) : null,
                        rs.getDouble("area_m2")))
                .list();
    }

    /** The cells in scope whose bounding box meets {@code box} (working system), with their boundaries; by code. */
    public List<GridCell> inBox(GridScope scope, Envelope box) {
        Map<String, Object> params = Boxes.params(box, counties.require().crs().epsg());
        params.put("scope", scope.likePattern());
        return jdbc.sql("SELECT " + WITH_GEOMETRY + " FROM grid_cell WHERE " + Boxes.meets("geom")
                        + " AND code LIKE :scope ORDER BY code")
                .params(params)
                .query((rs, i) -> cell(rs))
                .list();
    }

    /** The extent of all cells (working system), or empty when there are none. */
    public Optional<Envelope> extent() {
        return jdbc.sql("SELECT MIN(ST_XMin(geom)) AS x0, MIN(ST_YMin(geom)) AS y0, MAX(ST_XMax(geom)) AS x1,"
                        + " MAX(ST_YMax(geom)) AS y1, COUNT(*) AS n FROM grid_cell")
                .query((rs, i) -> rs.getLong("n") == 0
                        ? null
                        : new Envelope(rs.getDouble("x0"), rs.getDouble("x1"), rs.getDouble("y0"), rs.getDouble("y1")))
                .optional();
    }

    public Optional<GridCell> find(String code) {
        return jdbc.sql("SELECT " + WITH_GEOMETRY + " FROM grid_cell WHERE code = ?")
                .param(code)
                .query((rs, i) -> cell(rs))
                .optional();
    }

    private static final String WITH_GEOMETRY =
            "code, cell_level, name, parent_code, area_m2, ST_AsBinary(geom) AS wkb";

    private GridCell cell(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new GridCell(
                rs.getString("code"),
                GridLevel.valueOf(rs.getString("cell_level")),
                rs.getString("name"),
                rs.getString("parent_code"),
                geometry(rs.getBytes("wkb")),
                rs.getDouble("area_m2"));
    }

    /**
     * The village whose boundary contains {@code g}'s interior point (the nearest village within 50 m when none
     * contains it, for points on a boundary or just outside the county), or empty.
     */
    public Optional<String> villageAt(Geometry g) {
        Geometry p = g.getInteriorPoint();
        int srid = counties.require().crs().epsg();
        byte[] wkb = new WKBWriter().write(p);
        Optional<String> inside = jdbc
                .sql("SELECT code FROM grid_cell WHERE cell_level = 'VILLAGE'"
                        + " AND ST_Intersects(geom, ST_GeomFromWKB(?, ?)) ORDER BY code")
                .params(wkb, srid)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
        if (inside.isPresent()) {
            return inside;
        }
        return jdbc
                .sql(
                        "SELECT code FROM grid_cell WHERE cell_level = 'VILLAGE'"
                                + " AND ST_DWithin(geom, ST_GeomFromWKB(?, ?), 50) ORDER BY ST_Distance(geom, ST_GeomFromWKB(?, ?)), code")
                .params(wkb, srid, wkb, srid)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    /** Whether {@code g} (working system) lies in the county: in, or within 50 m of, one of its cells. */
    public boolean withinCounty(Geometry g) {
        int srid = counties.require().crs().epsg();
        byte[] wkb = new WKBWriter().write(g);
        return jdbc.sql("SELECT COUNT(*) FROM grid_cell WHERE ST_DWithin(geom, ST_GeomFromWKB(?, ?), 50)")
                        .params(wkb, srid)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The number of cells whose parent is {@code code}. */
    public int childCount(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM grid_cell WHERE parent_code = ?")
                .param(code)
                .query(Integer.class)
                .single();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM grid_cell").query(Integer.class).single();
    }

    Geometry geometry(byte[] wkb) {
        try {
            Geometry g =
                    new WKBReader(WorkingPrecision.factory(counties.require().crs())).read(wkb);
            g.setSRID(counties.require().crs().epsg());
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable stored geometry", e);
        }
    }

    private static Optional<Crs> implied(Path file) {
        try {
            return FeatureFiles.impliedCrs(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
