package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.cases.CaseReminder;
import org.gengbao.server.cases.Reminders;
import org.gengbao.server.grid.GridCell;
import org.gengbao.server.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Delivery of case deadline reminders: each new reminder is POSTed as JSON to the configured webhook after its commit
 * (a real HTTP receiver here, which answers the first attempt of every notice with 503, so each is retried), and each
 * account has its own unread state ({@code GET /api/v1/cases/reminders?unread=true}, {@code POST
 * /api/v1/cases/reminders/{id}/read}).
 */
class CaseReminderDeliveryTest extends CaseTestSupport {
    /** Attempts per reminder id. */
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    /** The receiver refuses the first attempt of every notice (503) and accepts the second. */
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start((call, body) ->
            ATTEMPTS.computeIfAbsent(JSON.readTree(body).path("reminderId").asString(), k -> new AtomicInteger())
                                    .incrementAndGet()
                            == 1
                    ? 503
                    : 204);

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("gengbao.cases.reminders.webhook-url", () -> RECEIVER.url().toString());
        registry.add("gengbao.cases.reminders.webhook-backoff", () -> "PT0.1S");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Autowired
    Reminders reminders;

    @Autowired
    PlatformTransactionManager transactions;

    private static CaseReminder of(List<CaseReminder> made, String caseId) {
        List<CaseReminder> mine =
                made.stream().filter(r -> r.caseId().equals(caseId)).toList();
        assertThat(mine).as("reminders of case %s", caseId).hasSize(1);
        return mine.get(0);
    }

    /** Waits for the delivered notice of this reminder. */
    private static JsonNode awaitDelivered(String reminderId) throws InterruptedException {
        return JSON.readTree(RECEIVER.await(
                n -> JSON.readTree(n).path("reminderId").asString().equals(reminderId),
                Duration.ofSeconds(20),
                "reminder " + reminderId));
    }

    private static long deliveredOf(String caseId) {
        return RECEIVER.accepted().stream()
                .filter(n -> JSON.readTree(n).path("caseId").asString().equals(caseId))
                .count();
    }

    @Test
    void eachNewReminderIsPostedOnceAfterItsCommitAndRetried() throws Exception {
        JsonNode c = openCase(newClue());
        String caseId = c.path("id").asString();
        LocalDate due = verifyDue(c);

        // the day before the due date: one reminder, delivered at the second attempt
        LocalDate day = due.minusDays(1);
        CaseReminder r = of(reminders.run(day), caseId);
        JsonNode notice = awaitDelivered(r.id());
        assertThat(ATTEMPTS.get(r.id()).get()).as("the first answer was 503").isEqualTo(2);
        assertThat(notice.path("event").asString()).isEqualTo("CASE_REMINDER");
        assertThat(notice.path("caseId").asString()).isEqualTo(caseId);
        assertThat(notice.path("caseNumber").asString())
                .isEqualTo(c.path("number").asString())
                .isNotBlank();
        assertThat(notice.path("step").asString()).isEqualTo("VERIFY");
        assertThat(notice.path("titleZh").asString()).isEqualTo("线索核查");
        assertThat(notice.path("dueOn").asString()).isEqualTo(due.toString());
        assertThat(notice.path("remindOn").asString()).isEqualTo(day.toString());
        assertThat(notice.path("daysLeft").asLong()).isEqualTo(1);
        assertThat(notice.path("overdue").asBoolean()).isFalse();
        assertThat(notice.path("officer").asString()).isEqualTo("t-officer");
        assertThat(notice.path("responsibleRole").asString()).isEqualTo("OFFICER");
        assertThat(notice.path("gridCode").asString()).isEqualTo(villageA1);
        assertThat(notice.path("townCode").asString()).isEqualTo(townA);
        assertThat(notice.path("townName").asString())
                .isEqualTo(gridCells.find(townA).map(GridCell::name).orElseThrow())
                .isNotBlank();
        assertThat(notice.path("href").asString()).isEqualTo("/api/v1/cases/" + caseId);
        assertThat(RECEIVER.contentTypes()).allSatisfy(t -> assertThat(t).startsWith("application/json"));

        // a second run of the day records and sends nothing; a reminder rolled back is never sent
        assertThat(reminders.run(day).stream().filter(x -> x.caseId().equals(caseId)))
                .isEmpty();
        LocalDate overdueDay = due.plusDays(3);
        String rolledBack = new TransactionTemplate(transactions).execute(status -> {
            CaseReminder x = of(reminders.run(overdueDay), caseId);
            status.setRollbackOnly();
            return x.id();
        });
        assertThat(count("SELECT COUNT(*) FROM case_reminder WHERE id = ?", rolledBack))
                .isZero();
        // overdue three days later: a new reminder, sent once
        CaseReminder overdue = of(reminders.run(overdueDay), caseId);
        JsonNode late = awaitDelivered(overdue.id());
        assertThat(late.path("overdue").asBoolean()).isTrue();
        assertThat(late.path("daysLeft").asLong()).isEqualTo(-3);
        // the notices go out in order, so anything sent before this one has arrived by now
        assertThat(ATTEMPTS).doesNotContainKey(rolledBack);
        assertThat(deliveredOf(caseId)).isEqualTo(2);
        assertThat(ATTEMPTS.get(overdue.id()).get()).isEqualTo(2);
    }

    private JsonNode reminderList(String token, String query) throws Exception {
        var r = getJson(token, "/api/v1/cases/reminders?" + query);
        JsonNode out = json(r);
        assertThat(r.andReturn().getResponse().getStatus()).as(out.toString()).isEqualTo(200);
        return out.path("items");
    }

    private static JsonNode item(JsonNode items, String reminderId) {
        for (JsonNode i : items) {
            if (i.path("id").asString().equals(reminderId)) {
                return i;
            }
        }
        return null;
    }

    private ResultActions markRead(String token, String reminderId) throws Exception {
        return mvc.perform(
                post("/api/v1/cases/reminders/" + reminderId + "/read").header("Authorization", bearer(token)));
    }

    private JsonNode read(String token, String reminderId) throws Exception {
        ResultActions r = markRead(token, reminderId);
        JsonNode out = json(r);
        assertThat(r.andReturn().getResponse().getStatus()).as(out.toString()).isEqualTo(200);
        return out;
    }

    @Test
    void eachAccountMarksItsOwnRemindersRead() throws Exception {
        JsonNode c = openCase(newClue());
        String caseId = c.path("id").asString();
        LocalDate day = verifyDue(c).minusDays(2);
        String id = of(reminders.run(day), caseId).id();
        String on = "&on=" + day;
        String officer = token(Role.OFFICER);

        JsonNode unread = item(reminderList(officer, "mine=true&unread=true" + on), id);
        assertThat(unread).as("unread reminder listed").isNotNull();
        assertThat(unread.path("read").asBoolean()).isFalse();
        assertThat(unread.path("readAt").isNull()).isTrue();
        assertThat(unread.path("caseId").asString()).isEqualTo(caseId);
        assertThat(unread.path("daysLeft").asLong()).isEqualTo(2);

        JsonNode marked = read(officer, id);
        assertThat(marked.path("id").asString()).isEqualTo(id);
        assertThat(marked.path("read").asBoolean()).isTrue();
        String readAt = marked.path("readAt").asString();
        assertThat(readAt).isNotBlank();
        assertThat(ChronoUnit.SECONDS.between(java.time.Instant.parse(readAt), java.time.Instant.now()))
                .isBetween(0L, 60L);
        // once read, no longer unread for the officer; still listed as read; marking again changes nothing
        assertThat(item(reminderList(officer, "mine=true&unread=true" + on), id))
                .isNull();
        assertThat(item(reminderList(officer, "mine=true" + on), id)
                        .path("read")
                        .asBoolean())
                .isTrue();
        assertThat(read(officer, id).path("readAt").asString()).isEqualTo(readAt);
        assertThat(count("SELECT COUNT(*) FROM case_reminder_read WHERE reminder_id = ?", id))
                .isEqualTo(1);

        // other accounts have their own state: the town and the admin still see it unread
        String town = token(Role.TOWN);
        assertThat(item(reminderList(town, "mine=false&unread=true" + on), id)).isNotNull();
        assertThat(item(reminderList(token(Role.ADMIN), "mine=false&unread=true" + on), id))
                .isNotNull();
        assertThat(read(town, id).path("read").asBoolean()).isTrue();
        assertThat(item(reminderList(town, "mine=false&unread=true" + on), id)).isNull();
        assertThat(item(reminderList(token(Role.ADMIN), "mine=false&unread=true" + on), id))
                .isNotNull();

        // who may not see the case cannot mark its reminder; unknown ids are not found
        problem(markRead(login("t-town-b", "secret-town"), id), 404, "REMINDER_NOT_FOUND");
        problem(markRead(token(Role.COURT), id), 404, "REMINDER_NOT_FOUND");
        problem(markRead(token(Role.INSPECTOR), id), 403, "FORBIDDEN");
        problem(markRead(officer, "no-such-reminder"), 404, "REMINDER_NOT_FOUND");
        assertThat(count("SELECT COUNT(*) FROM case_reminder_read WHERE reminder_id = ?", id))
                .isEqualTo(2);
    }
}
