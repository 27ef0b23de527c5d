package org.gengbao.server.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Due dates of the steps of a case: opened by the event that starts a period, met by the event that completes the step
 * (or cancelled when the case ends). The periods come from {@link CasePeriods}; a step whose period is set in the data
 * (the decision's performance deadline) takes it from there.
 */
@Component
class Deadlines {
    private final JdbcClient jdbc;
    private final CasePeriods periods;

    Deadlines(JdbcClient jdbc, CasePeriods periods) {
        this.jdbc = jdbc;
        this.periods = periods;
    }

    /** A deadline of a case. {@code closedHow}: null while open, MET or CANCELLED. */
    record Deadline(String id, DeadlineStep step, LocalDate dueOn, int openedSeq, Integer closedSeq, String closedHow) {
        boolean open() {
            return closedSeq == null;
        }
    }

    List<Deadline> of(String caseId) {
        return jdbc.sql("SELECT id, step, due_on, opened_seq, closed_seq, closed_how FROM case_deadline"
                        + " WHERE case_id = ? ORDER BY opened_seq, due_on, step")
                .param(caseId)
                .query((rs, i) -> new Deadline(
                        rs.getString("id"),
                        DeadlineStep.valueOf(rs.getString("step")),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getInt("opened_seq"),
                        rs.getObject("closed_seq", Integer.class),
                        rs.getString("closed_how")))
                .list();
    }

    /** The latest deadline of this step in the case, open or not. */
    Optional<Deadline> latest(String caseId, DeadlineStep step) {
        return of(caseId).stream().filter(d -> d.step() == step).reduce((a, b) -> b);
    }

    /** The latest due date of this step in the case, open or not. */
    Optional<LocalDate> latestDue(String caseId, DeadlineStep step) {
        return latest(caseId, step).map(Deadline::dueOn);
    }

    /**
     * The due date of {@code step} opened by an event on {@code eventDate} with {@code data}, or empty when the event
     * does not start it (a ruling that refuses enforcement starts no execution).
     */
    Optional<LocalDate> due(String caseId, DeadlineStep step, LocalDate eventDate, JsonNode data) {
        return switch (step) {
            case VERIFY -> Optional.of(eventDate.plus(periods.verify()));
            case STOP_COMPLIANCE -> Optional.of(eventDate.plus(periods.stopCompliance()));
            case PARTY_STATEMENT ->
                Optional.of(eventDate.plus(
                        data.path("hearingRight").asBoolean(false)
                                ? periods.hearingRequest()
                                : periods.partyStatement()));
            case HEARING -> Optional.of(eventDate.plus(periods.hearing()));
            case PERFORMANCE ->
                Optional.of(LocalDate.parse(data.get("performBy").asString()));
            case APPEAL_WINDOW -> {
                LocalDate a = eventDate.plus(periods.reconsideration());
                LocalDate b = eventDate.plus(periods.lawsuit());
                yield Optional.of(a.isAfter(b) ? a : b);
            }
            case DEMAND_RESPONSE -> Optional.of(eventDate.plus(periods.demandResponse()));
            case COURT_APPLICATION ->
                Optional.of(latestDue(caseId, DeadlineStep.APPEAL_WINDOW)
                        .orElse(eventDate)
                        .plus(periods.courtApplication()));
            case COURT_REVIEW -> Optional.of(eventDate.plus(periods.courtReview()));
            case EXECUTION ->
                "ALLOW".equals(data.path("decision").asString(""))
                        ? Optional.of(eventDate.plus(periods.execution()))
                        : Optional.empty();
            case POLICE_REVIEW -> Optional.of(eventDate.plus(periods.policeReview()));
        };
    }

    void open(String caseId, DeadlineStep step, LocalDate due, int seq) {
        jdbc.sql("INSERT INTO case_deadline (id, case_id, step, responsible_role, due_on, opened_seq)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), caseId, step.name(), step.responsible.name(), due, seq)
                .update();
    }

    /** Marks the open deadlines of these steps as met by event {@code seq}. */
    void meet(String caseId, Collection<DeadlineStep> steps, int seq) {
        for (DeadlineStep step : steps) {
            jdbc.sql("UPDATE case_deadline SET closed_seq = ?, closed_how = 'MET'"
                            + " WHERE case_id = ? AND step = ? AND closed_seq IS NULL")
                    .params(seq, caseId, step.name())
                    .update();
        }
    }

    /** Cancels every deadline of the case still open (the case ended). */
    void cancelOpen(String caseId, int seq) {
        jdbc.sql("UPDATE case_deadline SET closed_seq = ?, closed_how = 'CANCELLED'"
                        + " WHERE case_id = ? AND closed_seq IS NULL")
                .params(seq, caseId)
                .update();
    }

    /** An open deadline past its due date, with its case. */
    record Overdue(
            String caseId,
            String caseNumber,
            String gridCode,
            String officer,
            String status,
            DeadlineStep step,
            LocalDate dueOn) {}

    /**
     * Open deadlines due before {@code today} of the cases matching {@code where} (SQL on alias {@code c}, named
     * parameters in {@code params}), most overdue first.
     */
    List<Overdue> overdue(LocalDate today, String where, java.util.Map<String, Object> params) {
        java.util.Map<String, Object> p = new java.util.HashMap<>(params);
        p.put("today", today);
        List<Overdue> out = new ArrayList<>();
        jdbc.sql("SELECT c.id, c.case_number, c.grid_code, c.officer, c.status, d.step, d.due_on FROM case_deadline d"
                        + " JOIN enforcement_case c ON c.id = d.case_id"
                        + " WHERE d.closed_seq IS NULL AND d.due_on < :today AND " + where
                        + " ORDER BY d.due_on, c.case_number, d.step")
                .params(p)
                .query((rs, i) -> new Overdue(
                        rs.getString("id"),
                        rs.getString("case_number"),
                        rs.getString("grid_code"),
                        rs.getString("officer"),
                        rs.getString("status"),
                        DeadlineStep.valueOf(rs.getString("step")),
                        rs.getObject("due_on", LocalDate.class)))
                .list()
                .forEach(out::add);
        return out;
    }
}
