package org.gengbao.server.cases;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gengbao.server.grid.GridCell;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.webhook.WebhookSender;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers each new deadline reminder to an outside system (SMS gateway, messaging of the officers): once the reminder
 * is stored, a JSON notice — case number, step, due date, town, officer — is POSTed to {@code
 * gengbao.cases.reminders.webhook-url}, tried up to {@code webhook-attempts} times with doubling pauses. Nothing is
 * sent when no URL is configured; a notice that could not be delivered is logged (the reminder stays listed in the
 * application, unread).
 */
@Component
class ReminderWebhook implements DisposableBean {
    private final WebhookSender sender;
    private final GridCells cells;

    ReminderWebhook(ReminderProperties properties, GridCells cells) {
        this.sender = new WebhookSender("reminder-webhook", properties.webhook());
        this.cells = cells;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void reminded(CaseReminder reminder) {
        if (sender.enabled()) {
            String town = CaseFigures.townOf(reminder.gridCode());
            String townName = cells.find(town).map(GridCell::name).orElse(null);
            sender.send(
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

    @Override
    public void destroy() throws InterruptedException {
        sender.close();
    }
}
