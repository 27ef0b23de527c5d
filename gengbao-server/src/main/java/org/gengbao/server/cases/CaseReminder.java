package org.gengbao.server.cases;

import java.time.LocalDate;

/**
 * Published once per new reminder of a case deadline (the morning job of {@link Reminders}): a step due within the
 * configured days, or overdue.
 *
 * @param id the reminder (its row in {@code case_reminder}; {@code POST /api/v1/cases/reminders/{id}/read})
 * @param caseId the case
 * @param caseNumber its number
 * @param step the step name ({@code DeadlineStep}), e.g. {@code PERFORMANCE}
 * @param dueOn the due date
 * @param remindOn the day of the reminder
 * @param responsibleRole the role that must act ({@code OFFICER}, {@code TOWN}, {@code COURT}, {@code POLICE})
 * @param officer the account that opened the step (the event's actor)
 * @param gridCode the village of the case
 * @param overdue whether the due date has passed on {@code remindOn}
 */
public record CaseReminder(
        String id,
        String caseId,
        String caseNumber,
        String step,
        LocalDate dueOn,
        LocalDate remindOn,
        String responsibleRole,
        String officer,
        String gridCode,
        boolean overdue) {}
