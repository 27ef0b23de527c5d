package org.gengbao.server.patrol;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.server.grid.GridCell;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.grid.GridLevel;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Plans the day's patrol: for each village cell with an inspector, at most one task per day (a second run of the same
 * day creates nothing) whose targets are, by priority, open clues to re-check, approved land not covered by supply,
 * places of past violations, and the basic-farmland parcels due for a visit — a parcel is due when not visited for
 * {@link PlanningProperties#visitIntervalDays()} days (or never), a parcel at a hot spot (near a road, a settlement or a
 * past violation) after {@link PlanningProperties#hotspotIntervalDays()}; the longer unvisited, the more urgent. The
 * same data gives the same tasks.
 */
@Service
public class PatrolPlanner {
    static final List<String> CLOSED_CLUE_STATUSES = List.of("CLOSED", "DISMISSED");

    private final JdbcClient jdbc;
    private final Counties counties;
    private final GridCells cells;
    private final ReferenceLayers layers;
    private final PatrolTasks tasks;
    private final TaskInspectors inspectors;
    private final PlanningProperties rules;
    private final AuditLog audit;

    PatrolPlanner(
            JdbcClient jdbc,
            Counties counties,
            GridCells cells,
            ReferenceLayers layers,
            PatrolTasks tasks,
            TaskInspectors inspectors,
            PlanningProperties rules,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.counties = counties;
        this.cells = cells;
        this.layers = layers;
        this.tasks = tasks;
        this.inspectors = inspectors;
        this.rules = rules;
        this.audit = audit;
    }

    /** A cell that got no task, and why. */
    public record Skipped(String gridCode, String reason, String zh, String en) {}

    /** What a planning run did. */
    public record PlanReport(LocalDate date, int tasksCreated, int cells, List<String> taskIds, List<Skipped> skipped) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", date.toString());
            m.put("tasksCreated", tasksCreated);
            m.put("cells", cells);
            m.put("taskIds", taskIds);
            List<Map<String, Object>> s = new ArrayList<>();
            for (Skipped k : skipped) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("gridCode", k.gridCode());
                e.put("reason", k.reason());
                e.put("zh", k.zh());
                e.put("en", k.en());
                s.add(e);
            }
            m.put("skipped", s);
            return m;
        }
    }

    /** Plans {@code date} for every village cell; {@code actor} is recorded as the tasks' creator. */
    public PlanReport plan(LocalDate date, String actor) {
        County county = counties.require();
        TaskInspectors.Candidates candidates = inspectors.load();
        List<GridCell> villages = cells.list(new GridScope(null, null, ""), GridLevel.VILLAGE, null, true);
        List<String> created = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (GridCell cell : villages) {
            Optional<String> assignee = candidates.assignee(cell.code(), date);
            if (assignee.isEmpty()) {
                skipped.add(new Skipped(cell.code(), "NO_INSPECTOR", "本网格没有巡查员", "The cell has no inspector"));
                continue;
            }
            String slot = slot(cell.code(), date);
            if (tasks.plannedId(slot).isPresent()) {
                skipped.add(alreadyPlanned(cell.code()));
                continue;
            }
            Optional<PatrolTask> task = planCell(county, cell, date, assignee.get(), actor);
            if (task.isEmpty()) {
                skipped.add(new Skipped(cell.code(), "NOTHING_DUE", "本网格当天没有需要巡查的目标", "Nothing in the cell is due"));
            } else if (tasks.insert(task.get(), slot)) {
                created.add(task.get().id());
            } else {
                skipped.add(alreadyPlanned(cell.code()));
            }
        }
        PlanReport report = new PlanReport(date, created.size(), villages.size(), created, skipped);
        audit.record(
                actor,
                "PATROL_PLANNED",
                date.toString(),
                AuditLog.Result.OK,
                "tasks=" + created.size() + " cells=" + villages.size() + " skipped=" + skipped.size());
        return report;
    }

    private static Skipped alreadyPlanned(String code) {
        return new Skipped(code, "ALREADY_PLANNED", "本网格当天已有计划任务", "The cell already has a planned task that day");
    }

    static String slot(String cellCode, LocalDate date) {
        return cellCode + "/" + date;
    }

    /** The planned task of one cell and day (not stored), or empty when nothing is due. */
    Optional<PatrolTask> planCell(County county, GridCell cell, LocalDate date, String assignee, String actor) {
        List<Candidate> all = candidates(county, cell, date);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        all.sort(Comparator.comparingDouble((Candidate c) -> -c.target().priority())
                .thenComparing(c -> c.target().type())
                .thenComparing(c -> c.target().id()));
        List<Candidate> chosen = all.subList(0, Math.min(all.size(), Math.max(1, rules.maxTargets())));
        TaskKind kind = chosen.stream().anyMatch(c -> c.target().reason().equals("OPEN_CLUE"))
                ? TaskKind.RECHECK
                : chosen.stream().anyMatch(Candidate::hotspot) ? TaskKind.HOTSPOT : TaskKind.ROUTINE;
        Geometry area =
                area(cell.geometry(), chosen.stream().map(Candidate::geometry).toList(), rules.areaBufferM());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.nameUUIDFromBytes(("patrol-plan:" + slot(cell.code(), date)).getBytes(StandardCharsets.UTF_8))
                .toString();
        return Optional.of(new PatrolTask(
                id,
                cell.code(),
                date,
                date.plusDays(rules.dueDays()),
                kind,
                TaskStatus.OPEN,
                assignee,
                area,
                chosen.stream().map(Candidate::target).toList(),
                null,
                actor,
                now,
                now));
    }

    /** A possible target with the geometry it covers. */
    record Candidate(TaskTarget target, Geometry geometry, boolean hotspot) {}

    private List<Candidate> candidates(County county, GridCell cell, LocalDate date) {
        Geometry cellGeom = cell.geometry();
        int srid = county.crs().epsg();
        GeometryFactory factory = WorkingPrecision.factory(county.crs());
        WKBReader reader = new WKBReader(factory);
        CrsTransform toLonLat = CrsTransform.between(county.crs(), CrsRegistry.CGCS2000);
        PlanningProperties.Weights w = rules.weights();
        double near = rules.nearDistanceM();
        List<Candidate> out = new ArrayList<>();

        // clues of the cell: open ones to re-check, the others (unless dismissed) are places of past violations
        List<Geometry> violations = new ArrayList<>();
        List<Object[]> clues = jdbc.sql("SELECT id, status, verdict, ST_AsBinary(geom) FROM clue WHERE grid_code = ?"
                        + " OR (grid_code IS NULL AND ST_Intersects(geom, ST_GeomFromWKB(?, ?))) ORDER BY id")
                .params(cell.code(), new WKBWriter().write(cellGeom), srid)
                .query((rs, i) ->
                        new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), read(reader, rs.getBytes(4))})
                .list();
        for (Object[] c : clues) {
            String id = (String) c[0];
            String status = (String) c[1];
            Geometry g = (Geometry) c[3];
            if (!CLOSED_CLUE_STATUSES.contains(status)) {
                violations.add(g);
                out.add(new Candidate(
                        target(
                                "CLUE",
                                id,
                                "OPEN_CLUE",
                                "复查未结线索（状态 " + status + "）",
                                "Re-check the open clue (status " + status + ")",
                                List.of(),
                                w.openClue(),
                                g,
                                null,
                                toLonLat),
                        g,
                        true));
            } else if (!status.equals("DISMISSED")) {
                violations.add(g);
                out.add(new Candidate(
                        target(
                                "CLUE",
                                id,
                                "PAST_VIOLATION",
                                "以往违法线索所在位置，查看是否复发",
                                "Place of a past violation: check that it has not recurred",
                                List.of(),
                                w.pastViolation(),
                                g,
                                null,
                                toLonLat),
                        g,
                        true));
            }
        }

        // approved land not covered by supply
        List<ReferenceFeature> supplies = layers.featuresInForce(LayerKind.SUPPLY, date, cellGeom);
        for (ReferenceFeature a : layers.featuresInForce(LayerKind.APPROVAL, date, cellGeom)) {
            Geometry rest = OverlayNGRobust.overlay(a.geometry(), cellGeom, OverlayNG.INTERSECTION);
            List<Geometry> covering = supplies.stream()
                    .map(ReferenceFeature::geometry)
                    .filter(s -> s.intersects(a.geometry()))
                    .toList();
            if (!covering.isEmpty()) {
                rest = OverlayNGRobust.overlay(rest, UnaryUnionOp.union(covering), OverlayNG.DIFFERENCE);
            }
            double m2 = rest.getArea();
            if (rest.isEmpty() || m2 < rules.minUnsuppliedM2()) {
                continue;
            }
            long rounded = Math.round(m2);
            out.add(new Candidate(
                    target(
                            "APPROVAL",
                            a.id(),
                            "APPROVED_NOT_SUPPLIED",
                            "已批准未供地约 " + rounded + " 平方米，查看是否未供先用",
                            "About " + rounded + " m² approved but not supplied: check for use before supply",
                            List.of(),
                            w.approvedNotSupplied(),
                            rest,
                            null,
                            toLonLat),
                    rest,
                    true));
        }

        // basic-farmland parcels due for a visit
        STRtree roads = new STRtree();
        STRtree settlements = new STRtree();
        for (ReferenceFeature f : layers.featuresInForce(LayerKind.DLTB, date, cellGeom.buffer(near, 4))) {
            String dlbm = text(f.attributes().get("DLBM"));
            String czcs = text(f.attributes().get("CZCSXM"));
            if (dlbm != null && rules.roadClasses().contains(dlbm)) {
                roads.insert(f.geometry().getEnvelopeInternal(), f.geometry());
            }
            boolean settlement = dlbm != null && rules.settlementClasses().contains(dlbm)
                    || czcs != null && rules.settlementClasses().stream().anyMatch(czcs::startsWith);
            if (settlement) {
                settlements.insert(f.geometry().getEnvelopeInternal(), f.geometry());
            }
        }
        STRtree pastViolations = new STRtree();
        violations.forEach(g -> pastViolations.insert(g.getEnvelopeInternal(), g));
        Map<String, LocalDate> lastVisit = new HashMap<>();
        jdbc.sql(
                        "SELECT v.parcel_id, MAX(v.visited_on) FROM parcel_visit v JOIN farmland_parcel p ON p.id = v.parcel_id"
                                + " WHERE p.grid_code = ? AND v.visited_on <= ? GROUP BY v.parcel_id")
                .params(cell.code(), date)
                .query(rs -> {
                    lastVisit.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                });
        List<Object[]> parcels = jdbc.sql(
                        "SELECT id, ST_AsBinary(geom) FROM farmland_parcel WHERE grid_code = ? ORDER BY id")
                .param(cell.code())
                .query((rs, i) -> new Object[] {rs.getString(1), read(reader, rs.getBytes(2))})
                .list();
        for (Object[] p : parcels) {
            String id = (String) p[0];
            Geometry g = (Geometry) p[1];
            List<String> hot = new ArrayList<>();
            double bonus = 0;
            if (near(roads, g, near)) {
                hot.add("NEAR_ROAD");
                bonus += w.nearRoad();
            }
            if (near(settlements, g, near)) {
                hot.add("NEAR_SETTLEMENT");
                bonus += w.nearSettlement();
            }
            if (near(pastViolations, g, near)) {
                hot.add("NEAR_PAST_VIOLATION");
                bonus += w.nearPastViolation();
            }
            int interval = hot.isEmpty() ? rules.visitIntervalDays() : rules.hotspotIntervalDays();
            LocalDate last = lastVisit.get(id);
            long days = last == null ? -1 : ChronoUnit.DAYS.between(last, date);
            if (last != null && days < interval) {
                continue;
            }
            double age = last == null ? rules.ageCapDays() + 1 : Math.min(days, rules.ageCapDays());
            String zh = last == null ? "基本农田地块从未巡查" : "基本农田地块已 " + days + " 天未巡查（要求每 " + interval + " 天至少一次）";
            String en = last == null
                    ? "Basic-farmland parcel never patrolled"
                    : "Basic-farmland parcel not patrolled for " + days + " days (required every " + interval
                            + " days)";
            if (!hot.isEmpty()) {
                zh += "；热点："
                        + String.join(
                                "、", hot.stream().map(PatrolPlanner::hotZh).toList());
                en += "; hot spot: "
                        + String.join(
                                ", ", hot.stream().map(PatrolPlanner::hotEn).toList());
            }
            out.add(new Candidate(
                    target(
                            "PARCEL",
                            id,
                            last == null ? "NEVER_VISITED" : "VISIT_DUE",
                            zh,
                            en,
                            hot,
                            w.dueParcel() + age + bonus,
                            g,
                            last,
                            toLonLat),
                    g,
                    !hot.isEmpty()));
        }
        return out;
    }

    private static TaskTarget target(
            String type,
            String id,
            String reason,
            String zh,
            String en,
            List<String> hot,
            double priority,
            Geometry g,
            LocalDate last,
            CrsTransform toLonLat) {
        Point p = g.getInteriorPoint();
        double[] xy = {p.getX(), p.getY()};
        toLonLat.apply(xy);
        return new TaskTarget(type, id, reason, zh, en, hot, priority, xy[0], xy[1], last);
    }

    private static boolean near(STRtree index, Geometry g, double distance) {
        var env = g.getEnvelopeInternal().copy();
        env.expandBy(distance);
        for (Object o : index.query(env)) {
            if (DistanceOp.isWithinDistance(g, (Geometry) o, distance)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The task area: the convex hull of the targets widened by {@code buffer} metres and clipped to the cell, on the 1
     * mm grid; the whole cell when that leaves nothing.
     */
    static Geometry area(Geometry cell, List<Geometry> targets, double buffer) {
        if (targets.isEmpty()) {
            return cell;
        }
        GeometryFactory f = cell.getFactory();
        Geometry hull = f.buildGeometry(targets).convexHull().buffer(Math.max(buffer, 1.0), 4);
        Geometry clipped = OverlayNG.overlay(hull, cell, OverlayNG.INTERSECTION, WorkingPrecision.MILLIMETRE_GRID);
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(clipped);
        if (polygons.isEmpty()) {
            return cell;
        }
        Geometry area = polygons.size() == 1 ? polygons.get(0) : f.createMultiPolygon(polygons.toArray(Polygon[]::new));
        area.setSRID(cell.getSRID());
        return area;
    }

    private static String hotZh(String code) {
        return switch (code) {
            case "NEAR_ROAD" -> "临近道路";
            case "NEAR_SETTLEMENT" -> "临近居民点";
            default -> "临近以往违法位置";
        };
    }

    private static String hotEn(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Geometry read(WKBReader reader, byte[] wkb) {
        try {
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable stored geometry", e);
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
