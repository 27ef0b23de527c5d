package org.gengbao.server.cases;

import java.net.URI;
import java.time.Duration;
import org.gengbao.server.webhook.WebhookSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The morning reminders of case deadlines under {@code gengbao.cases.reminders.*}; the schedule itself is {@code
 * gengbao.cases.reminders.cron} (default 07:30 county time).
 *
 * @param enabled whether the scheduled job runs (tests switch it off and call {@link Reminders#run} themselves)
 * @param daysAhead a deadline is reminded from this many days before its due date, and every day once overdue
 * @param webhookUrl where a JSON notice of each new reminder is POSTed (none when empty)
 * @param webhookAttempts how often a notice is tried before it is given up (logged)
 * @param webhookTimeout time limit of one attempt
 * @param webhookBackoff pause before the second attempt, doubled for each further one
 */
@ConfigurationProperties("gengbao.cases.reminders")
record ReminderProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int daysAhead,
        URI webhookUrl,
        @DefaultValue("4") int webhookAttempts,
        @DefaultValue("PT5S") Duration webhookTimeout,
        @DefaultValue("PT0.5S") Duration webhookBackoff) {

    WebhookSettings webhook() {
        return new WebhookSettings(webhookUrl, webhookAttempts, webhookTimeout, webhookBackoff);
    }
}
