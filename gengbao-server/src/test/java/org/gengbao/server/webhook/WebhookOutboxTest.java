package org.gengbao.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.gengbao.server.ServerTestBase;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The webhook outbox on the database of the run, against real local HTTP receivers: notices written with their
 * transaction, delivered in order with retries, kept across a restart (a second outbox on the same table plays the
 * restarted server), claimed so that two nodes do not both send one, given up and retried. Each test uses webhooks of
 * its own name, so the notices of other tests (and other classes) sharing the database are never in its way.
 */
class WebhookOutboxTest extends ServerTestBase {
    private static final Duration FAST_POLL = Duration.ofMillis(200);

    @Autowired
    PlatformTransactionManager transactions;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private WebhookReceiver receiver(WebhookReceiver.Answer answer) {
        WebhookReceiver r = WebhookReceiver.start(answer);
        open.add(r);
        return r;
    }

    /** A new outbox on the context's database, as another server node (or the same server after a restart) has. */
    private WebhookOutbox outbox() {
        WebhookOutbox o = new WebhookOutbox(jdbc, FAST_POLL, Duration.ofDays(30));
        open.add(o::destroy);
        return o;
    }

    private static String uniqueName() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static WebhookSettings settings(URI url, int attempts) {
        return new WebhookSettings(url, attempts, Duration.ofSeconds(2), Duration.ofMillis(50));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private long rows(String webhook, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_notice WHERE webhook = ? AND " + condition)
                .param(webhook)
                .query(Long.class)
                .single();
    }

    @Test
    void aNoticeRefusedOnceIsDeliveredAtTheSecondAttemptAndNoticesKeepTheirOrder() throws Exception {
        WebhookReceiver receiver = receiver((call, body) -> call == 1 ? 500 : 204);
        String name = uniqueName();
        Webhook hook = outbox().register(name, settings(receiver.url(), 3));
        hook.enqueue("first", Map.of("n", 1));
        hook.enqueue("second", Map.of("n", 2));
        await(() -> receiver.accepted().size() == 2, "two notices");
        assertThat(receiver.calls()).isEqualTo(3);
        assertThat(receiver.accepted()).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(receiver.contentTypes()).containsOnly("application/json");
        // every attempt at one notice carries the same number, so the receiver can recognise a repeat
        List<String> numbers = receiver.noticeNumbers();
        assertThat(numbers.get(0)).isEqualTo(numbers.get(1)).isNotEqualTo(numbers.get(2));
        await(() -> rows(name, "delivered_at IS NOT NULL") == 2, "both recorded as delivered");
        assertThat(jdbc.sql("SELECT attempts FROM webhook_notice WHERE webhook = ? ORDER BY id")
                        .param(name)
                        .query(Integer.class)
                        .list())
                .containsExactly(2, 1);
    }

    @Test
    void aNoticeOfARolledBackTransactionIsNeverWrittenNorSentAndNoUrlWritesNothing() throws Exception {
        WebhookReceiver receiver = receiver((call, body) -> 204);
        String name = uniqueName();
        Webhook hook = outbox().register(name, settings(receiver.url(), 2));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            hook.enqueue("rolled back", Map.of("n", 1));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> hook.enqueue("committed", Map.of("n", 2)));
        await(() -> receiver.accepted().size() == 1, "the committed notice");
        assertThat(receiver.accepted()).containsExactly("{\"n\":2}");
        assertThat(rows(name, "1 = 1")).isEqualTo(1);

        for (URI none : new URI[] {null, URI.create("")}) {
            String off = uniqueName();
            Webhook disabled = outbox().register(off, settings(none, 2));
            assertThat(disabled.enabled()).isFalse();
            disabled.enqueue("nothing", Map.of("n", 3));
            assertThat(rows(off, "1 = 1")).isZero();
        }
    }

    @Test
    void aNoticeWaitingForItsRetryIsDeliveredByTheRestartedServer() throws Exception {
        AtomicBoolean up = new AtomicBoolean(false);
        WebhookReceiver receiver = receiver((call, body) -> up.get() ? 204 : 503);
        String name = uniqueName();
        WebhookSettings patient =
                new WebhookSettings(receiver.url(), 20, Duration.ofSeconds(2), Duration.ofSeconds(30));
        WebhookOutbox before = outbox();
        Webhook hook = before.register(name, patient);
        hook.enqueue("survives", Map.of("n", 1));
        await(() -> receiver.calls() == 1, "the first attempt");
        await(() -> rows(name, "last_error = 'HTTP 503'") == 1, "the refusal recorded");
        before.destroy(); // the server stops, its notice waiting 30 s for the second attempt

        up.set(true);
        jdbc.sql("UPDATE webhook_notice SET next_attempt_at = CURRENT_TIMESTAMP WHERE webhook = ?")
                .param(name)
                .update(); // the 30 s pass while the server is down
        outbox().register(name, patient);
        await(() -> receiver.accepted().size() == 1, "delivery after the restart");
        assertThat(receiver.accepted()).containsExactly("{\"n\":1}");
        assertThat(receiver.calls()).isEqualTo(2);
        await(() -> rows(name, "delivered_at IS NOT NULL AND attempts = 2") == 1, "delivered at the 2nd attempt");
    }

    @Test
    void twoNodesOnOneDatabaseSendEachNoticeOnceInOrder() throws Exception {
        WebhookReceiver receiver = receiver((call, body) -> 204);
        String name = uniqueName();
        Webhook a = outbox().register(name, settings(receiver.url(), 3));
        Webhook b = outbox().register(name, settings(receiver.url(), 3));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            (i % 2 == 0 ? a : b).enqueue("n" + i, Map.of("n", i));
            expected.add("{\"n\":" + i + "}");
        }
        await(() -> receiver.accepted().size() >= 30, "30 notices");
        Thread.sleep(FAST_POLL.multipliedBy(3).toMillis()); // a second copy would arrive within the next polls
        assertThat(receiver.accepted()).containsExactlyElementsOf(expected);
        assertThat(receiver.calls()).isEqualTo(30);
    }

    @Test
    void aNoticeGivenUpIsShownToTheAdministratorAndRetried() throws Exception {
        AtomicBoolean up = new AtomicBoolean(false);
        WebhookReceiver receiver = receiver((call, body) -> up.get() ? 204 : 503);
        String name = uniqueName();
        WebhookOutbox outbox = outbox();
        Webhook hook = outbox.register(name, settings(receiver.url(), 2));
        hook.enqueue("refused", Map.of("n", 1));
        hook.enqueue("next", Map.of("n", 2));
        await(() -> rows(name, "given_up_at IS NOT NULL") == 2, "both given up after 2 attempts");
        assertThat(receiver.calls()).isEqualTo(4);
        WebhookOutbox.Status status = outbox.status().get(0);
        assertThat(status.givenUp()).isEqualTo(2);
        assertThat(status.waiting()).isZero();
        assertThat(status.lastError()).isEqualTo("HTTP 503");
        assertThat(status.url()).isEqualTo(receiver.url().toString());

        up.set(true);
        assertThat(outbox.retry(hook)).isEqualTo(2);
        await(() -> receiver.accepted().size() == 2, "both after the retry");
        assertThat(receiver.accepted()).containsExactly("{\"n\":1}", "{\"n\":2}");
        await(() -> outbox.status().get(0).delivered() == 2, "the status shows both delivered");
        assertThat(outbox.status().get(0).givenUp()).isZero();
    }

    @Test
    void theAdministratorSeesTheApplicationsWebhooksAndOthersMayNot() throws Exception {
        var listed = mvc.perform(get("/api/v1/webhooks").header("Authorization", bearer(token(Role.ADMIN))))
                .andReturn()
                .getResponse();
        assertThat(listed.getStatus()).isEqualTo(200);
        JsonNode hooks = JSON.readTree(listed.getContentAsString());
        List<String> names = new ArrayList<>();
        hooks.forEach(h -> names.add(h.path("name").asString()));
        assertThat(names).contains("case-reminder", "clue");
        hooks.forEach(h -> assertThat(h.has("waiting") && h.has("givenUp") && h.has("enabled"))
                .as(h.toString())
                .isTrue());

        assertThat(mvc.perform(get("/api/v1/webhooks").header("Authorization", bearer(token(Role.OFFICER))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        problem(
                mvc.perform(post("/api/v1/webhooks/nope/retry").header("Authorization", bearer(token(Role.ADMIN)))),
                404,
                "WEBHOOK_NOT_FOUND");
        var retried = mvc.perform(
                        post("/api/v1/webhooks/clue/retry").header("Authorization", bearer(token(Role.ADMIN))))
                .andReturn()
                .getResponse();
        assertThat(retried.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(retried.getContentAsString()).path("requeued").asInt())
                .isZero();
    }
}
