package org.gengbao.server.grid;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Permanent basic farmland parcels as the grid knows them: taken from the basic-farmland (JBNT) layer in force, placed
 * in their village, with the field chief and responsible household that a layer does not carry.
 */
@Service
public class Farmland {
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"
    };
    private static final String[] GIVEN = {"建国", "秀英", "志强", "桂兰", "明", "丽", "国华", "玉梅", "德胜", "春花", "海涛", "凤英"};

    private final JdbcClient jdbc;
    private final Counties counties;
    private final ReferenceLayers layers;
    private final GridCells cells;
    private final AuditLog audit;

    Farmland(JdbcClient jdbc, Counties counties, ReferenceLayers layers, GridCells cells, AuditLog audit) {
        this.jdbc = jdbc;
        this.counties = counties;
        this.layers = layers;
        this.cells = cells;
        this.audit = audit;
    }

    /** What a sync did. */
    public record SyncReport(int read, int added, int updated, int outsideGrid) {}

    /**
     * Brings the parcels in line with the basic-farmland layer in force on {@code asOf}: new parcels are added in the
     * village their location code (ZLDWDM) names, or else the village they lie in; existing ones get the layer's
     * outline and keep their people. A parcel in no village is counted and skipped.
     */
    @Transactional
    public SyncReport syncFromLayer(LocalDate asOf) {
        if (layers.versionInForce(LayerKind.JBNT, asOf).isEmpty()) {
            throw new Problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "LAYER_NOT_IN_FORCE",
                    asOf + " 没有生效的永久基本农田（jbnt）图层，请先导入",
                    "No basic-farmland (jbnt) layer is in force on " + asOf + "; import one first");
        }
        List<ReferenceFeature> features = layers.featuresInForce(LayerKind.JBNT, asOf, null);
        int srid = counties.require().crs().epsg();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int added = 0;
        int updated = 0;
        int outside = 0;
        for (ReferenceFeature f : features) {
            String id = parcelId(f);
            byte[] wkb = new WKBWriter().write(f.geometry());
            String landClass = text(f.attributes().get("DLBM"));
            int n = jdbc.sql("UPDATE farmland_parcel SET geom = ST_GeomFromWKB(?, ?), area_m2 = ?, land_class = ?,"
                            + " updated_at = ? WHERE id = ?")
                    .params(wkb, srid, f.areaM2(), landClass, now, id)
                    .update();
            if (n > 0) {
                updated++;
                continue;
            }
            Optional<String> village = villageOf(f);
            if (village.isEmpty()) {
                outside++;
                continue;
            }
            jdbc.sql("INSERT INTO farmland_parcel (id, grid_code, geom, area_m2, land_class, updated_at)"
                            + " VALUES (?, ?, ST_GeomFromWKB(?, ?), ?, ?, ?)")
                    .params(id, village.get(), wkb, srid, f.areaM2(), landClass, now)
                    .update();
            added++;
        }
        SyncReport report = new SyncReport(features.size(), added, updated, outside);
        audit.record("FARMLAND_SYNCED", "jbnt@" + asOf, AuditLog.Result.OK, report.toString());
        return report;
    }

    private Optional<String> villageOf(ReferenceFeature f) {
        String located = text(f.attributes().get("ZLDWDM"));
        if (located != null && located.length() >= 12) {
            String code = located.substring(0, 12);
            if (cells.find(code).filter(c -> c.level() == GridLevel.VILLAGE).isPresent()) {
                return Optional.of(code);
            }
        }
        return cells.villageAt(f.geometry());
    }

    /** The parcel number (JBNTTBBH) where the layer has one, else "BSM-" and the feature id. */
    static String parcelId(ReferenceFeature f) {
        String no = text(f.attributes().get("JBNTTBBH"));
        return no != null ? no : "BSM-" + f.id();
    }

    /**
     * Fills in a demo county's people: per village a field chief (田长), an information officer and an inspector
     * person; per parcel a responsible household with a protection card, a sign and up to four boundary markers at
     * the outline's corners, a few of them damaged. Deterministic for a seed; parcels that already have a household
     * are left alone.
     */
    @Transactional
    public int populateDemo(long seed) {
        Random random = new Random(seed);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int srid = counties.require().crs().epsg();
        int parcels = 0;
        for (GridCell village : cells.list(new GridScope(null, null, ""), GridLevel.VILLAGE, null, false)) {
            String chief = UUID.nameUUIDFromBytes(("chief-" + village.code()).getBytes())
                    .toString();
            if (jdbc.sql("SELECT COUNT(*) FROM grid_person WHERE id = ?")
                            .param(chief)
                            .query(Integer.class)
                            .single()
                    == 0) {
                addPerson(chief, village.code(), Duty.FIELD_CHIEF, name(random), phone(random), null, now);
                addPerson(
                        UUID.nameUUIDFromBytes(("info-" + village.code()).getBytes())
                                .toString(),
                        village.code(),
                        Duty.INFO_OFFICER,
                        name(random),
                        phone(random),
                        null,
                        now);
            }
            List<String> ids = jdbc.sql("SELECT id FROM farmland_parcel WHERE grid_code = ? AND household_name IS NULL"
                            + " ORDER BY id")
                    .param(village.code())
                    .query(String.class)
                    .list();
            for (String id : ids) {
                Geometry g = parcelGeometry(id);
                jdbc.sql("UPDATE farmland_parcel SET field_chief_id = ?, household_name = ?, household_phone = ?,"
                                + " card_no = ?, updated_at = ? WHERE id = ?")
                        .params(chief, name(random), phone(random), "MBK-" + id, now, id)
                        .update();
                Geometry sign = g.getInteriorPoint();
                jdbc.sql("INSERT INTO protection_sign (id, parcel_id, grid_code, sign_no, geom, condition_code,"
                                + " installed_on, updated_at) VALUES (?, ?, ?, 1, ST_GeomFromWKB(?, ?), ?, ?, ?)")
                        .params(
                                "BZP-" + id,
                                id,
                                village.code(),
                                new WKBWriter().write(sign),
                                srid,
                                random.nextInt(20) == 0 ? Condition.DAMAGED.name() : Condition.GOOD.name(),
                                LocalDate.of(2019, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                                now)
                        .update();
                Coordinate[] ring =
                        ((Polygon) g.getGeometryN(0)).getExteriorRing().getCoordinates();
                int markers = Math.min(4, ring.length - 1);
                for (int k = 0; k < markers; k++) {
                    Coordinate c = ring[k * (ring.length - 1) / markers];
                    jdbc.sql("INSERT INTO boundary_marker (id, parcel_id, grid_code, marker_no, geom, condition_code,"
                                    + " updated_at) VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, ?), ?, ?)")
                            .params(
                                    "JZ-" + id + "-" + (k + 1),
                                    id,
                                    village.code(),
                                    k + 1,
                                    new WKBWriter().write(g.getFactory().createPoint(c)),
                                    srid,
                                    random.nextInt(25) == 0 ? Condition.MISSING.name() : Condition.GOOD.name(),
                                    now)
                            .update();
                }
                parcels++;
            }
        }
        return parcels;
    }

    Geometry parcelGeometry(String id) {
        return cells.geometry(jdbc.sql("SELECT ST_AsBinary(geom) FROM farmland_parcel WHERE id = ?")
                .param(id)
                .query(byte[].class)
                .single());
    }

    void addPerson(
            String id, String gridCode, Duty duty, String name, String phone, String username, OffsetDateTime now) {
        jdbc.sql("INSERT INTO grid_person (id, grid_code, duty, name, phone, username, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, gridCode, duty.name(), name, phone, username, now)
                .update();
    }

    /** Village codes by their number of basic-farmland parcels, most first (ties by code). */
    public List<String> villagesByParcelCount() {
        return jdbc.sql("SELECT grid_code FROM farmland_parcel GROUP BY grid_code ORDER BY COUNT(*) DESC, grid_code")
                .query(String.class)
                .list();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM farmland_parcel")
                .query(Integer.class)
                .single();
    }

    private static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String phone(Random random) {
        return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** What a person does in a cell. */
    public enum Duty {
        INSPECTOR("巡查员"),
        INFO_OFFICER("村级耕地保护信息员"),
        TOWN_OFFICER("镇（街道）责任人"),
        FIELD_CHIEF("田长");

        private final String nameZh;

        Duty(String nameZh) {
            this.nameZh = nameZh;
        }

        public String nameZh() {
            return nameZh;
        }

        /** A duty by name, any case; 422 DUTY_UNKNOWN naming the choices. */
        public static Duty parse(String text) {
            return Fields.choice(Duty.class, "duty", text, "DUTY_UNKNOWN");
        }
    }

    /** The state of a sign or marker as last reported. */
    public enum Condition {
        GOOD,
        DAMAGED,
        MISSING;

        /** A condition by name, any case; 422 CONDITION_UNKNOWN naming the choices. */
        public static Condition parse(String text) {
            return Fields.choice(Condition.class, "condition", text, "CONDITION_UNKNOWN");
        }
    }
}
