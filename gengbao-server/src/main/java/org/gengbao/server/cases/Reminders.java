package org.gengbao.server.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reminders of case deadlines: every morning ({@code gengbao.cases.reminders.cron}, default 07:30 county time) each
 * open deadline due within {@code gengbao.cases.reminders.days-ahead} days, or already overdue, gets one reminder for
 * the day (unique per deadline and day, so a second run or a second node adds nothing) and a {@link CaseReminder}
 * event. A reminder goes to the officer of the step (the account whose event opened it); execution steps also show
 * to the town of the case.
 */
@Component
public class Reminders {
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    private final JdbcClient jdbc;
    private final ReminderProperties properties;
    private final ApplicationEventPublisher events;

    Reminders(JdbcClient jdbc, ReminderProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    @Scheduled(cron = "${gengbao.cases.reminders.cron:0 30 7 * * *}", zone = "Asia/Shanghai")
    void morning() {
        if (!properties.enabled()) {
            return;
        }
        try {
            List<CaseReminder> made = run(LocalDate.now(Analyses.COUNTY_TIME));
            LOG.info("case reminders: {} new", made.size());
        } catch (RuntimeException e) {
            LOG.warn("case reminders failed", e);
        }
    }

    /**
     * Records today's reminders: one per open deadline due on or before {@code today + daysAhead} that has none for
     * {@code today} yet, and publishes a {@link CaseReminder} for each new one.
     *
     * @return the reminders recorded by this run (empty when the day's run was already done)
     */
    public List<CaseReminder> run(LocalDate today) {
        LocalDate horizon = today.plusDays(properties.daysAhead());
        List<CaseReminder> due = jdbc
                .sql("SELECT d.id AS deadline_id, c.id AS case_id, c.case_number, d.step, d.due_on,"
                        + " d.responsible_role, e.actor, c.grid_code FROM case_deadline d"
                        + " JOIN enforcement_case c ON c.id = d.case_id"
                        + " JOIN case_event e ON e.case_id = d.case_id AND e.seq = d.opened_seq"
                        + " WHERE d.closed_seq IS NULL AND d.due_on <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM case_reminder r WHERE r.deadline_id = d.id AND r.remind_on = ?)"
                        + " ORDER BY d.due_on, c.case_number, d.step")
                .params(horizon, today)
                .query((rs, i) -> {
                    LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
                    return new Pending(
                            rs.getString("deadline_id"),
                            new CaseReminder(
                                    UUID.randomUUID().toString(),
                                    rs.getString("case_id"),
                                    rs.getString("case_number"),
                                    rs.getString("step"),
                                    dueOn,
                                    today,
                                    rs.getString("responsible_role"),
                                    rs.getString("actor"),
                                    rs.getString("grid_code"),
                                    dueOn.isBefore(today)));
                })
                .list()
                .stream()
                .filter(p -> insert(p.deadlineId(), p.reminder()))
                .map(Pending::reminder)
                .toList();
        due.forEach(events::publishEvent);
        return due;
    }

    private record Pending(String deadlineId, CaseReminder reminder) {}

    /** Inserts the reminder; false when another run recorded it meanwhile. */
    private boolean insert(String deadlineId, CaseReminder r) {
        try {
            jdbc.sql("INSERT INTO case_reminder (id, deadline_id, case_id, remind_on, step, due_on, responsible_role,"
                            + " officer, grid_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            r.id(),
                            deadlineId,
                            r.caseId(),
                            r.remindOn(),
                            r.step(),
                            r.dueOn(),
                            r.responsibleRole(),
                            r.officer(),
                            r.gridCode(),
                            OffsetDateTime.now())
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * The reminders of day {@code on}. {@code mine}: an officer's (or admin's) own steps, a town's execution steps
     * in its town, a court's or police's steps of its role on the cases it sees; otherwise every reminder of the
     * cases the caller sees. {@code unread}: only those the caller has not marked read. Each item says whether the
     * caller has read it ({@code read}, {@code readAt}).
     */
    ArrayNode list(CurrentUser user, LocalDate on, boolean mine, boolean unread) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(visible(user, params));
        where.append(" AND r.remind_on = :on");
        params.put("on", on);
        if (mine) {
            if (user.role() == Role.TOWN || user.role() == Role.COURT || user.role() == Role.POLICE) {
                where.append(" AND r.responsible_role = :role");
                params.put("role", user.role().name());
            } else {
                where.append(" AND r.officer = :me");
                params.put("me", user.username());
            }
        }
        if (unread) {
            where.append(" AND x.read_at IS NULL");
        }
        ArrayNode out = JsonText.MAPPER.createArrayNode();
        query(where + " ORDER BY r.due_on, c.case_number, r.step", params).forEach(out::add);
        return out;
    }

    /**
     * Marks the reminder read by the caller (again: no change) and returns it as listed; a reminder of a case the
     * caller does not see is "not found".
     */
    ObjectNode markRead(CurrentUser user, String id) {
        Map<String, Object> params = new HashMap<>();
        String where = visible(user, params) + " AND r.id = :id";
        params.put("id", id);
        List<ObjectNode> found = query(where, params);
        if (found.isEmpty()) {
            throw Problem.notFound("REMINDER_NOT_FOUND", "找不到提醒 " + id, "No reminder " + id);
        }
        if (found.get(0).path("read").asBoolean()) {
            return found.get(0);
        }
        try {
            jdbc.sql("INSERT INTO case_reminder_read (reminder_id, username, read_at) VALUES (?, ?, ?)")
                    .params(id, user.username(), OffsetDateTime.now())
                    .update();
        } catch (DuplicateKeyException e) {
            // marked read meanwhile by another request of the same account
        }
        return query(where, params).get(0);
    }

    /** The condition on the case ({@code c}) that the caller sees it, adding its parameter. */
    private static String visible(CurrentUser user, Map<String, Object> params) {
        String where = CaseRow.visibleWhere(user);
        if (where.contains(":scope")) {
            params.put("scope", GridScope.of(user).likePattern());
        }
        params.put("reader", user.username());
        return where;
    }

    /**
     * The reminders ({@code r}) of cases ({@code c}) matching {@code where}, with the reader's read mark ({@code x});
     * overdue and days left as of the reminder's day.
     */
    private List<ObjectNode> query(String where, Map<String, Object> params) {
        return jdbc.sql("SELECT r.id, r.case_id, c.case_number, c.status, r.step, r.due_on, r.remind_on,"
                        + " r.responsible_role, r.officer, r.grid_code, x.read_at FROM case_reminder r"
                        + " JOIN enforcement_case c ON c.id = r.case_id"
                        + " LEFT JOIN case_reminder_read x ON x.reminder_id = r.id AND x.username = :reader WHERE "
                        + where)
                .params(params)
                .query((rs, i) -> {
                    ObjectNode n = JsonText.MAPPER.createObjectNode();
                    DeadlineStep step = DeadlineStep.valueOf(rs.getString("step"));
                    LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
                    LocalDate day = rs.getObject("remind_on", LocalDate.class);
                    String grid = rs.getString("grid_code");
                    OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
                    n.put("id", rs.getString("id"));
                    n.put("caseId", rs.getString("case_id"));
                    n.put("caseNumber", rs.getString("case_number"));
                    n.put("status", rs.getString("status"));
                    n.put("step", step.name());
                    n.put("titleZh", step.zh);
                    n.put("titleEn", step.en);
                    n.put("responsibleRole", rs.getString("responsible_role"));
                    n.put("officer", rs.getString("officer"));
                    n.put("gridCode", grid);
                    n.put("townCode", CaseFigures.townOf(grid));
                    n.put("remindOn", day.toString());
                    n.put("dueOn", dueOn.toString());
                    n.put("overdue", dueOn.isBefore(day));
                    n.put("daysLeft", ChronoUnit.DAYS.between(day, dueOn));
                    n.put("read", readAt != null);
                    if (readAt == null) {
                        n.putNull("readAt");
                    } else {
                        n.put("readAt", readAt.toInstant().toString());
                    }
                    return n;
                })
                .list();
    }
}
