package org.gengbao.server.patrol;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.server.grid.GridCell;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.grid.GridLevel;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.geom.GeoJsonGeometryParser;
import org.gengbao.spatial.geom.GeometryIntake;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Changes to tasks by people: manual tasks of officers, the guarded status transitions, and the reassignment of a task
 * to another inspector of its cell.
 */
@Service
class TaskChanges {
    private static final Set<Role> CANCELLERS = Set.of(Role.ADMIN, Role.OFFICER, Role.TOWN);

    private final PatrolTasks tasks;
    private final TaskInspectors inspectors;
    private final GridCells cells;
    private final Counties counties;
    private final PlanningProperties rules;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    TaskChanges(
            PatrolTasks tasks,
            TaskInspectors inspectors,
            GridCells cells,
            Counties counties,
            PlanningProperties rules,
            JdbcClient jdbc,
            AuditLog audit,
            PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.inspectors = inspectors;
        this.cells = cells;
        this.counties = counties;
        this.rules = rules;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * A manual task: {@code gridCode} (a village in the caller's scope), {@code date}, optional {@code dueDate},
     * {@code area} (GeoJSON polygon in lon/lat, clipped to the cell; default the cell), {@code targets}, {@code
     * assignee} (an inspector of the cell; default the one the planner would choose) and {@code note}.
     */
    PatrolTask createManual(JsonNode body, CurrentUser user) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("BODY_MALFORMED", "请求正文应为 JSON 对象", "The request body must be a JSON object");
        }
        String code = requiredText(body, "gridCode");
        GridCell cell = cells.find(code)
                .filter(c -> GridScope.of(user).covers(c.code()))
                .orElseThrow(() -> Problem.notFound(
                        "CELL_NOT_FOUND", "找不到网格 " + code + "（或不在您的范围内）", "No grid cell " + code + " in your scope"));
        if (cell.level() != GridLevel.VILLAGE) {
            throw unprocessable(
                    "CELL_NOT_VILLAGE",
                    "巡查任务应落在村级网格，" + code + " 不是村级网格",
                    "A task belongs to a village cell; " + code + " is not one");
        }
        LocalDate date = date(requiredText(body, "date"), "date");
        LocalDate due =
                body.hasNonNull("dueDate") ? date(text(body, "dueDate"), "dueDate") : date.plusDays(rules.dueDays());
        if (due.isBefore(date)) {
            throw unprocessable("DUE_BEFORE_DATE", "截止日期早于任务日期", "The due date is before the task date");
        }
        County county = counties.require();
        Geometry area = cell.geometry();
        if (body.hasNonNull("area")) {
            Geometry given;
            try {
                given = new GeometryIntake(county.crs())
                        .fromGeoJson(GeoJsonGeometryParser.text(body.get("area")), null)
                        .geometry();
            } catch (SpatialInputException e) {
                throw Problem.of(e);
            }
            Geometry clipped =
                    OverlayNG.overlay(given, cell.geometry(), OverlayNG.INTERSECTION, WorkingPrecision.MILLIMETRE_GRID);
            @SuppressWarnings("unchecked")
            List<Polygon> parts = PolygonExtracter.getPolygons(clipped);
            double inside = parts.stream().mapToDouble(Geometry::getArea).sum();
            if (parts.isEmpty() || inside < 1.0 || inside < 0.01 * given.getArea()) {
                throw unprocessable(
                        "AREA_OUTSIDE_CELL",
                        "任务范围（几乎）全部在网格 " + code + " 之外",
                        "The task area lies (almost) entirely outside cell " + code);
            }
            area = parts.size() == 1
                    ? parts.get(0)
                    : cell.geometry().getFactory().createMultiPolygon(parts.toArray(Polygon[]::new));
            area.setSRID(county.crs().epsg());
        }
        TaskInspectors.Candidates candidates = inspectors.load();
        String assignee;
        if (body.hasNonNull("assignee")) {
            assignee = text(body, "assignee");
            if (!candidates.eligible(cell.code()).contains(assignee)) {
                throw unprocessable(
                        "ASSIGNEE_NOT_INSPECTOR",
                        "“" + assignee + "”不是网格 " + code + " 的巡查员",
                        "\"" + assignee + "\" is not an inspector of cell " + code);
            }
        } else {
            assignee = candidates
                    .assignee(cell.code(), date)
                    .orElseThrow(() -> unprocessable(
                            "NO_INSPECTOR",
                            "网格 " + code + " 没有巡查员，无法分派任务",
                            "Cell " + code + " has no inspector to assign"));
        }
        List<TaskTarget> targets = new ArrayList<>();
        JsonNode list = body.path("targets");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw unprocessable("TARGET_INVALID", "targets 应为数组", "targets must be an array");
            }
            for (int i = 0; i < list.size(); i++) {
                targets.add(target(list.get(i), i, cell, county));
            }
        }
        String note = body.hasNonNull("note") ? text(body, "note") : null;
        if (note != null && note.length() > 1000) {
            throw unprocessable("NOTE_TOO_LONG", "备注不能超过 1000 个字符", "The note is longer than 1000 characters");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        PatrolTask task = new PatrolTask(
                UUID.randomUUID().toString(),
                cell.code(),
                date,
                due,
                TaskKind.MANUAL,
                TaskStatus.OPEN,
                assignee,
                area,
                targets,
                note,
                user.username(),
                now,
                now);
        tasks.insert(task, null);
        audit.record("PATROL_TASK_CREATED", task.id(), AuditLog.Result.OK, cell.code() + " " + date + " " + assignee);
        return task;
    }

    /**
     * Moves a task: its assignee starts (IN_PROGRESS) and finishes (DONE) it; an officer (or the town) cancels it.
     * Asking for the status a task already has changes nothing; any other move from a final status is a conflict.
     */
    PatrolTask changeStatus(String id, JsonNode body, CurrentUser user) {
        PatrolTask task = tasks.findFor(id, user).orElseThrow(() -> notFound(id));
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("BODY_MALFORMED", "请求正文应为 JSON 对象", "The request body must be a JSON object");
        }
        TaskStatus to = TaskStatus.parse(requiredText(body, "status"));
        switch (to) {
            case IN_PROGRESS, DONE -> {
                if (!user.username().equals(task.assignee())) {
                    throw new Problem(
                            HttpStatus.FORBIDDEN,
                            "NOT_ASSIGNEE",
                            "只有任务的巡查员可以开始或完成任务",
                            "Only the task's inspector can start or finish it");
                }
            }
            case CANCELLED -> {
                if (!CANCELLERS.contains(user.role())) {
                    throw new Problem(
                            HttpStatus.FORBIDDEN,
                            "FORBIDDEN",
                            "只有执法人员（或乡镇）可以取消任务",
                            "Only an officer (or the town) can cancel a task");
                }
            }
            case OPEN -> throw transition(task.status(), to);
        }
        if (task.status() == to) {
            return task;
        }
        if (!task.status().canMoveTo(to) || !tasks.updateStatus(id, task.status(), to)) {
            PatrolTask now = tasks.find(id).orElseThrow(() -> notFound(id));
            throw transition(now.status(), to);
        }
        audit.record("PATROL_TASK_STATUS", id, AuditLog.Result.OK, task.status() + " -> " + to);
        return tasks.find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Hands an OPEN or IN_PROGRESS task to another inspector of its cell ({@code assignee}; optional {@code reason}, at
     * most 500 characters) for an officer or the town, e.g. when its inspector is ill. The status stays as it is; the
     * same assignee again changes nothing. The update only applies while the task still has the assignee and an open
     * status read here, so a concurrent change (another reassignment, the inspector finishing it) makes this request a
     * conflict instead of being overwritten. The old assignee's records made before the handover stay valid (see
     * {@link Records}).
     */
    PatrolTask reassign(String id, JsonNode body, CurrentUser user) {
        PatrolTask task = tasks.findFor(id, user).orElseThrow(() -> notFound(id));
        if (!CANCELLERS.contains(user.role())) {
            throw new Problem(
                    HttpStatus.FORBIDDEN,
                    "FORBIDDEN",
                    "只有执法人员（或乡镇）可以改派任务",
                    "Only an officer (or the town) can reassign a task");
        }
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("BODY_MALFORMED", "请求正文应为 JSON 对象", "The request body must be a JSON object");
        }
        String to = requiredText(body, "assignee").trim();
        String reason = body.hasNonNull("reason") ? text(body, "reason").trim() : "";
        if (reason.length() > 500) {
            throw unprocessable("REASON_TOO_LONG", "改派原因不能超过 500 个字符", "The reason is longer than 500 characters");
        }
        if (task.status().isFinal()) {
            throw notReassignable(task.status());
        }
        if (to.equals(task.assignee())) {
            return task;
        }
        if (!inspectors.load().eligible(task.gridCode()).contains(to)) {
            throw unprocessable(
                    "ASSIGNEE_NOT_INSPECTOR",
                    "“" + to + "”不是网格 " + task.gridCode() + " 的巡查员",
                    "\"" + to + "\" is not an inspector of cell " + task.gridCode());
        }
        String from = task.assignee();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        boolean moved = Boolean.TRUE.equals(tx.execute(s -> {
            if (!tasks.reassign(id, from, to, reason.isEmpty() ? null : reason, user.username(), now)) {
                return false;
            }
            audit.record(
                    "PATROL_TASK_REASSIGNED",
                    id,
                    AuditLog.Result.OK,
                    from + " -> " + to + (reason.isEmpty() ? "" : ": " + reason));
            return true;
        }));
        if (!moved) {
            PatrolTask current = tasks.find(id).orElseThrow(() -> notFound(id));
            if (current.status().isFinal()) {
                throw notReassignable(current.status());
            }
            String holder = current.assignee() == null ? "—" : current.assignee();
            throw Problem.conflict(
                    "TASK_CHANGED",
                    "任务刚被他人修改（现为 " + current.status() + "，巡查员 " + holder + "），请刷新后重试",
                    "The task was changed meanwhile (now " + current.status() + ", assigned to " + holder
                            + "); reload it and try again");
        }
        return tasks.find(id).orElseThrow(() -> notFound(id));
    }

    private TaskTarget target(JsonNode t, int index, GridCell cell, County county) {
        String at = "targets[" + index + "]";
        if (!t.isObject()) {
            throw unprocessable("TARGET_INVALID", at + " 应为对象", at + " must be an object");
        }
        String type = t.path("type").isString() ? t.path("type").asString() : "";
        TaskTarget.Type kind;
        try {
            kind = TaskTarget.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw unprocessable(
                    "TARGET_INVALID",
                    at + " 的类型“" + type + "”无效，可选 PARCEL、CLUE、APPROVAL、SIGN、MARKER",
                    at + ": type \"" + type + "\" is not one of PARCEL, CLUE, APPROVAL, SIGN, MARKER");
        }
        String id = t.path("id").isString() || t.path("id").isNumber()
                ? t.path("id").asString()
                : null;
        double[] lonLat;
        JsonNode loc = t.path("location");
        if (loc.path("lon").isNumber() && loc.path("lat").isNumber()) {
            lonLat = new double[] {loc.path("lon").asDouble(), loc.path("lat").asDouble()};
            if (lonLat[0] < 73 || lonLat[0] > 136 || lonLat[1] < 3 || lonLat[1] > 54) {
                throw unprocessable(
                        "TARGET_INVALID", at + " 的位置不在中国境内", at + ": the location is not in China (lon/lat)");
            }
        } else if (id != null && kind != TaskTarget.Type.APPROVAL) {
            lonLat = locate(kind, id, cell, county)
                    .orElseThrow(() -> unprocessable(
                            "TARGET_NOT_FOUND",
                            at + "：网格 " + cell.code() + " 中没有 " + kind + " " + id,
                            at + ": no " + kind + " " + id + " in cell " + cell.code()));
        } else {
            throw unprocessable(
                    "TARGET_INVALID",
                    at + " 需要 location {lon, lat}（或已知对象的 id）",
                    at + " needs a location {lon, lat} (or the id of a known object)");
        }
        JsonNode reason = t.path("reason");
        String zh = reason.path("zh").isString() ? reason.path("zh").asString() : "人工指定的巡查目标";
        String en = reason.path("en").isString() ? reason.path("en").asString() : "Target named by an officer";
        double priority = t.path("priority").isNumber() ? t.path("priority").asDouble() : 0;
        return new TaskTarget(kind.name(), id, "MANUAL", zh, en, List.of(), priority, lonLat[0], lonLat[1], null);
    }

    private Optional<double[]> locate(TaskTarget.Type kind, String id, GridCell cell, County county) {
        String table =
                switch (kind) {
                    case PARCEL -> "farmland_parcel";
                    case CLUE -> "clue";
                    case SIGN -> "protection_sign";
                    case MARKER -> "boundary_marker";
                    case APPROVAL -> throw new IllegalStateException();
                };
        return jdbc.sql("SELECT ST_AsBinary(geom) FROM " + table + " WHERE id = ? AND grid_code = ?")
                .params(id, cell.code())
                .query(byte[].class)
                .optional()
                .map(wkb -> {
                    try {
                        Geometry g = new WKBReader(WorkingPrecision.factory(county.crs())).read(wkb);
                        var p = g.getInteriorPoint();
                        double[] xy = {p.getX(), p.getY()};
                        CrsTransform.between(county.crs(), CrsRegistry.CGCS2000).apply(xy);
                        return xy;
                    } catch (ParseException e) {
                        throw new IllegalStateException("unreadable stored geometry", e);
                    }
                });
    }

    static Problem notFound(String id) {
        return Problem.notFound("TASK_NOT_FOUND", "找不到巡查任务 " + id, "No patrol task " + id);
    }

    private static Problem transition(TaskStatus from, TaskStatus to) {
        return Problem.conflict(
                "STATUS_TRANSITION_INVALID",
                "任务状态不能从 " + from + " 变为 " + to,
                "A task cannot move from " + from + " to " + to);
    }

    private static Problem notReassignable(TaskStatus status) {
        return Problem.conflict(
                "TASK_NOT_REASSIGNABLE",
                "任务状态为 " + status + "，只有待执行（OPEN）或进行中（IN_PROGRESS）的任务可以改派",
                "A task in status " + status + " cannot be reassigned; only OPEN and IN_PROGRESS tasks can");
    }

    static Problem unprocessable(String code, String zh, String en) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, code, zh, en);
    }

    static LocalDate date(String text, String name) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(
                    "DATE_INVALID",
                    name + " 应写成 YYYY-MM-DD，收到“" + text + "”",
                    name + " must be YYYY-MM-DD; got \"" + text + "\"");
        }
    }

    private static String requiredText(JsonNode body, String name) {
        String v = text(body, name);
        if (v == null || v.isBlank()) {
            throw Problem.badRequest(
                    "PARAMETER_MISSING", "缺少参数“" + name + "”", "The parameter \"" + name + "\" is missing");
        }
        return v;
    }

    private static String text(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw Problem.badRequest("PARAMETER_INVALID", name + " 应为文字", name + " must be text; got " + v);
        }
        return v.asString();
    }
}
