package org.gengbao.server.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of the outbound webhooks (table {@code webhook_notice}): the modules that tell outside systems about their
 * events {@link #register} a {@link Webhook} each and {@link Webhook#enqueue enqueue} notices in the transaction of
 * the event; each webhook's thread delivers them in order, with retries that survive restarts. Delivered notices are
 * kept for {@code gengbao.webhooks.keep-delivered} (30 days) as the delivery log; notices given up stay until they are
 * {@link #retry retried}.
 */
@Component
public class WebhookOutbox implements DisposableBean {
    private final JdbcClient jdbc;
    private final Duration poll;
    private final Duration keepDelivered;
    private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();

    WebhookOutbox(
            JdbcClient jdbc,
            @Value("${gengbao.webhooks.poll:PT15S}") Duration poll,
            @Value("${gengbao.webhooks.keep-delivered:P30D}") Duration keepDelivered) {
        this.jdbc = jdbc;
        this.poll = poll;
        this.keepDelivered = keepDelivered;
    }

    /** The webhook of this name, started now (its thread sends what earlier runs left waiting). Names are unique. */
    public Webhook register(String name, WebhookSettings settings) {
        Webhook w = new Webhook(name, settings, jdbc, poll, keepDelivered);
        if (webhooks.putIfAbsent(name, w) != null) {
            closeQuietly(w);
            throw new IllegalStateException("webhook " + name + " is registered twice");
        }
        return w;
    }

    /** Where one webhook stands: its notices by state and the latest failure. */
    public record Status(
            String name,
            boolean enabled,
            String url,
            long waiting,
            long delivered,
            long givenUp,
            OffsetDateTime oldestWaitingSince,
            OffsetDateTime lastDeliveredAt,
            String lastError) {}

    /** The registered webhooks, by name. */
    public List<Status> status() {
        List<Status> out = new ArrayList<>();
        webhooks.values().stream()
                .sorted(java.util.Comparator.comparing(Webhook::name))
                .forEach(w -> out.add(status(w)));
        return out;
    }

    public Optional<Webhook> find(String name) {
        return Optional.ofNullable(webhooks.get(name));
    }

    private Status status(Webhook w) {
        return jdbc.sql("SELECT"
                        + " COUNT(CASE WHEN delivered_at IS NULL AND given_up_at IS NULL THEN 1 END),"
                        + " COUNT(delivered_at), COUNT(given_up_at),"
                        + " MIN(CASE WHEN delivered_at IS NULL AND given_up_at IS NULL THEN created_at END),"
                        + " MAX(delivered_at)"
                        + " FROM webhook_notice WHERE webhook = ?")
                .param(w.name())
                .query((rs, i) -> new Status(
                        w.name(),
                        w.enabled(),
                        w.safeUrl(),
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, OffsetDateTime.class),
                        lastError(w.name())))
                .single();
    }

    private String lastError(String webhook) {
        return jdbc.sql("SELECT last_error FROM webhook_notice WHERE webhook = ? AND last_error IS NOT NULL"
                        + " AND delivered_at IS NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(webhook)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /**
     * Puts the notices of this webhook that were given up back in line, in their original order, with fresh attempts.
     *
     * @return how many
     */
    public int retry(Webhook webhook) {
        int n = jdbc.sql("UPDATE webhook_notice SET given_up_at = NULL, attempts = 0, next_attempt_at = ?"
                        + " WHERE webhook = ? AND given_up_at IS NOT NULL")
                .params(OffsetDateTime.now(java.time.ZoneOffset.UTC), webhook.name())
                .update();
        webhook.wakeAfterCommit();
        return n;
    }

    @Override
    public void destroy() {
        webhooks.values().forEach(WebhookOutbox::closeQuietly);
    }

    private static void closeQuietly(Webhook w) {
        try {
            w.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
