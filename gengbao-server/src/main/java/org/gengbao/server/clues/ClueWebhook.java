package org.gengbao.server.clues;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gengbao.server.webhook.Webhook;
import org.gengbao.server.webhook.WebhookOutbox;
import org.gengbao.server.webhook.WebhookSettings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells an outside system (the duty officer's messaging, a dashboard) about each new clue: the creating transaction
 * writes a JSON notice into the webhook outbox ({@link WebhookOutbox}, webhook {@code clue}), which POSTs it to {@code
 * gengbao.clues.webhook-url} once committed, tried up to {@code webhook-attempts} times with doubling pauses, across
 * restarts. A failing receiver never affects the upload; a notice given up is logged and can be retried by an
 * administrator ({@code POST /api/v1/webhooks/clue/retry}).
 */
@Component
class ClueWebhook {
    private final Webhook webhook;

    ClueWebhook(CluesProperties properties, WebhookOutbox outbox) {
        this.webhook = outbox.register(
                "clue",
                new WebhookSettings(
                        properties.webhookUrl(),
                        properties.webhookAttempts(),
                        properties.webhookTimeout(),
                        properties.webhookBackoff()));
    }

    // in the event's transaction: the notice is written exactly when the event is committed
    @EventListener
    void clueCreated(ClueCreated event) {
        webhook.enqueue("clue " + event.clueId(), notice(event));
    }

    static Map<String, Object> notice(ClueCreated e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "CLUE_CREATED");
        m.put("clueId", e.clueId());
        m.put("source", e.source());
        m.put("gridCode", e.gridCode());
        m.put("verdict", e.verdict());
        m.put("needsOutline", e.needsOutline());
        m.put("areaM2", e.areaM2());
        m.put("location", Map.of("type", "Point", "coordinates", new double[] {e.lon(), e.lat()}));
        m.put("firstEvidenceAt", e.firstEvidenceAt().toString());
        m.put("createdAt", e.createdAt().toString());
        m.put("href", "/api/v1/clues/" + e.clueId());
        return m;
    }
}
