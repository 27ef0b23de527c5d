package org.gengbao.server.grid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.grid.Farmland.Condition;
import org.gengbao.server.grid.Farmland.Duty;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.geom.GeoJsonGeometryParser;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.geojson.GeoJsonGeometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The basic-farmland parcels as the API shows them — paged lists and details within a {@link GridScope}, with phones
 * masked for roles that may not see them and every full view audited — and the changes to them: responsible people,
 * protection signs and boundary markers, each audited.
 */
@Service
class Parcels {
    /** Signs (标志牌) and markers (界桩): the same shape in two tables. */
    enum PointKind {
        SIGN("protection_sign", "sign_no", "标志牌", "BZP"),
        MARKER("boundary_marker", "marker_no", "界桩", "JZ");

        final String table;
        final String numberColumn;
        final String nameZh;
        final String prefix;

        PointKind(String table, String numberColumn, String nameZh, String prefix) {
            this.table = table;
            this.numberColumn = numberColumn;
            this.nameZh = nameZh;
            this.prefix = prefix;
        }
    }

    /** The new responsible people of a parcel; null members are cleared. */
    record Responsibility(String fieldChiefId, String householdName, String householdPhone, String cardNo) {}

    /** Largest distance of a sign or marker from its parcel's outline. */
    static final double MAX_POINT_DISTANCE_M = 100;

    private final JdbcClient jdbc;
    private final Counties counties;
    private final GridCells cells;
    private final GridPeople people;
    private final AuditLog audit;

    Parcels(JdbcClient jdbc, Counties counties, GridCells cells, GridPeople people, AuditLog audit) {
        this.jdbc = jdbc;
        this.counties = counties;
        this.cells = cells;
        this.people = people;
        this.audit = audit;
    }

    /** One page of the parcels in scope (optionally under one cell), by id, with the total. */
    Map<String, Object> page(GridScope scope, String cell, int page, int size) {
        String pattern = scope.likePattern();
        String cellPattern = cell == null ? "%" : GridScope.normalize(cell) + "%";
        int total = jdbc.sql("SELECT COUNT(*) FROM farmland_parcel WHERE grid_code LIKE ? AND grid_code LIKE ?")
                .params(pattern, cellPattern)
                .query(Integer.class)
                .single();
        List<Map<String, Object>> items = jdbc.sql(
                        "SELECT p.id, p.grid_code, p.area_m2, p.land_class, p.field_chief_id, p.household_name, p.card_no,"
                                + " g.name AS chief_name FROM farmland_parcel p"
                                + " LEFT JOIN grid_person g ON g.id = p.field_chief_id"
                                + " WHERE p.grid_code LIKE ? AND p.grid_code LIKE ? ORDER BY p.id"
                                + " LIMIT " + size + " OFFSET " + ((long) page * size))
                .params(pattern, cellPattern)
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getString("id"));
                    m.put("gridCode", rs.getString("grid_code"));
                    m.put("areaM2", round(rs.getDouble("area_m2")));
                    m.put("landClass", rs.getString("land_class"));
                    m.put("fieldChiefId", rs.getString("field_chief_id"));
                    m.put("fieldChiefName", rs.getString("chief_name"));
                    m.put("householdName", rs.getString("household_name"));
                    m.put("cardNo", rs.getString("card_no"));
                    return m;
                })
                .list();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", page);
        m.put("size", size);
        m.put("total", total);
        m.put("items", items);
        return m;
    }

    /**
     * A parcel in scope with its outline (lon/lat), people, signs and markers. Roles that see phones in full get them,
     * and the view is audited as PERSONAL_DATA_VIEWED; others get them masked.
     */
    Map<String, Object> detail(GridScope scope, String id) {
        Map<String, Object> m = jdbc.sql("SELECT id, grid_code, area_m2, land_class, field_chief_id, household_name,"
                        + " household_phone, card_no, updated_at, ST_AsBinary(geom) AS wkb FROM farmland_parcel"
                        + " WHERE id = ? AND grid_code LIKE ?")
                .params(id, scope.likePattern())
                .query((rs, i) -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("id", rs.getString("id"));
                    p.put("gridCode", rs.getString("grid_code"));
                    p.put("areaM2", round(rs.getDouble("area_m2")));
                    p.put("landClass", rs.getString("land_class"));
                    p.put("outline", GeoJsonGeometries.lonLat(cells.geometry(rs.getBytes("wkb")), crs()));
                    p.put("fieldChiefId", rs.getString("field_chief_id"));
                    p.put("householdName", rs.getString("household_name"));
                    p.put("householdPhone", rs.getString("household_phone"));
                    p.put("cardNo", rs.getString("card_no"));
                    p.put("updatedAt", String.valueOf(rs.getObject("updated_at", OffsetDateTime.class)));
                    return p;
                })
                .optional()
                .orElseThrow(() -> Fields.notFound("PARCEL", "基本农田地块", id));
        cells.find((String) m.get("gridCode")).ifPresent(c -> m.put("gridName", c.name()));
        Role role = scope.role();
        String chiefId = (String) m.remove("fieldChiefId");
        Map<String, Object> chief = null;
        boolean fullPhone = m.get("householdPhone") != null;
        if (chiefId != null) {
            Optional<GridPeople.Person> person = people.find(new GridScope(null, null, ""), chiefId);
            if (person.isPresent()) {
                chief = personJson(person.get(), role);
                fullPhone |= person.get().phone() != null;
            }
        }
        m.put("fieldChief", chief);
        m.put("householdPhone", Phones.shown((String) m.get("householdPhone"), role));
        m.put("signs", points(PointKind.SIGN, id));
        m.put("markers", points(PointKind.MARKER, id));
        if (fullPhone && Phones.fullFor(role)) {
            audit.record(
                    "PERSONAL_DATA_VIEWED", "parcel:" + id, AuditLog.Result.OK, "household and field chief phones");
        }
        return m;
    }

    /** A person as JSON, the phone as {@code role} may see it. */
    static Map<String, Object> personJson(GridPeople.Person p, Role role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("gridCode", p.gridCode());
        m.put("duty", p.duty().name());
        m.put("dutyZh", p.duty().nameZh());
        m.put("name", p.name());
        m.put("phone", Phones.shown(p.phone(), role));
        m.put("username", p.username());
        m.put("updatedAt", p.updatedAt());
        return m;
    }

    /**
     * Sets a parcel's field chief (a FIELD_CHIEF person of its village or town, else 422), household name and phone
     * and card number; null members are cleared. Audited with the phone masked.
     */
    @Transactional
    Map<String, Object> updateResponsibility(GridScope scope, String id, Responsibility r) {
        String cell = parcelCell(scope, id);
        String phone = Phones.normalize(r.householdPhone());
        if (r.fieldChiefId() != null) {
            GridPeople.Person chief = people.find(new GridScope(null, null, ""), r.fieldChiefId())
                    .orElseThrow(() -> Fields.invalid(
                            "FIELD_CHIEF_UNKNOWN",
                            "没有编号为“" + r.fieldChiefId() + "”的人员",
                            "There is no person with id \"" + r.fieldChiefId() + "\""));
            if (chief.duty() != Duty.FIELD_CHIEF || !chief.gridCode().equals(cell)) {
                throw Fields.invalid(
                        "FIELD_CHIEF_INVALID",
                        "人员“" + chief.name() + "”不是本村的田长（FIELD_CHIEF）",
                        "The person \"" + chief.name()
                                + "\" is not a field chief (FIELD_CHIEF) of this parcel's village");
            }
        }
        jdbc.sql("UPDATE farmland_parcel SET field_chief_id = ?, household_name = ?, household_phone = ?, card_no = ?,"
                        + " updated_at = ? WHERE id = ?")
                .params(r.fieldChiefId(), r.householdName(), phone, r.cardNo(), now(), id)
                .update();
        audit.record(
                "PARCEL_RESPONSIBILITY_UPDATED",
                "parcel:" + id,
                AuditLog.Result.OK,
                "fieldChief=" + r.fieldChiefId() + " household=" + r.householdName() + " phone=" + Phones.mask(phone)
                        + " card=" + r.cardNo());
        return detail(scope, id);
    }

    /** The cell of a parcel in scope; 404 otherwise. */
    String parcelCell(GridScope scope, String id) {
        return jdbc.sql("SELECT grid_code FROM farmland_parcel WHERE id = ? AND grid_code LIKE ?")
                .params(id, scope.likePattern())
                .query(String.class)
                .optional()
                .orElseThrow(() -> Fields.notFound("PARCEL", "基本农田地块", id));
    }

    /** The signs or markers of a parcel in scope, by number. */
    List<Map<String, Object>> points(GridScope scope, PointKind kind, String parcelId) {
        parcelCell(scope, parcelId);
        return points(kind, parcelId);
    }

    private List<Map<String, Object>> points(PointKind kind, String parcelId) {
        return jdbc.sql(select(kind) + " WHERE parcel_id = ? ORDER BY " + kind.numberColumn + ", id")
                .param(parcelId)
                .query((rs, i) -> point(kind, rs))
                .list();
    }

    /**
     * Adds a sign or marker to a parcel in scope at {@code location} (working system; checked by the caller to lie in
     * the county): 422 when it is more than {@value #MAX_POINT_DISTANCE_M} m from the parcel, 409 when the number is
     * taken.
     */
    @Transactional
    Map<String, Object> addPoint(
            GridScope scope,
            PointKind kind,
            String parcelId,
            int number,
            Point location,
            Condition condition,
            LocalDate installedOn) {
        String cell = parcelCell(scope, parcelId);
        int srid = crs().epsg();
        byte[] wkb = new WKBWriter().write(location);
        if (!cells.withinCounty(location)) {
            throw Fields.invalid(
                    "LOCATION_OUTSIDE_COUNTY",
                    kind.nameZh + "位置不在本县范围内（经纬度顺序为 [经度, 纬度]）",
                    "The location lies outside the county (coordinates are [longitude, latitude])");
        }
        double distance = jdbc.sql("SELECT ST_Distance(geom, ST_GeomFromWKB(?, ?)) FROM farmland_parcel WHERE id = ?")
                .params(wkb, srid, parcelId)
                .query(Double.class)
                .single();
        if (distance > MAX_POINT_DISTANCE_M) {
            throw Fields.invalid(
                    "LOCATION_FAR_FROM_PARCEL",
                    kind.nameZh + "位置距地块 " + Math.round(distance) + " 米，超过 " + (int) MAX_POINT_DISTANCE_M + " 米",
                    "The location is " + Math.round(distance) + " m from the parcel, more than "
                            + (int) MAX_POINT_DISTANCE_M + " m");
        }
        int taken = jdbc.sql(
                        "SELECT COUNT(*) FROM " + kind.table + " WHERE parcel_id = ? AND " + kind.numberColumn + " = ?")
                .params(parcelId, number)
                .query(Integer.class)
                .single();
        if (taken > 0) {
            throw numberTaken(kind, parcelId, number);
        }
        String id = UUID.randomUUID().toString();
        try {
            if (kind == PointKind.SIGN) {
                jdbc.sql(
                                "INSERT INTO protection_sign (id, parcel_id, grid_code, sign_no, geom, condition_code,"
                                        + " installed_on, updated_at, updated_by) VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, ?), ?, ?, ?, ?)")
                        .params(
                                id,
                                parcelId,
                                cell,
                                number,
                                wkb,
                                srid,
                                condition.name(),
                                installedOn,
                                now(),
                                scope.username())
                        .update();
            } else {
                jdbc.sql("INSERT INTO boundary_marker (id, parcel_id, grid_code, marker_no, geom, condition_code,"
                                + " updated_at, updated_by) VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, ?), ?, ?, ?)")
                        .params(id, parcelId, cell, number, wkb, srid, condition.name(), now(), scope.username())
                        .update();
            }
        } catch (DuplicateKeyException e) {
            throw numberTaken(kind, parcelId, number);
        }
        audit.record(
                kind.name() + "_ADDED",
                kind.name().toLowerCase(Locale.ROOT) + ":" + id,
                AuditLog.Result.OK,
                "parcel=" + parcelId + " number=" + number + " condition=" + condition);
        return findPoint(scope, kind, id).orElseThrow();
    }

    /** Reports the condition (and a note) of a sign or marker in scope. */
    @Transactional
    Map<String, Object> reportCondition(GridScope scope, PointKind kind, String id, Condition condition, String note) {
        Map<String, Object> old =
                findPoint(scope, kind, id).orElseThrow(() -> Fields.notFound(kind.name(), kind.nameZh, id));
        jdbc.sql("UPDATE " + kind.table
                        + " SET condition_code = ?, note = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(condition.name(), note, now(), scope.username(), id)
                .update();
        audit.record(
                kind.name() + "_CONDITION_REPORTED",
                kind.name().toLowerCase(Locale.ROOT) + ":" + id,
                AuditLog.Result.OK,
                "parcel=" + old.get("parcelId") + " " + old.get("condition") + " -> " + condition
                        + (note == null ? "" : " note=" + note));
        return findPoint(scope, kind, id).orElseThrow();
    }

    /**
     * A GeoJSON Point in CGCS2000 longitude/latitude, in the working system: 400 when it is not GeoJSON, 422 when it
     * is another geometry or its coordinates are not a longitude and latitude.
     */
    Point location(JsonNode node) {
        if (node == null || node.isNull()) {
            throw Fields.missing("location");
        }
        Geometry g;
        try {
            g = GeoJsonGeometryParser.toGeometry(node, WorkingPrecision.factory(CrsRegistry.CGCS2000), "location");
        } catch (SpatialInputException e) {
            throw Problem.of(e);
        }
        if (!(g instanceof Point p) || p.isEmpty()) {
            throw Fields.invalid(
                    "LOCATION_NOT_POINT",
                    "location 应为 GeoJSON 点（Point），收到 " + g.getGeometryType(),
                    "location must be a GeoJSON Point; got " + g.getGeometryType());
        }
        double lon = p.getX();
        double lat = p.getY();
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            throw Fields.invalid(
                    "COORDINATE_OUT_OF_RANGE",
                    "location 的坐标应为 [经度, 纬度]（度），收到 [" + lon + ", " + lat + "]",
                    "location must be [longitude, latitude] in degrees; got [" + lon + ", " + lat + "]");
        }
        Geometry working = CrsTransform.between(CrsRegistry.CGCS2000, crs()).apply(p, WorkingPrecision.factory(crs()));
        WorkingPrecision.roundToGrid(working);
        working.setSRID(crs().epsg());
        return (Point) working;
    }

    Optional<Map<String, Object>> findPoint(GridScope scope, PointKind kind, String id) {
        return jdbc.sql(select(kind) + " WHERE id = ? AND grid_code LIKE ?")
                .params(id, scope.likePattern())
                .query((rs, i) -> point(kind, rs))
                .optional();
    }

    private static String select(PointKind kind) {
        return "SELECT id, parcel_id, grid_code, " + kind.numberColumn + " AS no, condition_code, note, updated_at,"
                + " updated_by, " + (kind == PointKind.SIGN ? "installed_on" : "NULL AS installed_on")
                + ", ST_AsBinary(geom) AS wkb FROM " + kind.table;
    }

    private Map<String, Object> point(PointKind kind, ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getString("id"));
        m.put("parcelId", rs.getString("parcel_id"));
        m.put("gridCode", rs.getString("grid_code"));
        Object no = rs.getObject("no");
        m.put("number", no == null ? null : ((Number) no).intValue());
        m.put("location", GeoJsonGeometries.lonLat(cells.geometry(rs.getBytes("wkb")), crs()));
        m.put("condition", rs.getString("condition_code"));
        m.put("note", rs.getString("note"));
        if (kind == PointKind.SIGN) {
            LocalDate installed = rs.getObject("installed_on", LocalDate.class);
            m.put("installedOn", installed == null ? null : installed.toString());
        }
        m.put("updatedAt", String.valueOf(rs.getObject("updated_at", OffsetDateTime.class)));
        m.put("updatedBy", rs.getString("updated_by"));
        return m;
    }

    private static Problem numberTaken(PointKind kind, String parcelId, int number) {
        return Problem.conflict(
                kind.name() + "_NUMBER_TAKEN",
                "地块 " + parcelId + " 已有编号为 " + number + " 的" + kind.nameZh,
                "Parcel " + parcelId + " already has " + kind.name().toLowerCase(Locale.ROOT) + " number " + number);
    }

    private GaussKrugerCrs crs() {
        return counties.require().crs();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static List<Map<String, Object>> peopleJson(List<GridPeople.Person> list, Role role) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (GridPeople.Person p : list) {
            out.add(personJson(p, role));
        }
        return out;
    }
}
