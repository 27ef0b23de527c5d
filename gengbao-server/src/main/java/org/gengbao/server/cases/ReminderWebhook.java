package org.gengbao.server.cases;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gengbao.server.grid.GridCell;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.webhook.Webhook;
import org.gengbao.server.webhook.WebhookOutbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers each new deadline reminder to an outside system (SMS gateway, messaging of the officers): the transaction
 * that stores the reminder writes a JSON notice — case number, step, due date, town, officer — into the webhook outbox
 * ({@link WebhookOutbox}, webhook {@code case-reminder}), which POSTs it to {@code gengbao.cases.reminders.webhook-url}
 * once committed, tried up to {@code webhook-attempts} times with doubling pauses, across restarts. Nothing is written
 * when no URL is configured; a notice given up is logged (the reminder stays listed in the application, unread).
 */
@Component
class ReminderWebhook {
    private final Webhook webhook;
    private final GridCells cells;

    ReminderWebhook(ReminderProperties properties, GridCells cells, WebhookOutbox outbox) {
        this.webhook = outbox.register("case-reminder", properties.webhook());
        this.cells = cells;
    }

    // in the event's transaction: the notice is written exactly when the event is committed
    @EventListener
    void reminded(CaseReminder reminder) {
        if (webhook.enabled()) {
            String town = CaseFigures.townOf(reminder.gridCode());
            String townName = cells.find(town).map(GridCell::name).orElse(null);
            webhook.enqueue(
                    "reminder of " + reminder.step() + " of case " + reminder.caseNumber(), notice(reminder, townName));
        }
    }

    static Map<String, Object> notice(CaseReminder r, String townName) {
        DeadlineStep step = DeadlineStep.valueOf(r.step());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "CASE_REMINDER");
        m.put("reminderId", r.id());
        m.put("caseId", r.caseId());
        m.put("caseNumber", r.caseNumber());
        m.put("step", r.step());
        m.put("titleZh", step.zh);
        m.put("titleEn", step.en);
        m.put("dueOn", r.dueOn().toString());
        m.put("remindOn", r.remindOn().toString());
        m.put("overdue", r.overdue());
        m.put("daysLeft", ChronoUnit.DAYS.between(r.remindOn(), r.dueOn()));
        m.put("responsibleRole", r.responsibleRole());
        m.put("officer", r.officer());
        m.put("gridCode", r.gridCode());
        m.put("townCode", CaseFigures.townOf(r.gridCode()));
        m.put("townName", townName);
        m.put("href", "/api/v1/cases/" + r.caseId());
        return m;
    }
}
