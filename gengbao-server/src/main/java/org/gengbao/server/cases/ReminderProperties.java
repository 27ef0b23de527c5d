package org.gengbao.server.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The morning reminders of case deadlines under {@code gengbao.cases.reminders.*}; the schedule itself is {@code
 * gengbao.cases.reminders.cron} (default 07:30 county time).
 *
 * @param enabled whether the scheduled job runs (tests switch it off and call {@link Reminders#run} themselves)
 * @param daysAhead a deadline is reminded from this many days before its due date, and every day once overdue
 */
@ConfigurationProperties("gengbao.cases.reminders")
record ReminderProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") int daysAhead) {}
