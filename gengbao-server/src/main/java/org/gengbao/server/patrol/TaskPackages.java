package org.gengbao.server.patrol;

import static org.gengbao.spatial.io.FieldDef.date;
import static org.gengbao.spatial.io.FieldDef.decimal;
import static org.gengbao.spatial.io.FieldDef.integer;
import static org.gengbao.spatial.io.FieldDef.string;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.server.storage.JsonText;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.geopackage.GeoPackageWriter;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offline packages of a task: the land-use parcels, basic farmland (households' phones masked), plan zones, approval
 * and supply footprints in force on the task's date, the open clues, signs and markers in the task area, and the task
 * itself (area and targets) — as JSON (GeoJSON per layer, lon/lat) or as a GeoPackage (one table per layer, in the
 * county's Gauss-Krüger system).
 *
 * <p>The version is the SHA-256 of {@code generatedFrom}: the package format, the task's content, the ids and hashes
 * of the layer versions in force, and the count and hash of the farmland, clue, sign and marker rows. It is the same
 * for both formats and changes exactly when one of those does.
 */
@Service
public class TaskPackages {
    static final int FORMAT = 1;
    static final List<LayerKind> REFERENCE =
            List.of(LayerKind.DLTB, LayerKind.PLAN, LayerKind.APPROVAL, LayerKind.SUPPLY);
    static final Map<LayerKind, String> TABLE = Map.of(
            LayerKind.DLTB, "dltb", LayerKind.PLAN, "plan", LayerKind.APPROVAL, "approval", LayerKind.SUPPLY, "supply");
    static final Map<LayerKind, List<FieldDef>> REFERENCE_FIELDS = Map.of(
            LayerKind.DLTB,
            List.of(
                    string("id", 40),
                    string("DLBM", 5),
                    string("DLMC", 60),
                    decimal("TBMJ", 15, 2),
                    string("KCDLBM", 5),
                    string("KCXS", 10),
                    string("ZLDWDM", 19),
                    string("CZCSXM", 4)),
            LayerKind.PLAN,
            List.of(
                    string("id", 40),
                    string("GZQLXDM", 3),
                    string("GZQMC", 20),
                    string("TDYTQLXDM", 3),
                    string("TDYTQMC", 30)),
            LayerKind.APPROVAL,
            List.of(string("id", 40), string("PZWH", 60), date("PZRQ"), decimal("PZMJ", 15, 2), string("XMMC", 100)),
            LayerKind.SUPPLY,
            List.of(
                    string("id", 40),
                    string("DZJGH", 20),
                    date("GDRQ"),
                    string("GDFS", 10),
                    decimal("GDMJ", 15, 2),
                    string("XMMC", 100)));
    static final List<FieldDef> FARMLAND = List.of(
            string("id", 40),
            decimal("areaM2", 15, 2),
            string("landClass", 5),
            string("fieldChief", 100),
            string("fieldChiefPhone", 30),
            string("household", 100),
            string("householdPhone", 30),
            string("cardNo", 40));
    static final List<FieldDef> CLUES = List.of(
            string("id", 36),
            string("status", 20),
            string("verdict", 30),
            string("source", 12),
            decimal("areaM2", 15, 2),
            string("createdAt", 40));
    static final List<FieldDef> SIGNS =
            List.of(string("id", 40), string("parcelId", 40), string("condition", 12), date("installedOn"));
    static final List<FieldDef> MARKERS =
            List.of(string("id", 40), string("parcelId", 40), integer("markerNo", 6), string("condition", 12));
    static final List<FieldDef> TASK_AREA = List.of(
            string("taskId", 36),
            string("gridCode", 12),
            date("date"),
            date("dueDate"),
            string("kind", 12),
            string("assignee", 64),
            string("note", 1000));
    static final List<FieldDef> TARGETS = List.of(
            integer("seq", 6),
            string("type", 10),
            string("targetId", 64),
            string("reason", 30),
            string("reasonZh", 200),
            string("reasonEn", 200),
            string("hotspots", 100),
            decimal("priority", 10, 2),
            date("lastVisit"));

    private final JdbcClient jdbc;
    private final Counties counties;
    private final ReferenceLayers layers;

    TaskPackages(JdbcClient jdbc, Counties counties, ReferenceLayers layers) {
        this.jdbc = jdbc;
        this.counties = counties;
        this.layers = layers;
    }

    /** What a package is made of, and its version. */
    public record Basis(PatrolTask task, County county, List<PackageLayer> gridLayers, ObjectNode generatedFrom) {
        public String version() {
            return PackageLayer.sha256(JsonText.write(generatedFrom));
        }
    }

    /** The version and its inputs, without reading the reference layers' features. */
    public Basis basis(PatrolTask task) {
        County county = counties.require();
        byte[] area = new WKBWriter().write(task.area());
        int srid = county.crs().epsg();
        WKBReader reader = new WKBReader(WorkingPrecision.factory(county.crs()));
        List<PackageLayer> grid = new ArrayList<>();
        grid.add(new PackageLayer(
                "farmland",
                "MULTIPOLYGON",
                FARMLAND,
                jdbc.sql("SELECT p.id, ST_AsBinary(p.geom) AS wkb, p.area_m2, p.land_class, p.household_name,"
                                + " p.household_phone, p.card_no, c.name AS chief, c.phone AS chief_phone"
                                + " FROM farmland_parcel p LEFT JOIN grid_person c ON c.id = p.field_chief_id"
                                + " WHERE ST_Intersects(p.geom, ST_GeomFromWKB(?, ?)) ORDER BY p.id")
                        .params(area, srid)
                        .query((rs, i) -> feature(
                                reader,
                                rs.getBytes("wkb"),
                                FARMLAND,
                                map(
                                        "id", rs.getString("id"),
                                        "areaM2", rs.getDouble("area_m2"),
                                        "landClass", rs.getString("land_class"),
                                        "fieldChief", rs.getString("chief"),
                                        "fieldChiefPhone", masked(rs.getString("chief_phone")),
                                        "household", rs.getString("household_name"),
                                        "householdPhone", masked(rs.getString("household_phone")),
                                        "cardNo", rs.getString("card_no"))))
                        .list()));
        grid.add(new PackageLayer(
                "clues",
                "GEOMETRY",
                CLUES,
                jdbc.sql("SELECT id, status, verdict, source, area_m2, created_at, ST_AsBinary(geom) AS wkb FROM clue"
                                + " WHERE status NOT IN ('CLOSED', 'DISMISSED')"
                                + " AND ST_Intersects(geom, ST_GeomFromWKB(?, ?)) ORDER BY id")
                        .params(area, srid)
                        .query((rs, i) -> {
                            OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
                            Object m2 = rs.getObject("area_m2");
                            return feature(
                                    reader,
                                    rs.getBytes("wkb"),
                                    CLUES,
                                    map(
                                            "id",
                                            rs.getString("id"),
                                            "status",
                                            rs.getString("status"),
                                            "verdict",
                                            rs.getString("verdict"),
                                            "source",
                                            rs.getString("source"),
                                            "areaM2",
                                            m2 == null ? null : rs.getDouble("area_m2"),
                                            "createdAt",
                                            created == null
                                                    ? null
                                                    : created.withOffsetSameInstant(ZoneOffset.UTC)
                                                            .toString()));
                        })
                        .list()));
        grid.add(new PackageLayer(
                "signs",
                "POINT",
                SIGNS,
                jdbc.sql("SELECT id, parcel_id, condition_code, installed_on, ST_AsBinary(geom) AS wkb"
                                + " FROM protection_sign WHERE ST_Intersects(geom, ST_GeomFromWKB(?, ?)) ORDER BY id")
                        .params(area, srid)
                        .query((rs, i) -> feature(
                                reader,
                                rs.getBytes("wkb"),
                                SIGNS,
                                map(
                                        "id", rs.getString("id"),
                                        "parcelId", rs.getString("parcel_id"),
                                        "condition", rs.getString("condition_code"),
                                        "installedOn", rs.getObject("installed_on", java.time.LocalDate.class))))
                        .list()));
        grid.add(new PackageLayer(
                "markers",
                "POINT",
                MARKERS,
                jdbc.sql("SELECT id, parcel_id, marker_no, condition_code, ST_AsBinary(geom) AS wkb"
                                + " FROM boundary_marker WHERE ST_Intersects(geom, ST_GeomFromWKB(?, ?)) ORDER BY id")
                        .params(area, srid)
                        .query((rs, i) -> feature(
                                reader,
                                rs.getBytes("wkb"),
                                MARKERS,
                                map(
                                        "id", rs.getString("id"),
                                        "parcelId", rs.getString("parcel_id"),
                                        "markerNo", rs.getLong("marker_no"),
                                        "condition", rs.getString("condition_code"))))
                        .list()));

        ObjectNode from = JsonText.MAPPER.createObjectNode();
        from.put("format", FORMAT);
        from.put("taskId", task.id());
        from.put("asOf", task.date().toString());
        from.put("crs", county.crs().code());
        from.put("task", PackageLayer.sha256(JsonText.write(taskContent(task))));
        ObjectNode versions = from.putObject("layerVersions");
        for (LayerKind kind : REFERENCE) {
            var v = layers.versionInForce(kind, task.date());
            if (v.isPresent()) {
                ObjectNode n = versions.putObject(kind.id());
                n.put("id", v.get().id());
                n.put("sha256", v.get().sha256());
            } else {
                versions.putNull(kind.id());
            }
        }
        ObjectNode content = from.putObject("content");
        for (PackageLayer l : grid) {
            ObjectNode n = content.putObject(l.name());
            n.put("count", l.features().size());
            n.put("sha256", l.sha256());
        }
        return new Basis(task, county, grid, from);
    }

    /** Every layer of the package, in order: reference layers, grid layers, the task area and its targets. */
    public List<PackageLayer> layers(Basis basis) {
        PatrolTask task = basis.task();
        County county = basis.county();
        List<PackageLayer> out = new ArrayList<>();
        for (LayerKind kind : REFERENCE) {
            List<FieldDef> fields = REFERENCE_FIELDS.get(kind);
            List<PackageLayer.Feature> features = new ArrayList<>();
            for (ReferenceFeature f : layers.featuresInForce(kind, task.date(), task.area())) {
                Map<String, Object> given = new LinkedHashMap<>(f.attributes());
                given.put("id", f.id());
                if (kind == LayerKind.DLTB && given.get("TBMJ") == null) {
                    given.put("TBMJ", f.areaM2());
                }
                features.add(new PackageLayer.Feature(f.geometry(), PackageLayer.values(fields, given)));
            }
            out.add(new PackageLayer(TABLE.get(kind), "MULTIPOLYGON", fields, features));
        }
        out.addAll(basis.gridLayers());
        out.add(new PackageLayer(
                "task_area",
                "MULTIPOLYGON",
                TASK_AREA,
                List.of(new PackageLayer.Feature(
                        task.area(),
                        PackageLayer.values(
                                TASK_AREA,
                                map(
                                        "taskId", task.id(),
                                        "gridCode", task.gridCode(),
                                        "date", task.date(),
                                        "dueDate", task.dueDate(),
                                        "kind", task.kind().name(),
                                        "assignee", task.assignee(),
                                        "note", task.note()))))));
        GeometryFactory factory = WorkingPrecision.factory(county.crs());
        CrsTransform toWorking = CrsTransform.between(CrsRegistry.CGCS2000, county.crs());
        List<PackageLayer.Feature> targets = new ArrayList<>();
        int seq = 0;
        for (TaskTarget t : task.targets()) {
            double[] xy = {t.lon(), t.lat()};
            toWorking.apply(xy);
            var point = factory.createPoint(new Coordinate(xy[0], xy[1]));
            point.setSRID(county.crs().epsg());
            targets.add(new PackageLayer.Feature(
                    point,
                    PackageLayer.values(
                            TARGETS,
                            map(
                                    "seq", (long) ++seq,
                                    "type", t.type(),
                                    "targetId", t.id(),
                                    "reason", t.reason(),
                                    "reasonZh", t.reasonZh(),
                                    "reasonEn", t.reasonEn(),
                                    "hotspots", String.join(",", t.hotspots()),
                                    "priority", t.priority(),
                                    "lastVisit", t.lastVisit()))));
        }
        out.add(new PackageLayer("targets", "POINT", TARGETS, targets));
        return out;
    }

    /** The JSON package: version, generatedFrom, the task, and one FeatureCollection (lon/lat) per layer. */
    public ObjectNode json(Basis basis) {
        ObjectNode n = JsonText.MAPPER.createObjectNode();
        n.put("version", basis.version());
        n.set("generatedFrom", basis.generatedFrom());
        n.put("crs", "EPSG:4490");
        n.put("workingCrs", basis.county().crs().code());
        ObjectNode task = taskContent(basis.task());
        task.remove("area");
        task.set(
                "area",
                org.gengbao.spatial.io.geojson.GeoJsonGeometries.lonLat(
                        basis.task().area(), basis.county().crs()));
        n.set("task", task);
        ObjectNode layersNode = n.putObject("layers");
        for (PackageLayer l : layers(basis)) {
            layersNode.set(l.name(), l.toGeoJson(basis.county().crs()));
        }
        return n;
    }

    /** The GeoPackage, written to {@code file} (which must not exist or be empty). */
    public void geoPackage(Basis basis, Path file) {
        try {
            for (PackageLayer l : layers(basis)) {
                try (GeoPackageWriter w =
                        GeoPackageWriter.create(file, l.name(), basis.county().crs(), l.geometryType(), l.fields())) {
                    for (PackageLayer.Feature f : l.features()) {
                        w.write(f.geometry(), f.values());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The GeoPackage as bytes. */
    public byte[] geoPackageBytes(Basis basis) {
        Path file = null;
        try {
            file = Files.createTempFile("gengbao-task-", ".gpkg");
            geoPackage(basis, file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }

    /** The task as the package carries it (no status: that changes on the phone, not in the package). */
    static ObjectNode taskContent(PatrolTask t) {
        ObjectNode n = JsonText.MAPPER.createObjectNode();
        n.put("id", t.id());
        n.put("gridCode", t.gridCode());
        n.put("date", t.date().toString());
        n.put("dueDate", t.dueDate().toString());
        n.put("kind", t.kind().name());
        n.put("assignee", t.assignee());
        n.put("note", t.note());
        n.put("area", HexFormat.of().formatHex(new WKBWriter().write(t.area())));
        n.set("targets", JsonText.read(TaskTarget.toJson(t.targets())));
        return n;
    }

    /** A phone number with all but the first three and last four digits hidden (138****5678). */
    static String masked(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.trim();
        if (p.length() <= 7) {
            return "*".repeat(p.length());
        }
        return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }

    private static PackageLayer.Feature feature(
            WKBReader reader, byte[] wkb, List<FieldDef> fields, Map<String, Object> given) {
        try {
            Geometry g = reader.read(wkb);
            return new PackageLayer.Feature(g, PackageLayer.values(fields, given));
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable stored geometry", e);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] instanceof BigDecimal b ? b : kv[i + 1]);
        }
        return m;
    }
}
