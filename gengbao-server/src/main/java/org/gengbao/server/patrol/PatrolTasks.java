package org.gengbao.server.patrol;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.county.Counties;
import org.gengbao.server.grid.GridScope;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The stored patrol tasks: written by the planner and by officers, read by scope. An inspector sees the tasks assigned
 * to them; other accounts the tasks of the cells in their grid scope.
 */
@Service
public class PatrolTasks {
    private static final String COLUMNS = "id, grid_code, task_date, due_date, kind, status, assignee,"
            + " ST_AsBinary(area) AS wkb, targets, note, created_by, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Counties counties;

    PatrolTasks(JdbcClient jdbc, Counties counties) {
        this.jdbc = jdbc;
        this.counties = counties;
    }

    /** What a task list is filtered by (null: no filter). */
    record Query(LocalDate date, String assignee, TaskStatus status, String cellPrefix, String scopeLike, int limit) {}

    /**
     * Stores a new task; a planned task names its slot (cell and day), and false means the slot was already taken.
     */
    boolean insert(PatrolTask t, String planSlot) {
        int srid = counties.require().crs().epsg();
        try {
            jdbc.sql("INSERT INTO patrol_task (id, grid_code, task_date, due_date, kind, status, assignee, area,"
                            + " targets, note, created_by, created_at, updated_at, plan_slot)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, ?), ?, ?, ?, ?, ?, ?)")
                    .params(
                            t.id(),
                            t.gridCode(),
                            t.date(),
                            t.dueDate(),
                            t.kind().name(),
                            t.status().name(),
                            t.assignee(),
                            new WKBWriter().write(t.area()),
                            srid,
                            TaskTarget.toJson(t.targets()),
                            t.note(),
                            t.createdBy(),
                            t.createdAt(),
                            t.updatedAt(),
                            planSlot)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            if (planSlot != null && plannedId(planSlot).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    Optional<String> plannedId(String planSlot) {
        return jdbc.sql("SELECT id FROM patrol_task WHERE plan_slot = ?")
                .param(planSlot)
                .query(String.class)
                .optional();
    }

    /** The task with this id, whoever may see it. */
    public Optional<PatrolTask> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patrol_task WHERE id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    /** The task if {@code user} may see it. */
    public Optional<PatrolTask> findFor(String id, CurrentUser user) {
        return find(id).filter(t -> visibleTo(t, user));
    }

    List<PatrolTask> list(Query q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM patrol_task WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.date() != null) {
            sql.append(" AND task_date = :date");
            params.put("date", q.date());
        }
        if (q.assignee() != null) {
            sql.append(" AND assignee = :assignee");
            params.put("assignee", q.assignee());
        }
        if (q.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", q.status().name());
        }
        if (q.cellPrefix() != null) {
            sql.append(" AND grid_code LIKE :cell");
            params.put("cell", q.cellPrefix() + "%");
        }
        if (q.scopeLike() != null) {
            sql.append(" AND grid_code LIKE :scope");
            params.put("scope", q.scopeLike());
        }
        sql.append(" ORDER BY task_date DESC, grid_code, created_at, id");
        return jdbc.sql(sql.toString()).params(params).query(this::row).list().stream()
                .limit(q.limit())
                .toList();
    }

    /** Moves a task from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    boolean updateStatus(String id, TaskStatus from, TaskStatus to) {
        return jdbc.sql("UPDATE patrol_task SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                        .params(to.name(), OffsetDateTime.now(ZoneOffset.UTC), id, from.name())
                        .update()
                > 0;
    }

    /**
     * Hands an open or started task from {@code from} to {@code to} and notes the handover; false (and nothing written)
     * when the task no longer has that assignee or is no longer OPEN or IN_PROGRESS. The caller holds the transaction.
     */
    boolean reassign(String id, String from, String to, String reason, String by, OffsetDateTime at) {
        int moved = from == null
                ? jdbc.sql("UPDATE patrol_task SET assignee = ?, updated_at = ? WHERE id = ? AND assignee IS NULL"
                                + " AND status IN ('OPEN', 'IN_PROGRESS')")
                        .params(to, at, id)
                        .update()
                : jdbc.sql("UPDATE patrol_task SET assignee = ?, updated_at = ? WHERE id = ? AND assignee = ?"
                                + " AND status IN ('OPEN', 'IN_PROGRESS')")
                        .params(to, at, id, from)
                        .update();
        if (moved == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO patrol_task_handover (id, task_id, from_assignee, to_assignee, reason, handed_by,"
                        + " handed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), id, from, to, reason, by, at)
                .update();
        return true;
    }

    /** One reassignment of a task. */
    record Handover(String from, String to, OffsetDateTime at) {}

    /** The task's reassignments, oldest first. */
    List<Handover> handovers(String id) {
        return jdbc.sql("SELECT from_assignee, to_assignee, handed_at FROM patrol_task_handover WHERE task_id = ?"
                        + " ORDER BY handed_at, id")
                .param(id)
                .query((rs, i) -> new Handover(
                        rs.getString("from_assignee"),
                        rs.getString("to_assignee"),
                        rs.getObject("handed_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Who had the task at {@code at} according to its reassignments; empty for a task never reassigned (its assignee
     * has always been the current one).
     */
    Optional<String> assigneeAt(String id, OffsetDateTime at) {
        List<Handover> all = handovers(id);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        String holder = all.get(0).from();
        for (Handover h : all) {
            if (h.at().isAfter(at)) {
                break;
            }
            holder = h.to();
        }
        return Optional.ofNullable(holder);
    }

    /** Inspectors see their own tasks; everyone else the tasks of the cells in their scope. */
    static boolean visibleTo(PatrolTask t, CurrentUser user) {
        if (user.role() == Role.INSPECTOR) {
            return user.username().equals(t.assignee());
        }
        return GridScope.of(user).covers(t.gridCode());
    }

    private PatrolTask row(ResultSet rs, int i) throws SQLException {
        return new PatrolTask(
                rs.getString("id"),
                rs.getString("grid_code"),
                rs.getObject("task_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                TaskKind.valueOf(rs.getString("kind")),
                TaskStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"),
                geometry(rs.getBytes("wkb")),
                TaskTarget.fromJson(rs.getString("targets")),
                rs.getString("note"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    Geometry geometry(byte[] wkb) {
        GaussKrugerCrs crs = counties.require().crs();
        try {
            Geometry g = new WKBReader(WorkingPrecision.factory(crs)).read(wkb);
            g.setSRID(crs.epsg());
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable stored geometry", e);
        }
    }
}
